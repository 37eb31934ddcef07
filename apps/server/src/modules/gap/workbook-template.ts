import { GAP_RESULT_LABELS, GAP_RESULTS, GAP_STATUS_LABELS, GAP_STATUSES } from '@fortytwo/domain';
import { builtinCatalog } from '../catalog/builtin';
import type { Requirement } from './requirements';
import type { GapItem } from './schema';

// The one description of the gap workbook's columns: the .xlsx export, its import and the CSV
// export all read it, so what the export writes is exactly what the import accepts.

/** Written into the hidden sheet; a change to the columns below must bump the version. */
export const WORKBOOK_TEMPLATE = 'fortytwo/gap-assessment-workbook';
export const WORKBOOK_TEMPLATE_VERSION = 1;
export const ASSESSMENT_SHEET = 'Assessment';
export const SCORES_SHEET = 'Scores';
export const META_SHEET = 'fortytwo';

/** `guidance` columns are catalogue content (shown, ignored on import); `answer` columns are what the import reads. */
export type ColumnRole = 'key' | 'guidance' | 'answer' | 'version';
export type AnswerField =
  'status' | 'result' | 'maturity' | 'justification' | 'notes' | 'owner' | 'targetDate' | 'evidenceLinks';

type Column = { header: string; role: ColumnRole; width: number; field?: AnswerField; note: string };

export const COLUMNS = [
  {
    header: 'Ref',
    role: 'key',
    width: 9,
    note: 'Identifies the requirement. Do not change it: the import matches rows by this ref.',
  },
  {
    header: 'Requirement',
    role: 'guidance',
    width: 34,
    note: 'Read-only: changes in this column are ignored on import.',
  },
  { header: 'Section', role: 'guidance', width: 24, note: 'Read-only: clause 4–10 or Annex A group.' },
  {
    header: 'Documented information',
    role: 'guidance',
    width: 14,
    note: 'Read-only: yes when the requirement calls for documented information.',
  },
  {
    header: 'What it asks',
    role: 'guidance',
    width: 70,
    note: 'Read-only: Fortytwo guidance in its own words, not the text of the standard.',
  },
  {
    header: 'What an auditor looks for',
    role: 'guidance',
    width: 70,
    note: 'Read-only: Fortytwo guidance in its own words.',
  },
  {
    header: 'Status',
    role: 'answer',
    field: 'status',
    width: 14,
    note: `One of: ${GAP_STATUSES.map((s) => GAP_STATUS_LABELS[s]).join(', ')}.`,
  },
  {
    header: 'Result',
    role: 'answer',
    field: 'result',
    width: 21,
    note: `One of: ${GAP_RESULTS.map((r) => GAP_RESULT_LABELS[r]).join(', ')}; empty when not assessed yet. Not applicable only for Annex A controls, with a justification.`,
  },
  {
    header: 'Maturity (0–5)',
    role: 'answer',
    field: 'maturity',
    width: 11,
    note: 'A whole number from 0 (absent) to 5 (optimizing); empty when not rated.',
  },
  {
    header: 'Justification',
    role: 'answer',
    field: 'justification',
    width: 40,
    note: 'Why the result; required to mark an Annex A control not applicable.',
  },
  {
    header: 'Current practice notes',
    role: 'answer',
    field: 'notes',
    width: 50,
    note: 'What the organization does today.',
  },
  {
    header: 'Owner email',
    role: 'answer',
    field: 'owner',
    width: 28,
    note: 'The email of a current member of the organization; empty for nobody.',
  },
  {
    header: 'Target date (YYYY-MM-DD)',
    role: 'answer',
    field: 'targetDate',
    width: 15,
    note: 'A date such as 2027-03-31; empty for none.',
  },
  {
    header: 'Evidence links (one per line)',
    role: 'answer',
    field: 'evidenceLinks',
    width: 45,
    note: 'Full URLs (https://…), one per line.',
  },
  {
    header: 'Version',
    role: 'version',
    width: 9,
    note: 'Do not change: tells the import whether someone changed the requirement in Fortytwo after this file was exported.',
  },
] as const satisfies readonly Column[];

export const HEADERS: readonly string[] = COLUMNS.map((c) => c.header);
export const columnIndex = (header: (typeof COLUMNS)[number]['header']) =>
  COLUMNS.findIndex((c) => c.header === header);
export const headerOf = (field: AnswerField) => COLUMNS.find((c) => 'field' in c && c.field === field)!.header;

export const STATUS_CHOICES = GAP_STATUSES.map((s) => GAP_STATUS_LABELS[s]);
export const RESULT_CHOICES = GAP_RESULTS.map((r) => GAP_RESULT_LABELS[r]);
export const MATURITY_CHOICES = [0, 1, 2, 3, 4, 5];

// People type "partially_conformant", "Partially conformant" or "partially-conformant": all mean one value.
const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const lookup = <T extends string>(values: readonly T[], labels: Record<T, string>) => {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(fold(v), v);
    map.set(fold(labels[v]), v);
  }
  return (text: string): T | undefined => map.get(fold(text));
};
export const statusFromText = lookup(GAP_STATUSES, GAP_STATUS_LABELS);
export const resultFromText = lookup(GAP_RESULTS, GAP_RESULT_LABELS);

let sectionTitles: Map<string, string> | undefined;
/** "Context of the organization" for "4", "AI system life cycle" for "A.6": published short titles only. */
export function sectionTitle(section: string): string {
  sectionTitles ??= new Map(
    builtinCatalog()
      .framework('iso42001')!
      .items.filter((i) => i.kind === 'clause' || i.kind === 'annex_group')
      .map((i) => [i.ref, i.title]),
  );
  return sectionTitles.get(section) ?? '';
}

/** One exported row, in the order of COLUMNS; shared by the .xlsx and the CSV. */
export function exportRow(req: Requirement, item: GapItem): (string | number | null)[] {
  return [
    item.ref,
    req.title,
    `${req.section} ${sectionTitle(req.section)}`.trim(),
    req.documentation ? 'yes' : 'no',
    req.item.guidance?.asks ?? '',
    req.item.guidance?.auditorLooksFor ?? '',
    GAP_STATUS_LABELS[item.status],
    item.result ? GAP_RESULT_LABELS[item.result] : null,
    item.maturity,
    item.justification,
    item.notes,
    item.owner?.email ?? null,
    item.targetDate,
    item.evidenceLinks.join('\n'),
    item.version,
  ];
}

/** An ASCII file name part: "Initial assessment 2026" → "initial-assessment-2026". */
export const fileSlug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'assessment';
