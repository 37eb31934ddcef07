import type { FastifySerializerCompiler } from 'fastify';
import { $ZodType, safeEncode } from 'zod/v4/core';

/**
 * How answers with a declared response schema become JSON (issue 19, item 4).
 *
 * - `plain` (production): JSON.stringify, nothing else. Re-validating every answer with zod cost CPU
 *   on every request, and its stripping silently dropped whatever a handler returned beyond its schema,
 *   which hid handlers that fetch (and could leak) more than the contract says.
 * - `strict` (tests): the answer must be exactly what the schema declares, or the request fails with a
 *   500 naming the route and the field. What passes here is then sent byte for byte by `plain`: the zod
 *   schemas stay the contract (OpenAPI, these checks) without being paid for in production.
 */
export type ResponseCheck = 'plain' | 'strict';

export class ResponseContractError extends Error {
  readonly statusCode = 500;
  constructor(route: string, problem: string) {
    super(`The answer of ${route} breaks its response schema: ${problem}`);
    this.name = 'ResponseContractError';
  }
}

export const plainSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);

export const strictSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url, httpStatus }) => {
  if (!(schema instanceof $ZodType))
    throw new Error(`Route ${method} ${url}: the response schema for ${httpStatus} is not a zod schema`);
  const route = `${method} ${url} (${httpStatus})`;
  return (data) => {
    const checked = safeEncode(schema, data);
    if (checked.error) {
      const issue = checked.error.issues[0]!;
      const more = checked.error.issues.length > 1 ? ` (and ${checked.error.issues.length - 1} more)` : '';
      throw new ResponseContractError(route, `field ${fieldName(issue.path)}: ${issue.message}${more}`);
    }
    // What the handler returned against what the schema lets through: a field the schema strips (or
    // a value it rewrites) would be sent as-is in production.
    const problems: string[] = [];
    differences(data, checked.data, [], problems);
    if (problems.length) {
      throw new ResponseContractError(route, problems.join('; '));
    }
    return JSON.stringify(data);
  };
};

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the whole answer)' : path.map(String).join('.');
}

/** A JSON object as a handler builds it; a value with toJSON (a Date) is a leaf, as JSON.stringify sees it. */
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

const MAX_PROBLEMS = 5;
const shown = (v: unknown) => {
  const text = String(JSON.stringify(v));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function add(out: string[], problem: string) {
  if (out.length < MAX_PROBLEMS && !out.includes(problem)) out.push(problem);
}

/**
 * Where the answer as the handler built it differs from the answer as the schema reads it, the first
 * few, each field once (the same stray field in every item of a list is one problem). Both are walked
 * as they are, without a JSON round trip (this runs on every answer of every test): an undefined field
 * counts as absent, as JSON.stringify drops it, and a leaf with toJSON (a Date) compares as its JSON.
 * `path` is one stack, pushed and popped.
 */
function differences(sent: unknown, declared: unknown, path: string[], out: string[]): void {
  // No closure here: one per node of every answer was most of the check's cost.
  if (out.length >= MAX_PROBLEMS || sent === declared) return;
  if (isObject(sent) && isObject(declared)) {
    for (const key in sent) {
      if (sent[key] === undefined) continue;
      path.push(key);
      if (declared[key] === undefined) add(out, `field ${fieldName(path)} is not declared`);
      else differences(sent[key], declared[key], path, out);
      path.pop();
    }
    for (const key in declared)
      if (sent[key] === undefined && declared[key] !== undefined)
        add(out, `field ${fieldName([...path, key])} is missing (the schema fills it in)`);
    return;
  }
  if (Array.isArray(sent) && Array.isArray(declared) && sent.length === declared.length) {
    path.push('*');
    for (let i = 0; i < sent.length; i++) differences(sent[i], declared[i], path, out);
    path.pop();
    return;
  }
  if (JSON.stringify(sent) === JSON.stringify(declared)) return;
  add(out, `field ${fieldName(path)} is sent as ${shown(sent)} but the schema makes it ${shown(declared)}`);
}
