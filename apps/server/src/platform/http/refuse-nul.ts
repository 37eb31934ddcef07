import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { labelAt } from './validation-messages';

// PostgreSQL text cannot hold U+0000 ("invalid byte sequence 0x00"), and no form has a reason to
// send it. Refused here once, for every route, in the path, the query and the body, rather than in
// each of the schemas: the answer is the same 400 as a schema's, naming where the character was.

const NUL = '\u0000';
const MESSAGE = 'contains the invisible NUL character (U+0000), which cannot be stored. Remove it.';

/** Where the first string or key holding U+0000 sits in a parsed value (`body.tags.1`), or null. */
export function findNul(value: unknown, root: string): string | null {
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (const [k] of entries) if (k.includes(NUL)) return path;
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${path}.${entries[i]![0]}`]);
    }
  }
  return null;
}

/** Named by the field's label, as a schema's refusal is (validation-messages.ts); the path says where. */
function refuse(req: FastifyRequest, path: string): AppError {
  const [where, ...segments] = path.split('.');
  const schemas = req.routeOptions.schema as Record<string, unknown> | undefined;
  const schema = schemas?.[where === 'query' ? 'querystring' : where!];
  const message = `${labelAt(schema, segments) || 'The request'} ${MESSAGE}`;
  return new AppError('VALIDATION', message, { issues: [{ path, message }] });
}

type Done = (err?: Error) => void;

/** onRequest, before the access hook: the path and query reach the database there (the membership of :orgId). */
export function refuseNulInAddress(req: FastifyRequest, _reply: FastifyReply, done: Done): void {
  const where = findNul(req.params, 'params') ?? findNul(req.query, 'query');
  done(where ? refuse(req, where) : undefined);
}

/** preValidation: the body, once parsed. */
export function refuseNulInBody(req: FastifyRequest, _reply: FastifyReply, done: Done): void {
  const where = findNul(req.body, 'body');
  done(where ? refuse(req, where) : undefined);
}
