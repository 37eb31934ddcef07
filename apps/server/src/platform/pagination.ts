import { z } from 'zod';
import { AppError } from './errors';

export const ZListQuery = z.object({
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit must be at least 1').max(500, 'limit must be at most 500').default(50),
  cursor: z.string().max(1000).optional(),
});

export const ZPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

// Keyset cursors: the sort value and id of the last row sent, opaque to clients.
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === length) return v;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'The cursor is not valid: pass back the nextCursor of the previous page unchanged');
}
