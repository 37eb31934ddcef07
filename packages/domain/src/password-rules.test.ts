import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PASSWORD_MESSAGES as M, passwordProblem, refinePasswordContext, ZPassword } from './password';

// The edges of the password rule, each from the rule as written in password.ts: look-alikes, what is
// trimmed from the ends, the shortest words of an email or a name that count, the length limits.

describe('look-alike letters', () => {
  it('reads a 1 as an i, and as an l, inside a common word', () => {
    expect(passwordProblem('sunsh1ne2024!')).toBe(M.common);
    expect(passwordProblem('he11o2024!!!')).toBe(M.common);
  });
});

describe('what is trimmed from a guess', () => {
  it('every digit and symbol in front of a common word, however many', () => {
    expect(passwordProblem('12345sunshine')).toBe(M.common);
  });

  it('only at the ends: digits in the middle of the words are not taken out', () => {
    expect(passwordProblem('ilove1234you')).toBeNull();
  });
});

describe('sequences', () => {
  it('count from four characters left once the ends are trimmed', () => {
    expect(passwordProblem('!!!!!!!!abcd')).toBe(M.sequence);
    expect(passwordProblem('!!!!!!!!!xyz')).toBeNull();
  });
});

describe('the length limits', () => {
  it('take exactly 200 characters and refuse 201, once', () => {
    const long = 'amber falcon quietly juggles seven violet lanterns near the old harbour wall while '.repeat(3);
    const exactly200 = long.slice(0, 200);
    expect(exactly200).toHaveLength(200);
    expect(passwordProblem(exactly200)).toBeNull();
    expect(ZPassword.safeParse(long.slice(0, 201)).error?.issues.map((i) => i.message)).toEqual([M.tooLong]);
  });

  it('still apply the other rules at exactly 200 characters', () => {
    expect(ZPassword.safeParse('a'.repeat(200)).error?.issues.map((i) => i.message)).toEqual([M.oneCharacter]);
  });
});

describe('the account in the password', () => {
  it('refuses the whole email address, even with a local part too short to count alone', () => {
    expect(passwordProblem('al@example.com', { email: 'al@example.com' })).toBe(M.email);
  });

  it('refuses a local part of four characters inside the password', () => {
    expect(passwordProblem('mydana2024!!', { email: 'dana@example.com' })).toBe(M.email);
  });

  it('refuses a word of the local part, from three letters, with digits or symbols around it', () => {
    expect(passwordProblem('tom1234567890', { email: 'tom.baker@example.com' })).toBe(M.email);
    expect(passwordProblem('jo#2024#2025#', { email: 'jo.baker@example.com' })).toBeNull();
  });

  it('refuses a name of four letters inside the password, also with look-alikes', () => {
    expect(passwordProblem('I am boli 2024', { name: 'Bo Li' })).toBe(M.name);
    expect(passwordProblem('annl1 forever!', { name: 'Ann Li' })).toBe(M.name);
  });

  it('refuses a word of the name from two letters, not one', () => {
    expect(passwordProblem('li2024202520', { name: 'Li Na' })).toBe(M.name);
    expect(passwordProblem('j!!!!2024###', { name: 'J Smith' })).toBeNull();
  });
});

describe('the context check of a form', () => {
  type Setup = { password: unknown; email: string; name: string };
  const issuesOf = (value: Setup) => {
    const issues: unknown[] = [];
    const ctx = { addIssue: (i: unknown) => issues.push(i) } as unknown as z.RefinementCtx<Setup>;
    refinePasswordContext<Setup>((v) => v)(value, ctx);
    return issues;
  };

  it('leaves a password the general rule refuses, or one that is not text, to ZPassword', () => {
    expect(issuesOf({ password: 'password1234', email: 'sam@example.com', name: 'Sam' })).toEqual([]);
    expect(issuesOf({ password: 12, email: 'sam@example.com', name: 'Sam' })).toEqual([]);
  });

  it('says nothing of a good password, and puts a context problem on the field', () => {
    expect(
      issuesOf({ password: 'seven purple lanterns drifting', email: 'sam@example.com', name: 'Sam Setup' }),
    ).toEqual([]);
    expect(issuesOf({ password: 'Sam Setup forever', email: 'sam@example.com', name: 'Sam Setup' })).toEqual([
      { code: 'custom', path: ['password'], message: M.name },
    ]);
  });
});
