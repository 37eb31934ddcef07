/**
 * True when a write failed on a unique constraint, on either dialect. Use cases check uniqueness
 * first (with a lock where it matters); this is the net for a collision nothing foresaw, so it
 * becomes a 409 "try again" instead of a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
