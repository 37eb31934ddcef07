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
    const json = JSON.stringify(data);
    // What JSON.stringify sends against what the schema lets through: a field the schema strips (or a
    // value it rewrites, or a default it fills in) would be sent as-is in production.
    const problems: string[] = [];
    differences(JSON.parse(json) as unknown, JSON.parse(JSON.stringify(checked.data)) as unknown, [], problems);
    if (problems.length) {
      throw new ResponseContractError(route, problems.join('; '));
    }
    return json;
  };
};

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the whole answer)' : path.map(String).join('.');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_PROBLEMS = 5;
const shown = (v: unknown) => {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Where the answer as sent differs from the answer as the schema reads it, the first few, each field
 * once (the same stray field in every item of a list is one problem).
 */
function differences(sent: unknown, declared: unknown, path: string[], out: string[]): void {
  const add = (problem: string) => {
    if (out.length < MAX_PROBLEMS && !out.includes(problem)) out.push(problem);
  };
  if (out.length >= MAX_PROBLEMS) return;
  if (isObject(sent) && isObject(declared)) {
    for (const key of Object.keys(sent)) {
      if (!(key in declared)) add(`field ${fieldName([...path, key])} is not declared`);
      else differences(sent[key], declared[key], [...path, key], out);
    }
    for (const key of Object.keys(declared))
      if (!(key in sent)) add(`field ${fieldName([...path, key])} is missing (the schema fills it in)`);
    return;
  }
  if (Array.isArray(sent) && Array.isArray(declared) && sent.length === declared.length) {
    sent.forEach((item, i) => differences(item, declared[i], [...path, '*'], out));
    return;
  }
  if (JSON.stringify(sent) !== JSON.stringify(declared))
    add(`field ${fieldName(path)} is sent as ${shown(sent)} but the schema makes it ${shown(declared)}`);
}
