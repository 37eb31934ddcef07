import { globalRegistry } from 'zod';

// A refused request's messages in the words of the form (issue 18): each names its field by its
// label, never by the API's path ("body.lifecycleStage") or its code name ("expiresAt"). The path
// stays in `details.issues[].path`, which the web app reads to put the message on its field.
//
// The label is the `title` in the field's zod metadata (`.meta({ title: 'Access ends on' })`) where
// the form's label differs from the field's name, else the name in words (lifecycleStage →
// "Lifecycle stage", aiSystemId → "AI system"). A message the schema wrote for people (it starts
// with a capital: "Review date must be a real day…") is kept as it is; one that starts with the
// code name ("version is required…") gets the label in its place; zod's own wording ("Too small:
// expected string to have >=1 characters") is said again in plain words after the label.

export type Issue = { path: string; message: string };

/** What fastify-type-provider-zod reports per zod issue: the code as `keyword`, its fields as `params`. */
export type RawIssue = { instancePath: string; keyword?: string; message?: string; params?: unknown };

type Def = {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
  valueType?: unknown;
  getter?: () => unknown;
};
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
const titleOf = (s: unknown): string | undefined => {
  const meta = s && typeof s === 'object' ? globalRegistry.get(s as never) : undefined;
  return typeof meta?.title === 'string' ? meta.title : undefined;
};

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under `key`, looking through wrappers; the first title met on the way is kept. */
function child(schema: unknown, key: string): { schema: unknown; title?: string | undefined } | null {
  let s = schema;
  for (let depth = 0; depth < 20 && s; depth++) {
    const def = defOf(s);
    if (!def) return null;
    if (def.type && WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else if (def.type === 'object') return def.shape && key in def.shape ? unwrapTitle(def.shape[key]) : null;
    else if (def.type === 'array') return /^\d+$/.test(key) ? unwrapTitle(def.element) : null;
    else if (def.type === 'record') return unwrapTitle(def.valueType);
    else if (def.type === 'union') {
      for (const o of def.options ?? []) {
        const found = child(o, key);
        if (found) return found;
      }
      return null;
    } else if (def.type === 'intersection') return child(def.left, key) ?? child(def.right, key);
    else return null;
  }
  return null;
}

/** A field's schema with the title found on it or on any wrapper around it. */
function unwrapTitle(schema: unknown): { schema: unknown; title?: string | undefined } {
  let s = schema;
  for (let depth = 0; depth < 20 && s; depth++) {
    const title = titleOf(s);
    if (title) return { schema, title };
    const def = defOf(s);
    if (def?.type && WRAPPERS.has(def.type)) s = def.innerType;
    else if (def?.type === 'pipe') s = def.in;
    else break;
  }
  return { schema };
}

const ACRONYMS: Record<string, string> = { ai: 'AI', url: 'URL', csv: 'CSV', soa: 'SoA', id: 'ID', q: 'search' };

/** A field's name in words: lifecycleStage → "Lifecycle stage", aiSystemId → "AI system", ownerIds → "Owners". */
export function humanize(key: string): string {
  const base = key.replace(/Ids$/, 's').replace(/(.)Id$/, '$1');
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label of the field at `segments` (after body/query/params), from the schema's titles or the name. */
export function labelAt(schema: unknown, segments: string[]): string {
  let s: unknown = schema;
  let title: string | undefined;
  let named = '';
  let items: number[] = [];
  for (const seg of segments) {
    const next = s ? child(s, seg) : null;
    s = next?.schema;
    if (/^\d+$/.test(seg)) {
      items.push(Number(seg) + 1);
      if (next?.title) [title, items] = [next.title, []];
    } else [title, named, items] = [next?.title, seg, []];
  }
  const label = title ?? (named ? humanize(named) : '');
  return items.length && label ? `${label}, item ${items.join('.')}` : label;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};
const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address, like name@example.com',
  url: 'a web address starting with https://',
  datetime: 'a date and time, like 2027-03-31T23:59:59Z',
  date: 'a date, like 2027-03-31',
  uuid: 'an id',
};

/** zod's default wording said plainly, to follow the field's label ("is required", "must be at most 200 characters"). */
function plain(keyword: string | undefined, params: Record<string, unknown>, message: string): string {
  const n = params.minimum ?? params.maximum;
  const unit = (what: string) => `${String(n)} ${what}${n === 1 ? '' : 's'}`;
  switch (keyword ?? '') {
    case 'invalid_type':
      if (/received undefined/.test(message)) return 'is required';
      return `must be ${TYPE_WORDS[String(params.expected)] ?? String(params.expected)}`;
    case 'too_small':
      if (params.origin === 'string') return n === 1 ? 'is required' : `must be at least ${unit('character')}`;
      if (params.origin === 'array' || params.origin === 'set') return `needs at least ${unit('item')}`;
      return `must be ${params.inclusive === false ? 'more than' : 'at least'} ${String(n)}`;
    case 'too_big':
      if (params.origin === 'string') return `must be at most ${unit('character')}`;
      if (params.origin === 'array' || params.origin === 'set') return `takes at most ${unit('item')}`;
      return `must be ${params.inclusive === false ? 'less than' : 'at most'} ${String(n)}`;
    case 'invalid_value':
      return Array.isArray(params.values) ? `must be one of: ${params.values.join(', ')}` : 'is not a valid choice';
    case 'invalid_format':
      return `must be ${FORMAT_WORDS[String(params.format)] ?? `in the ${String(params.format)} format`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(params.divisor)}`;
    default:
      return 'is not valid';
  }
}

/** zod's own messages, as opposed to those a schema wrote for people. */
const ZOD_DEFAULT = /^(Invalid |Too (small|big)|Expected |Unrecognized key)/;

/** A message written to sit under its field, naming none. */
const FIELDLESS = /^(At (most|least)|Must|Is|Cannot|Needs?|Too|Only) /;

/** The value sent at a path, to tell a missing field from a wrong one. */
function valueAt(input: unknown, segments: string[]): unknown {
  let v = input;
  for (const s of segments) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

/** One refused field's message in the form's words; `input` is what was sent (the body, the query…). */
export function labelledIssue(schema: unknown, where: string, raw: RawIssue, input?: unknown): Issue {
  const segments = raw.instancePath.split('/').filter(Boolean);
  const path = [where, ...segments].join('.');
  const params = (raw.params ?? {}) as Record<string, unknown>;
  const message = raw.message ?? 'is not valid';
  if (raw.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
    const keys = params.keys as string[];
    const many = keys.length > 1;
    return { path, message: `Unknown field${many ? 's' : ''}: ${keys.join(', ')}. Remove ${many ? 'them' : 'it'}.` };
  }
  const label = labelAt(schema, segments);
  // A schema's "Intended purpose must be text" also answers a field left out: say it is required.
  if (
    label &&
    raw.keyword === 'invalid_type' &&
    !/required/i.test(message) &&
    input !== undefined &&
    valueAt(input, segments) === undefined
  )
    return { path, message: `${label} is required` };
  if (!label) return { path, message: message.charAt(0).toUpperCase() + message.slice(1) };
  if (ZOD_DEFAULT.test(message)) return { path, message: `${label} ${plain(raw.keyword, params, message)}` };
  // "At most 5000 characters" was written for the field it shows under: name the field here.
  if (FIELDLESS.test(message))
    return { path, message: `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}` };
  if (/^[A-Z]/.test(message)) return { path, message };
  const name = [...segments].reverse().find((s) => !/^\d+$/.test(s));
  if (name && (message.startsWith(`${name} `) || message.startsWith(`${name}:`)))
    return { path, message: label + message.slice(name.length) };
  return { path, message: `${label}: ${message}` };
}

/** The answer's message: the fields' messages themselves, the first three, each once. */
export function summary(issues: Issue[]): string {
  const messages = [...new Set(issues.map((i) => i.message))];
  const more = messages.length - 3;
  return `${messages.slice(0, 3).join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}
