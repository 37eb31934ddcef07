import { z } from 'zod';

// Integers a client sends that reach an integer column. PostgreSQL's integer has 32 bits: a larger
// number would fail in the database (a 500) instead of in validation (a 400 that says what to send).
export const MAX_STORED_INTEGER = 2_147_483_647;

/** The `version` an update sends back: the record's version as it was read. */
export function versionField(required = 'version is required: send the version you read') {
  const wrong = 'version must be the version you read: a whole number from 0';
  return z.number({ error: required }).int(wrong).min(0, wrong).max(MAX_STORED_INTEGER, wrong);
}
