import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ZCrosswalk, ZFramework, type Crosswalk, type Framework } from './format';

/** One problem in a framework or crosswalk file, placed so that its author can find it. */
export type FileIssue = { path: string; line: number | null; message: string };

export class CatalogFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: FileIssue[],
  ) {
    super(`${file}: ${issues.map((i) => `${i.line ? `line ${i.line}, ` : ''}${i.path || '(file)'}: ${i.message}`).join('; ')}`);
    this.name = 'CatalogFileError';
  }
}

type Source = { doc: Document; lines: LineCounter };

/** YAML is a superset of JSON, so one parser reads both and knows every value's line. */
function read(file: string, text: string): Source & { value: unknown } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new CatalogFileError(
      file,
      doc.errors.slice(0, 20).map((e) => ({ path: '', line: e.linePos?.[0]?.line ?? null, message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '') })),
    );
  }
  return { doc, lines, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

function lineOf(src: Source, path: (string | number)[]): number | null {
  // The deepest node that exists: an unknown or missing key points at its parent object.
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = src.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return src.lines.linePos(node.range[0]).line;
  }
  return null;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

function validate<T>(file: string, src: Source & { value: unknown }, schema: z.ZodType<T>): T {
  const res = schema.safeParse(src.value);
  if (res.success) return res.data;
  throw new CatalogFileError(
    file,
    res.error.issues.slice(0, 50).map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      const unknownKeys = i.code === 'unrecognized_keys' ? i.keys : [];
      return {
        path: pathText(unknownKeys.length ? [...path, unknownKeys[0]!] : path),
        line: lineOf(src, unknownKeys.length ? [...path, unknownKeys[0]!] : path),
        message: i.code === 'unrecognized_keys' ? `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')}` : i.message,
      };
    }),
  );
}

/** Reads and checks a framework file: the schema, then the references between its parts. */
export function parseFramework(file: string, text: string): Framework {
  const src = read(file, text);
  const fw = validate(file, src, ZFramework);
  const issues: FileIssue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push({ path: pathText(path), line: lineOf(src, path), message });
  const seen = new Map<string, number>();
  fw.items.forEach((item, i) => {
    if (seen.has(item.ref)) at(['items', i, 'ref'], `ref "${item.ref}" is used twice (first at items[${seen.get(item.ref)}])`);
    if (item.parent !== undefined && !seen.has(item.parent)) {
      at(['items', i, 'parent'], `parent "${item.parent}" must be an item listed before "${item.ref}"`);
    }
    seen.set(item.ref, i);
  });
  fw.items.forEach((item, i) =>
    item.relatedControls.forEach((r, j) => {
      if (!seen.has(r)) at(['items', i, 'relatedControls', j], `"${r}" is not an item of this framework`);
    }),
  );
  fw.documents.forEach((d, i) => {
    for (const key of ['clauses', 'controls'] as const) {
      d[key].forEach((r, j) => {
        if (!seen.has(r)) at(['documents', i, key, j], `"${r}" is not an item of this framework`);
      });
    }
  });
  const listIds = new Set<string>();
  fw.referenceLists.forEach((l, i) => {
    if (listIds.has(l.id)) at(['referenceLists', i, 'id'], `reference list id "${l.id}" is used twice`);
    listIds.add(l.id);
    const refs = new Set<string>();
    l.entries.forEach((e, j) => {
      if (refs.has(e.ref)) at(['referenceLists', i, 'entries', j, 'ref'], `ref "${e.ref}" is used twice in this list`);
      refs.add(e.ref);
    });
  });
  if (issues.length) throw new CatalogFileError(file, issues.slice(0, 50));
  return fw;
}

/**
 * Reads a crosswalk; `frameworks` gives the refs of each framework it may name. A link must point at
 * an existing item on both sides, so a typo is caught when the file is read, never when it is used.
 */
export function parseCrosswalk(file: string, text: string, frameworks: ReadonlyMap<string, ReadonlySet<string>>): Crosswalk {
  const src = read(file, text);
  const cw = validate(file, src, ZCrosswalk);
  const issues: FileIssue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push({ path: pathText(path), line: lineOf(src, path), message });
  const sourceRefs = frameworks.get(cw.source);
  const targetRefs = frameworks.get(cw.target);
  if (!sourceRefs) at(['source'], `framework "${cw.source}" is not in the catalogue`);
  if (!targetRefs) at(['target'], `framework "${cw.target}" is not in the catalogue`);
  if (cw.source === cw.target) at(['target'], 'a crosswalk links two different frameworks');
  const pairs = new Set<string>();
  cw.links.forEach((l, i) => {
    if (sourceRefs && !sourceRefs.has(l.source)) at(['links', i, 'source'], `"${l.source}" is not an item of ${cw.source}`);
    if (targetRefs && !targetRefs.has(l.target)) at(['links', i, 'target'], `"${l.target}" is not an item of ${cw.target}`);
    const key = `${l.source}\u0000${l.target}`;
    if (pairs.has(key)) at(['links', i], `the link ${l.source} → ${l.target} is listed twice`);
    pairs.add(key);
  });
  if (issues.length) throw new CatalogFileError(file, issues.slice(0, 50));
  return cw;
}
