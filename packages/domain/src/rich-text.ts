import { z } from 'zod';

// Section text of AIMS documents: the JSON the web editor (TipTap) writes, limited to what a
// controlled document needs: paragraphs, sub-headings, bulleted and numbered lists, bold and
// italic. It is stored as this structure, never as HTML, and rendered to DOCX and PDF by the
// server's document model, so nothing a user types can become markup or a script.

export type RichMark = { type: 'bold' | 'italic' };
export type RichInline = { type: 'text'; text: string; marks?: RichMark[] } | { type: 'hardBreak' };
export type RichParagraph = { type: 'paragraph'; content?: RichInline[] };
export type RichHeading = { type: 'heading'; attrs: { level: number }; content?: RichInline[] };
export type RichList = { type: 'bulletList' | 'orderedList'; content: RichListItem[] };
export type RichListItem = { type: 'listItem'; content: (RichParagraph | RichList)[] };
export type RichBlock = RichParagraph | RichHeading | RichList;
export type RichDoc = { type: 'doc'; content: RichBlock[] };

// TipTap adds attrs of its own (text alignment, list start); they are accepted and dropped.
const attrs = z.record(z.string(), z.unknown()).optional();
const ZMark = z
  .object({ type: z.enum(['bold', 'italic'], { error: 'only bold and italic are kept' }) })
  .transform((m) => ({ type: m.type }));
const ZInline = z.union([
  z
    .object({ type: z.literal('text'), text: z.string().min(1).max(20_000), marks: z.array(ZMark).max(4).optional() })
    .transform((t) =>
      t.marks?.length
        ? { type: 'text' as const, text: t.text, marks: t.marks }
        : { type: 'text' as const, text: t.text },
    ),
  z.object({ type: z.literal('hardBreak') }).transform(() => ({ type: 'hardBreak' as const })),
]);
const ZInlines = z.array(ZInline).max(2000).optional();
const ZParagraph = z
  .object({ type: z.literal('paragraph'), attrs, content: ZInlines })
  .transform((p): RichParagraph =>
    p.content?.length ? { type: 'paragraph', content: p.content } : { type: 'paragraph' },
  );
const ZHeading = z
  .object({
    type: z.literal('heading'),
    attrs: z.looseObject({ level: z.number().int().min(1).max(6) }),
    content: ZInlines,
  })
  .transform((h): RichHeading => ({
    type: 'heading',
    attrs: { level: Math.min(4, Math.max(3, h.attrs.level)) },
    ...(h.content?.length ? { content: h.content } : {}),
  }));

// Lists nest; the depth is bounded so a crafted document cannot exhaust the parser.
function listSchema(depth: number): z.ZodType<RichList> {
  const inner: z.ZodType<RichParagraph | RichList> =
    depth > 0 ? z.union([ZParagraph, z.lazy(() => listSchema(depth - 1))]) : ZParagraph;
  const item = z
    .object({ type: z.literal('listItem'), attrs, content: z.array(inner).min(1).max(50) })
    .transform((i): RichListItem => ({ type: 'listItem', content: i.content }));
  return z
    .object({ type: z.enum(['bulletList', 'orderedList']), attrs, content: z.array(item).min(1).max(500) })
    .transform((l): RichList => ({ type: l.type, content: l.content }));
}

export const ZRichDoc: z.ZodType<RichDoc> = z
  .object({
    type: z.literal('doc', { error: 'section text must be a document ({ type: "doc", content: [...] })' }),
    content: z.array(z.union([ZParagraph, ZHeading, listSchema(3)])).max(2000),
  })
  .transform((d): RichDoc => ({ type: 'doc', content: d.content }));

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [] };

// Building text in generators: plain strings, with **bold** spans.
function inlines(text: string): RichInline[] {
  const out: RichInline[] = [];
  const parts = text.split(/(\*\*[^*]+\*\*)/g).filter(Boolean);
  for (const p of parts)
    out.push(
      p.startsWith('**') && p.endsWith('**')
        ? { type: 'text', text: p.slice(2, -2), marks: [{ type: 'bold' }] }
        : { type: 'text', text: p },
    );
  return out;
}
export const para = (text: string): RichParagraph => ({ type: 'paragraph', content: inlines(text) });
export const bullets = (items: string[], ordered = false): RichList => ({
  type: ordered ? 'orderedList' : 'bulletList',
  content: items.map((t) => ({ type: 'listItem', content: [para(t)] })),
});
export const subheading = (text: string): RichHeading => ({
  type: 'heading',
  attrs: { level: 3 },
  content: [{ type: 'text', text }],
});
/** A document from blocks; empty lists (no items) are left out rather than rendered empty. */
export const doc = (...blocks: (RichBlock | null | false | undefined)[]): RichDoc => ({
  type: 'doc',
  content: blocks.filter(
    (b): b is RichBlock => !!b && !(b.type !== 'paragraph' && b.type !== 'heading' && b.content.length === 0),
  ),
});

/** The plain text of a document, blocks separated by newlines: for search, diffs and checks. */
export function plainText(d: RichDoc): string {
  const inline = (c?: RichInline[]) => (c ?? []).map((i) => (i.type === 'text' ? i.text : '\n')).join('');
  const block = (b: RichBlock | RichListItem): string => {
    if (b.type === 'paragraph' || b.type === 'heading') return inline(b.content);
    if (b.type === 'listItem') return b.content.map(block).join('\n');
    return b.content.map(block).join('\n');
  };
  return d.content.map(block).join('\n');
}

/** Text left for a person to fill: [[like this]]. Approval is refused while any remains. */
export const PLACEHOLDER = /\[\[[^\]]*\]\]/g;
export const placeholdersIn = (d: RichDoc): string[] => plainText(d).match(PLACEHOLDER) ?? [];
export const placeholder = (what: string) => `[[${what}]]`;

/** Blocks as the document renderers read them: paragraphs of runs, headings, and list items with their depth. */
export type RenderRun = { text: string; bold?: boolean; italic?: boolean; lineBreak?: boolean };
export type RenderBlock =
  | { kind: 'paragraph'; runs: RenderRun[] }
  | { kind: 'heading'; text: string }
  | { kind: 'item'; ordered: boolean; level: number; number: number; runs: RenderRun[] };

export function renderBlocks(d: RichDoc): RenderBlock[] {
  const runs = (c?: RichInline[]): RenderRun[] =>
    (c ?? []).map((i) =>
      i.type === 'hardBreak'
        ? { text: '', lineBreak: true }
        : {
            text: i.text,
            ...(i.marks?.some((m) => m.type === 'bold') ? { bold: true } : {}),
            ...(i.marks?.some((m) => m.type === 'italic') ? { italic: true } : {}),
          },
    );
  const out: RenderBlock[] = [];
  const list = (l: RichList, level: number) => {
    l.content.forEach((item, n) => {
      item.content.forEach((part, j) => {
        if (part.type === 'paragraph')
          out.push({
            kind: 'item',
            ordered: l.type === 'orderedList',
            level,
            number: n + 1,
            runs: j === 0 ? runs(part.content) : runs(part.content),
          });
        else list(part, level + 1);
      });
    });
  };
  for (const b of d.content) {
    if (b.type === 'paragraph') out.push({ kind: 'paragraph', runs: runs(b.content) });
    else if (b.type === 'heading')
      out.push({
        kind: 'heading',
        text: runs(b.content)
          .map((r) => r.text)
          .join(''),
      });
    else list(b, 0);
  }
  return out;
}
