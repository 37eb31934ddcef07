import type { DocSection, ReportDocument } from './model';

// The document-control block an auditor files an export by (issue 15): organization, document id,
// version, owner, approver and role, approval date, next review, the versions it was derived from,
// and a change log. One builder for every export (gap report, risk register, treatment plan, SoA,
// impact assessment) and for controlled documents (modules/documents/render.ts), so the facts read
// the same everywhere. Until a record is under document control its block comes from its own
// approval data.

export type ChangeLogEntry = { version: string; date: string; by: string; change: string; approvedBy?: string };

export type ControlBlock = {
  organization: string;
  documentId: string;
  version: string;
  /** "Dana Whitfield, Owner"; null when nobody is named. */
  owner: string | null;
  /** "Dana Whitfield, Approver (top management)"; null before any approval. */
  approver: string | null;
  approvedAt: string | null;
  nextReview: string | null;
  /** The versions of what the export was derived from: scope revision, criteria number, plan number. */
  derivedFrom: [label: string, value: string][];
  changeLog: ChangeLogEntry[];
};

/** "Dana Whitfield, Approver (top management)": a comma, since some role labels carry brackets of their own. */
export const personWithRole = (
  name: string | null | undefined,
  role: string | null | undefined,
  missing = 'Not named',
) => (name ? (role ? `${name}, ${role}` : name) : missing);

/** The next review date: the approval date plus the review cycle, as YYYY-MM-DD. */
export function nextReviewDate(approvedAt: string | null, months: number): string | null {
  if (!approvedAt) return null;
  const d = new Date(`${approvedAt.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The control facts shown under the title, in the same order on every export. */
export function controlMeta(b: ControlBlock): [string, string][] {
  return [
    ['Organization', b.organization],
    ['Document', b.documentId],
    ['Version', b.version],
    ['Owner', b.owner ?? 'Not named'],
    ['Approver', b.approver ?? 'Not approved yet'],
    ['Approved', b.approvedAt ? b.approvedAt.slice(0, 10) : 'Not approved'],
    ['Next review', b.nextReview ?? 'Set at approval'],
    ...b.derivedFrom.map(([label, value]): [string, string] => [`Derived from: ${label}`, value]),
  ];
}

/** The change log as a section; the approver column only when any entry names one. */
export function changeLogSection(entries: ChangeLogEntry[], heading = 'Change log'): DocSection {
  const withApprover = entries.some((e) => e.approvedBy !== undefined);
  return {
    heading,
    ...(entries.length ? {} : { paragraphs: ['No approved version yet: this copy is a draft.'] }),
    table: {
      columns: [
        { header: 'Version', width: 1 },
        { header: 'Date', width: 1.4 },
        { header: withApprover ? 'Author' : 'By', width: 2 },
        { header: 'Change', width: 4 },
        ...(withApprover ? [{ header: 'Approved by', width: 2 }] : []),
      ],
      rows: entries.map((e) => [e.version, e.date, e.by, e.change, ...(withApprover ? [e.approvedBy ?? ''] : [])]),
    },
  };
}

/** The export with its control block: facts first under the title, the change log last, the id on every page. */
export function withControlBlock(doc: ReportDocument, block: ControlBlock): ReportDocument {
  const own = new Set(controlMeta(block).map(([label]) => label));
  return {
    ...doc,
    meta: [...controlMeta(block), ...doc.meta.filter(([label]) => !own.has(label))],
    sections: [...doc.sections, changeLogSection(block.changeLog)],
    pageHeader: doc.pageHeader ?? `${block.documentId} · ${block.version}`,
  };
}

/** The same facts for a spreadsheet's "about" rows. */
export function controlRows(block: ControlBlock): [string, string][] {
  return [
    ...controlMeta(block),
    [
      'Change log',
      block.changeLog.map((e) => `${e.version} ${e.date} ${e.by}: ${e.change}`).join('\n') || 'No approved version yet',
    ],
  ];
}
