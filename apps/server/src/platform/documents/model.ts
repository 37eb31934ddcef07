// One small model for every register that prints as a document (risk register, treatment plan,
// Statement of Applicability): the mappers fill it, and the .docx and .pdf renderers read only
// this, so the two formats show the same content and a new register needs no layout code.

export type DocTable = {
  /** width is a relative weight: the columns share the page width in proportion to it. */
  columns: { header: string; width: number }[];
  /** Cells may contain '\n' for line breaks. */
  rows: string[][];
};

/** Written text (a document's sections): runs with bold and italic, sub-headings, list items with their depth. */
export type DocRun = { text: string; bold?: boolean; italic?: boolean; lineBreak?: boolean };
export type DocBlock =
  | { kind: 'paragraph'; runs: DocRun[] }
  | { kind: 'heading'; text: string }
  | { kind: 'item'; ordered: boolean; level: number; number: number; runs: DocRun[] };

/** Blocks come first, then paragraphs, bullets and the table. */
export type DocSection = {
  heading: string;
  blocks?: DocBlock[];
  paragraphs?: string[];
  bullets?: string[];
  table?: DocTable;
};

export type ReportDocument = {
  title: string;
  subtitle?: string;
  organizationName: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** Key facts shown under the title (Version, Status, Approved by, ...). */
  meta: [label: string, value: string][];
  sections: DocSection[];
  /** Wide tables read better in landscape. */
  orientation: 'portrait' | 'landscape';
  /** A controlled document's identification on every page: code, version, classification. */
  pageHeader?: string;
  /** Base name without extension; the date and extension are added when it is sent. */
  fileName: string;
};

/** "2025-03-14 09:30 UTC": the generation time as people read it, the same in both formats. */
export function generatedLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Column weights as fractions of 1; a missing or non-positive weight counts as 1. A column too
 * narrow for the longest word of its header is widened to fit it, at the others' expense, because
 * Word and LibreOffice would otherwise break that word across lines ("Applicabl / e").
 * minShare(chars) is the share of the width that a word of that many characters needs.
 */
export function columnShares(table: DocTable, minShare: (chars: number) => number = () => 0): number[] {
  const weights = table.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const floors = table.columns.map((c) => minShare(Math.max(0, ...c.header.split(/\s+/).map((w) => w.length))));
  const pinned = new Set<number>();
  // Pinning one column shrinks the rest, which may push another below its floor: repeat until none is.
  for (;;) {
    const free = weights.reduce((sum, w, i) => (pinned.has(i) ? sum : sum + w), 0);
    const left = 1 - [...pinned].reduce((sum, i) => sum + floors[i]!, 0);
    if (left <= 0 || free === 0) break;
    const shares = weights.map((w, i) => (pinned.has(i) ? floors[i]! : (w / free) * left));
    const short = shares.findIndex((share, i) => !pinned.has(i) && share < floors[i]!);
    if (short < 0) return shares;
    pinned.add(short);
  }
  // The headers cannot all fit: plain proportions are the least bad.
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** Each row cut or padded to the column count, so a mapper's short row cannot shift the table. */
export function tableRows(table: DocTable): string[][] {
  return table.rows.map((r) => table.columns.map((_, i) => r[i] ?? ''));
}
