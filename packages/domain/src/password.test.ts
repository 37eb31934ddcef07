import { describe, expect, it } from 'vitest';
import { ZSetup } from './org';
import { PASSWORD_MESSAGES as M, passwordProblem, ZChangePassword, ZPassword } from './password';
import commonPasswords from './data/common-passwords.json';

describe('password rule', () => {
  it('keeps the length limits', () => {
    expect(passwordProblem('short one')).toBe(M.tooShort);
    expect(passwordProblem('x'.repeat(199) + 'y!')).toBe(M.tooLong);
  });

  it("refuses what the security probe found: 'aaaaaaaaaaaa', 'password1234', twelve spaces, the email", () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe(M.oneCharacter);
    expect(passwordProblem('password1234')).toBe(M.common);
    expect(passwordProblem('            ')).toBe(M.onlySpaces);
    expect(passwordProblem('dana.smith@example.com', { email: 'dana.smith@example.com' })).toBe(M.email);
  });

  it('refuses common passwords also with digits or symbols added, spaces, capitals or look-alike letters', () => {
    for (const p of [
      'Password2024!',
      'P@ssw0rd!2024',
      '!!iloveyou!!!',
      'Ilove You 2024',
      '@dmin1234567',
      'football12345',
      'leave me alone',
      '1q2w3e4r5t6y',
      'trustno1 trustno1',
    ])
      expect(passwordProblem(p), p).not.toBeNull();
  });

  it('refuses repetitions and sequences', () => {
    expect(passwordProblem('abcabcabcabc')).toBe(M.repeated);
    expect(passwordProblem('passwordpassword')).toBe(M.repeated);
    expect(passwordProblem('123456789012')).toBe(M.sequence);
    expect(passwordProblem('098765432109')).toBe(M.sequence);
    expect(passwordProblem('abcdefghijkl')).toBe(M.sequence);
    expect(passwordProblem('qwertyuiop12')).toBe(M.sequence);
  });

  it('refuses the product name and the account: email, its local part, the name', () => {
    expect(passwordProblem('fortytwo rocks!')).toBe(M.product);
    expect(passwordProblem('F0rty-Tw0 is great')).toBe(M.product);
    const account = { email: 'dana.smith@example.com', name: 'Dana Whitfield' };
    expect(passwordProblem('dana.smith2024!', account)).toBe(M.email);
    expect(passwordProblem('DanaSmith is here', account)).toBe(M.email);
    expect(passwordProblem('Dana Whitfield 1!', account)).toBe(M.name);
    expect(passwordProblem('whitfield1234567', account)).toBe(M.name);
    // Without the account, the same passwords are fine: the context is what makes them guessable.
    expect(passwordProblem('Dana Whitfield 1!')).toBeNull();
  });

  it('accepts passphrases, including the ones the test suites use', () => {
    for (const p of [
      'correct horse battery staple',
      'a long enough passphrase',
      'viewers only read things',
      'auditors read everything',
      'seven purple lanterns drifting',
      'kx7p-q2rm-tn8w-zb4d',
    ])
      expect(passwordProblem(p, { email: 'olivia.owner@example.com', name: 'Olivia Owner' }), p).toBeNull();
  });

  it('ships a list of a few thousand common passwords, lower case and without duplicates', () => {
    const list = commonPasswords.passwords;
    expect(list.length).toBeGreaterThan(2000);
    expect(list.length).toBeLessThan(5000);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every((p) => p === p.toLowerCase())).toBe(true);
    expect(list.slice(0, 3)).toEqual(['password', 'qwerty', 'dragon']);
  });

  it('puts the message on the password field of the forms, with the context of the same form', () => {
    expect(ZPassword.safeParse('password1234').error?.issues[0]?.message).toBe(M.common);
    expect(ZPassword.safeParse('short').error?.issues.map((i) => i.message)).toEqual([M.tooShort]);
    const setup = ZSetup.safeParse({
      email: 'sam@example.com',
      password: 'Sam Setup forever',
      name: 'Sam Setup',
      organizationName: 'Acme',
    });
    expect(setup.error?.issues).toEqual([expect.objectContaining({ path: ['password'], message: M.name })]);
    expect(
      ZChangePassword.safeParse({ currentPassword: 'x', newPassword: '            ' }).error?.issues[0],
    ).toMatchObject({ path: ['newPassword'], message: M.onlySpaces });
  });
});
