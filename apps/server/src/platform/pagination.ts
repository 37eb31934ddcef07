import { z } from 'zod';
import { AppError } from './errors';

const INVALID_CURSOR =
  'The cursor is not valid: start again from the first page (without cursor), then pass back the nextCursor of each page unchanged';

export const ZListQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int()
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(50),
  cursor: z.string().max(1000, INVALID_CURSOR).optional(),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

// Keyset cursors: the sort value and id of the last row sent, opaque to clients. A cursor comes
// back from the client, so its decoded value is checked against the shape its list wrote: a value
// of the wrong type would otherwise reach the database (PostgreSQL refuses it with an error).

/** The parts a cursor is made of: text (never U+0000, which PostgreSQL cannot read) and integers (a 32-bit column). */
export const cursorPart = {
  text: (max: number) =>
    z
      .string()
      .max(max)
      .refine((s) => !s.includes('\u0000')),
  integer: z.number().int().min(0).max(2_147_483_647),
};

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<T extends z.ZodTuple>(cursor: string, shape: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', INVALID_CURSOR);
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION', INVALID_CURSOR);
  return parsed.data;
}
