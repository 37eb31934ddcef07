import { isCollection, isNode, isPair, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ZCrosswalk, ZFramework, type Crosswalk, type Framework } from './format';

/** One problem in a framework or crosswalk file, placed so that its author can find it. */
export type FileIssue = { path: string; line: number | null; message: string };

export class CatalogFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: FileIssue[],
  ) {
    super(
      `${file}: ${issues.map((i) => `${i.line ? `line ${i.line}, ` : ''}${i.path || '(file)'}: ${i.message}`).join('; ')}`,
    );
    this.name = 'CatalogFileError';
  }
}

type Source = { doc: Document; lines: LineCounter };

/** Deeper than any framework or crosswalk file (they nest 4–5 levels): past it, a file is refused before it is converted. */
export const MAX_NESTING = 32;
/** How often anchors (&name) may be expanded by aliases (*name), counted the way yaml counts them. */
const MAX_ALIAS_COUNT = 100;
const TOO_DEEP = `lists and maps are nested more than ${MAX_NESTING} levels deep; a framework or crosswalk file needs 5`;

/** The deepest nesting of collections in the document, walked without recursion (a hostile file may nest thousands of levels). */
function deepest(doc: Document): { depth: number; node: unknown } {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  let found: { depth: number; node: unknown } = { depth: 0, node: doc.contents };
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.key, depth], [node.value, depth]);
    } else if (isCollection(node)) {
      if (depth > found.depth) found = { depth, node };
      if (depth > MAX_NESTING) break;
      for (const item of node.items) stack.push([item, depth + 1]);
    }
  }
  return found;
}

/** YAML is a superset of JSON, so one parser reads both and knows every value's line. */
function read(file: string, text: string): Source & { value: unknown } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // yaml reports running out of stack on a deeply nested file as an error of its own: say what it means, once.
    const issues = doc.errors.map((e) => ({
      path: '',
      line: e.linePos?.[0]?.line ?? null,
      message: /call stack/i.test(e.message)
        ? TOO_DEEP
        : (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
    }));
    throw new CatalogFileError(
      file,
      issues
        .filter((i, n) => i.message !== TOO_DEEP || issues.findIndex((j) => j.message === TOO_DEEP) === n)
        .slice(0, 20),
    );
  }
  const deep = deepest(doc);
  if (deep.depth > MAX_NESTING) {
    const range = isNode(deep.node) ? deep.node.range : undefined;
    throw new CatalogFileError(file, [
      { path: '', line: range ? lines.linePos(range[0]).line : null, message: TOO_DEEP },
    ]);
  }
  try {
    return { doc, lines, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (err) {
    // yaml refuses an "alias bomb" (anchors that expand exponentially) with a ReferenceError.
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      throw new CatalogFileError(file, [
        {
          path: '',
          line: null,
          message:
            'aliases (*name) repeat anchors (&name) so often that the file would expand far beyond any real framework: write the repeated parts out',
        },
      ]);
    }
    throw err;
  }
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
        message:
          i.code === 'unrecognized_keys'
            ? `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')}`
            : i.message,
      };
    }),
  );
}

/** Reads and checks a framework file: the schema, then the references between its parts. */
export function parseFramework(file: string, text: string): Framework {
  const src = read(file, text);
  const fw = validate(file, src, ZFramework);
  const issues: FileIssue[] = [];
  const at = (path: (string | number)[], message: string) =>
    issues.push({ path: pathText(path), line: lineOf(src, path), message });
  const seen = new Map<string, number>();
  fw.items.forEach((item, i) => {
    if (seen.has(item.ref))
      at(['items', i, 'ref'], `ref "${item.ref}" is used twice (first at items[${seen.get(item.ref)}])`);
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
export function parseCrosswalk(
  file: string,
  text: string,
  frameworks: ReadonlyMap<string, ReadonlySet<string>>,
): Crosswalk {
  const src = read(file, text);
  const cw = validate(file, src, ZCrosswalk);
  const issues: FileIssue[] = [];
  const at = (path: (string | number)[], message: string) =>
    issues.push({ path: pathText(path), line: lineOf(src, path), message });
  const sourceRefs = frameworks.get(cw.source);
  const targetRefs = frameworks.get(cw.target);
  if (!sourceRefs) at(['source'], `framework "${cw.source}" is not in the catalogue`);
  if (!targetRefs) at(['target'], `framework "${cw.target}" is not in the catalogue`);
  if (cw.source === cw.target) at(['target'], 'a crosswalk links two different frameworks');
  const pairs = new Set<string>();
  cw.links.forEach((l, i) => {
    if (sourceRefs && !sourceRefs.has(l.source))
      at(['links', i, 'source'], `"${l.source}" is not an item of ${cw.source}`);
    if (targetRefs && !targetRefs.has(l.target))
      at(['links', i, 'target'], `"${l.target}" is not an item of ${cw.target}`);
    const key = `${l.source}\u0000${l.target}`;
    if (pairs.has(key)) at(['links', i], `the link ${l.source} → ${l.target} is listed twice`);
    pairs.add(key);
  });
  if (issues.length) throw new CatalogFileError(file, issues.slice(0, 50));
  return cw;
}
