import { z } from 'zod';
import commonPasswords from './data/common-passwords.json';

/**
 * The one password rule (NIST SP 800-63B, 5.1.1.2): length over complexity, and no password an
 * attacker tries first. Used by setup, invitation accept, change password and reset, on the
 * server and in the forms. Checked when a password is chosen, never at sign-in.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const PRODUCT_NAME = 'fortytwo';

/** What the rule knows about the account, to refuse passwords made of it. */
export type PasswordContext = { email?: string | null | undefined; name?: string | null | undefined };

const COMMON = new Set<string>(commonPasswords.passwords);

// Letters typed as look-alike digits or symbols. "1" reads as "i" or "l": both are tried.
const SWAPS: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '9': 'g',
  '!': 'i',
  '|': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};
const unswap = (s: string, one: 'i' | 'l') =>
  s.replace(/[@4(83690!|$572+1]/g, (c) => (c === '1' ? one : (SWAPS[c] ?? c)));

/** Lower case, without spaces: "Pass Word" and "password" are the same guess. */
const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
const trimStart = (s: string) => s.replace(/^[^\p{L}]+/u, '');
const trimEnd = (s: string) => s.replace(/[^\p{L}]+$/u, '');

/** The forms a guesser derives from one word: digits and symbols added at either end, letters swapped for look-alikes. */
function variants(password: string): Set<string> {
  const s = squash(password);
  const out = new Set<string>();
  for (const base of [s, trimEnd(s), trimStart(s), trimStart(trimEnd(s))]) {
    for (const v of [base, unswap(base, 'i'), unswap(base, 'l')]) {
      out.add(v);
      out.add(trimStart(trimEnd(v)));
    }
  }
  out.delete('');
  return out;
}

// Runs a guesser tries: the alphabet, digits (wrapping 9 → 0) and the rows and columns of a keyboard.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789012345678901234567890',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1234567890qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0',
];
const isSequence = (s: string) =>
  s.length >= 4 && SEQUENCES.some((q) => q.includes(s) || [...q].reverse().join('').includes(s));

/** "abcabcabcabc", "passwordpassword": one short part said again and again. */
function isRepeatedPattern(s: string): boolean {
  for (let k = 1; k <= s.length / 2; k++) {
    if (s.length % k === 0 && s.slice(0, k).repeat(s.length / k) === s) return true;
  }
  return false;
}

/** The words of an email address and a name that a password must not be made of. */
function contextWords(context: PasswordContext) {
  const email = squash(context.email ?? '');
  const local = email.split('@')[0] ?? '';
  const localWords = local.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const nameWords = (context.name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return { email, local: local.replace(/[^\p{L}\p{N}]+/gu, ''), localWords, name: nameWords.join(''), nameWords };
}

/** What every form that sets a password says under the field. */
export const PASSWORD_HINT =
  'At least 12 characters. A few unrelated words are easy to remember and hard to guess. Common passwords, your name or email, and "Fortytwo" are refused.';

export const PASSWORD_MESSAGES = {
  tooShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  onlySpaces: 'A password of only spaces is too easy to guess. Use a few words you can remember instead.',
  oneCharacter: 'This password repeats one character. Use a few unrelated words instead.',
  repeated: 'This password repeats the same short part. Use a few unrelated words instead.',
  sequence:
    'This password is a simple sequence (like 123456789012, abcdefghijkl or a keyboard row). Use a few unrelated words instead.',
  common:
    'This is one of the most common passwords (also with digits or symbols added, or look-alikes such as p@ssw0rd), which attackers try first. Choose something less predictable, such as a few unrelated words.',
  product: 'Do not use the name of this application (Fortytwo) in your password: it is among the first guesses here.',
  email: 'Do not use your email address, or the part before the @, in your password.',
  name: 'Do not use your name as your password.',
} as const;

/**
 * Why a password is refused, in plain words, or null when it is fine. `context` adds the account's
 * own email and name to what is refused; without it only the general rules apply.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (password.length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (password.trim() === '') return PASSWORD_MESSAGES.onlySpaces;
  const s = squash(password);
  if (new Set(s).size === 1) return PASSWORD_MESSAGES.oneCharacter;
  if (isRepeatedPattern(s)) return PASSWORD_MESSAGES.repeated;
  const forms = variants(password);
  if (isSequence(s) || isSequence(trimStart(trimEnd(s)))) return PASSWORD_MESSAGES.sequence;
  for (const f of forms) if (COMMON.has(f)) return PASSWORD_MESSAGES.common;
  // For "contains": also with separators left out ("forty-two", "dana.smith").
  const spans = [...forms].flatMap((f) => [f, f.replace(/[^\p{L}\p{N}]+/gu, '')]);
  if (spans.some((f) => f.includes(PRODUCT_NAME))) return PASSWORD_MESSAGES.product;

  const c = contextWords(context);
  if (c.email && s.includes(c.email)) return PASSWORD_MESSAGES.email;
  if (c.local.length >= 4 && spans.some((f) => f.includes(c.local))) return PASSWORD_MESSAGES.email;
  if (c.localWords.some((w) => forms.has(w))) return PASSWORD_MESSAGES.email;
  if (c.name.length >= 4 && spans.some((f) => f.includes(c.name))) return PASSWORD_MESSAGES.name;
  if (c.nameWords.some((w) => forms.has(w))) return PASSWORD_MESSAGES.name;
  return null;
}

/** A new password: the rules that need no account (length, common, repeated, sequences, the product name). */
export const ZPassword = z
  .string({ error: 'Password must be text' })
  .min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong)
  .superRefine((password, ctx) => {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return; // said above
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * For a form or body that also carries the email or name: refuses a password made of them, on the
 * password's field. `pick` reads the password and its context from the parsed value.
 */
export function refinePasswordContext<T>(
  pick: (value: T) => { password: unknown } & PasswordContext,
  path: string = 'password',
) {
  return (value: T, ctx: z.RefinementCtx<T>) => {
    const { password, ...context } = pick(value);
    if (typeof password !== 'string' || passwordProblem(password) !== null) return; // reported by ZPassword
    const problem = passwordProblem(password, context);
    if (problem) ctx.addIssue({ code: 'custom', path: [path], message: problem });
  };
}

/** POST /api/auth/password: the current password proves it is you; the new one follows the rule. */
export const ZChangePassword = z.strictObject({
  currentPassword: z
    .string({ error: 'Enter your current password' })
    .min(1, 'Enter your current password')
    .max(PASSWORD_MAX_LENGTH),
  newPassword: ZPassword,
});

/** POST /api/password-resets/:token: the new password chosen on the reset link's page. */
export const ZResetPassword = z.strictObject({ password: ZPassword });
