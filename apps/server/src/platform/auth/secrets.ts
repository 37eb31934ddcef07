import { createHash, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes): ~30 ms here, slow enough for attackers.
const ARGON2 = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

let cost: Omit<typeof ARGON2, 'memoryCost' | 'timeCost'> & { memoryCost: number; timeCost: number } = ARGON2;

export const hashPassword = (password: string) => hash(password, cost);

/**
 * For the integration tests only (their set-up file calls it; nothing else may): argon2id at 1 MiB and one
 * pass, ~1 ms instead of ~30, since the suite hashes and verifies thousands of passwords. The hashes keep
 * their format and say their own parameters, so verifying works the same. Refused outside Vitest.
 */
export function useCheapPasswordHashesInTests(): void {
  if (!process.env.VITEST) throw new Error('cheap password hashes are for the test suite only');
  cost = { ...ARGON2, memoryCost: 1024, timeCost: 1 };
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are registered. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  return dummyHash;
}

/** Session cookies, API tokens and invitation links are stored only as SHA-256: a leaked database grants nothing. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
