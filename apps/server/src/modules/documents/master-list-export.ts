import type { DocTable, ReportDocument } from '../../platform/documents/model';
import type { Table } from '../../platform/http/table-export';
import type { MasterItem } from './master-list';

// The master list of documented information as files: one row per line of the list (the 21
// mandatory items, then the organization's other documents), with its problems in words. The
// table (CSV, XLSX) and the report (DOCX, PDF) read the same lines, so the formats never disagree.

export const MASTER_LIST_TITLE = 'Master list of documented information';
export const MASTER_LIST_FILE = 'master-list-of-documented-information';

export const MASTER_STATE_LABELS: Record<MasterItem['state'], string> = {
  missing: 'Missing',
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved, not published',
  published: 'Published',
  withdrawn: 'Withdrawn',
  records: 'Met by records',
};

const BASIS_LABELS: Record<string, string> = {
  available: 'Available',
  retain: 'Retained',
  document: 'Documented',
  organization: 'Organization',
};
const basisLabel = (basis: string) => BASIS_LABELS[basis] ?? basis;
const day = (iso: string | null) => iso?.slice(0, 10) ?? '';

/** "21 mandatory items: 2 published, 5 met by records, 14 open; 17 problems", as one line. */
export function masterListSummary(items: MasterItem[]): string {
  const mandatory = items.filter((i) => i.mandatory);
  const met = (state: MasterItem['state']) => mandatory.filter((i) => i.state === state).length;
  const open = mandatory.length - met('published') - met('records');
  const problems = items.reduce((n, i) => n + i.problems.length, 0);
  return `${mandatory.length} mandatory items: ${met('published')} published, ${met('records')} met by records, ${open} open; ${problems} problem${problems === 1 ? '' : 's'} in all`;
}

const COLUMNS = [
  { key: 'key', header: 'Item', width: 28 },
  { key: 'title', header: 'Title', width: 40 },
  { key: 'refs', header: 'Clauses', width: 14 },
  { key: 'basis', header: 'Basis', width: 12 },
  { key: 'mandatory', header: 'Mandatory', width: 11 },
  { key: 'code', header: 'Document', width: 16 },
  { key: 'state', header: 'State', width: 16 },
  { key: 'version', header: 'Version', width: 9 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'approvedAt', header: 'Approved', width: 12 },
  { key: 'nextReviewAt', header: 'Next review', width: 12 },
  { key: 'records', header: 'Records', width: 36 },
  { key: 'problems', header: 'Problems', width: 70 },
] as const;

/** The list as a table (CSV, XLSX): one row per line, problems one per line in their cell. */
export function masterListTable(items: MasterItem[], organizationName: string, generatedAt: string): Table {
  return {
    name: MASTER_LIST_FILE,
    sheet: 'Master list (7.5)',
    columns: COLUMNS,
    rows: items.map((i) => [
      i.key,
      i.title,
      i.refs.join(', '),
      basisLabel(i.basis),
      i.mandatory ? 'Yes' : 'No',
      i.code ?? '',
      MASTER_STATE_LABELS[i.state],
      i.version ?? '',
      i.owner ?? '',
      day(i.approvedAt),
      i.nextReviewAt ?? '',
      i.records ?? '',
      i.problems.join('\n'),
    ]),
    about: [
      ['Title', MASTER_LIST_TITLE],
      ['Organization', organizationName],
      ['Summary', masterListSummary(items)],
      ['Exported', generatedAt],
    ],
  };
}

function linesTable(items: MasterItem[]): DocTable {
  return {
    columns: [
      { header: 'Clauses', width: 1.3 },
      { header: 'Documented information', width: 3.2 },
      { header: 'Met by', width: 2.6 },
      { header: 'State', width: 1.6 },
      { header: 'Approved', width: 1.3 },
      { header: 'Next review', width: 1.3 },
      { header: 'Problems', width: 5 },
    ],
    rows: items.map((i) => [
      i.refs.join(', '),
      `${i.title}\n(${basisLabel(i.basis).toLowerCase()})`,
      i.code ? `${i.code} v${i.version ?? ''}${i.owner ? `\n${i.owner}` : ''}` : (i.records ?? '—'),
      MASTER_STATE_LABELS[i.state],
      day(i.approvedAt),
      i.nextReviewAt ?? '',
      i.problems.length ? i.problems.map((p) => `• ${p}`).join('\n') : 'None',
    ]),
  };
}

/** The list as a report (DOCX, PDF): titled, with the organization and the date. */
export function masterListReport(items: MasterItem[], organizationName: string, generatedAt: string): ReportDocument {
  const mandatory = items.filter((i) => i.mandatory);
  const own = items.filter((i) => !i.mandatory);
  return {
    title: MASTER_LIST_TITLE,
    subtitle: 'ISO/IEC 42001 7.5: what the AI management system must document, and what meets it',
    organizationName,
    generatedAt,
    meta: [
      ['Organization', organizationName],
      ['Date', generatedAt.slice(0, 10)],
      ['Summary', masterListSummary(items)],
    ],
    sections: [
      { heading: 'Mandatory documented information', table: linesTable(mandatory) },
      ...(own.length ? [{ heading: 'The organization\u2019s other documents', table: linesTable(own) }] : []),
    ],
    orientation: 'landscape',
    fileName: MASTER_LIST_FILE,
  };
}
