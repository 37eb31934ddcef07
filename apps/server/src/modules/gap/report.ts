import { ANNEX_A_GROUPS, CLAUSE_NUMBERS, GAP_RESULT_LABELS, SCORE_FORMULA } from '@fortytwo/domain';
import type { Deps } from '../../platform/transaction';
import { nowIso } from '../../platform/ids';
import { getOrganization } from '../orgs/organizations';
import type { ControlBlock } from '../../platform/documents/control-block';
import { gapControlBlock } from '../risk/record-control';
import { assessmentGaps, getAssessment, scoresOf } from './service';
import { sectionTitle } from './workbook-template';

// What the gap report says, computed once for both the .docx and the .pdf, so the two documents
// never disagree. Our own words only: refs and published short titles come from the catalogue.

export type SectionScore = {
  ref: string;
  label: string;
  title: string;
  readiness: number | null;
  maturity: number | null;
};
export type GapRow = {
  ref: string;
  title: string;
  result: string;
  owner: string;
  targetDate: string;
  openActions: string;
  documentation: boolean;
};
export type GapReport = {
  organizationName: string;
  assessmentName: string;
  /** "Snapshot frozen on 2026-11-02" or "Working assessment, last changed on 2026-11-02". */
  assessmentState: string;
  reportDate: string;
  summary: string[];
  formula: string;
  overall: { label: string; readiness: number | null; maturity: number | null }[];
  clauses: SectionScore[];
  groups: SectionScore[];
  gaps: GapRow[];
  gapIntro: string;
  /** The document-control block (issue 15): facts after the title page, the change log last. */
  control: ControlBlock;
};

export const percent = (n: number | null) => (n === null ? 'n/a' : `${n}%`);
export const maturityText = (n: number | null) => (n === null ? '–' : n.toFixed(1));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (iso: string) => iso.slice(0, 10);

function summaryOf(s: ReturnType<typeof scoresOf>, sections: SectionScore[], isSnapshot: boolean): string[] {
  const c = s.counts;
  const out: string[] = [];
  out.push(
    s.overall === null
      ? 'No readiness can be computed: every requirement is marked not applicable.'
      : `Overall readiness is ${percent(s.overall)}: ${percent(s.clauses)} for the management system requirements of clauses 4–10 and ${percent(s.annexA)} for the Annex A controls.`,
  );
  const answered =
    c.answered === 0
      ? `None of the ${c.total} requirements has been assessed yet.`
      : `${c.answered} of the ${c.total} requirements have been assessed: ${c.conformant} conformant, ${c.partiallyConformant} partially conformant, ${c.nonconformant} nonconformant and ${c.notApplicable} not applicable.`;
  out.push(
    `${answered}${c.unanswered > 0 && c.answered > 0 ? ` ${plural(c.unanswered, 'requirement')} ${c.unanswered === 1 ? 'is' : 'are'} still to be assessed and count as gaps.` : ''}`,
  );
  out.push(
    s.documentationGaps === 0
      ? 'Every requirement that calls for documented information is conformant.'
      : `${plural(s.documentationGaps, 'requirement')} that call${s.documentationGaps === 1 ? 's' : ''} for documented information ${s.documentationGaps === 1 ? 'is' : 'are'} not conformant yet. They head the gap list: an auditor asks for documents first, and a missing one is an easy finding.`,
  );
  const weakest = sections.filter((x) => x.readiness !== null).sort((a, b) => a.readiness! - b.readiness!);
  if (c.answered > 0 && weakest.length > 0) {
    out.push(
      `The areas furthest from ready are ${weakest
        .slice(0, 3)
        .map((x) => `${x.label} ${x.title} (${percent(x.readiness)})`)
        .join(', ')}.`,
    );
  }
  if (s.maturity.overall !== null)
    out.push(
      `Average maturity of the rated requirements is ${maturityText(s.maturity.overall)} on a scale from 0 (absent) to 5 (optimizing).`,
    );
  if (isSnapshot)
    out.push('This report shows a snapshot: the assessment as it was frozen on that date, not as it is now.');
  return out;
}

export async function gapReport(deps: Deps, orgId: string, id: string): Promise<GapReport> {
  const [org, assessment, gaps] = await Promise.all([
    getOrganization(deps, orgId),
    getAssessment(deps, orgId, id),
    assessmentGaps(deps, orgId, id),
  ]);
  const s = scoresOf(assessment.items);
  const clauses = CLAUSE_NUMBERS.map((ref) => ({
    ref,
    label: `Clause ${ref}`,
    title: sectionTitle(ref),
    readiness: s.byClause[ref] ?? null,
    maturity: s.maturity.byClause[ref] ?? null,
  }));
  const groups = ANNEX_A_GROUPS.map((ref) => ({
    ref,
    label: ref,
    title: sectionTitle(ref),
    readiness: s.byGroup[ref] ?? null,
    maturity: s.maturity.byGroup[ref] ?? null,
  }));
  const isSnapshot = assessment.kind === 'snapshot';
  const control = await gapControlBlock(deps.db, orgId, assessment);
  return {
    control,
    organizationName: org.name,
    assessmentName: assessment.name,
    assessmentState: isSnapshot
      ? `Snapshot frozen on ${day(assessment.frozenAt ?? assessment.createdAt)}`
      : `Working assessment, last changed on ${day(assessment.updatedAt)}`,
    reportDate: day(nowIso()),
    summary: summaryOf(s, [...clauses, ...groups], isSnapshot),
    formula: SCORE_FORMULA,
    overall: [
      { label: 'Overall', readiness: s.overall, maturity: s.maturity.overall },
      { label: 'Clauses 4–10', readiness: s.clauses, maturity: s.maturity.clauses },
      { label: 'Annex A', readiness: s.annexA, maturity: s.maturity.annexA },
    ],
    clauses,
    groups,
    gapIntro:
      gaps.length === 0
        ? 'There are no gaps: every applicable requirement is conformant.'
        : `${plural(gaps.length, 'gap')}, in the order to work on them: requirements that call for documented information first, then the other requirements of clauses 4–10, then the other Annex A controls. Requirements not assessed yet count as gaps.`,
    gaps: gaps.map((g) => {
      const open = g.actions.filter((a) => a.status !== 'done');
      const due = open
        .map((a) => a.dueDate)
        .filter((d): d is string => d !== null)
        .sort()[0];
      return {
        ref: g.ref,
        title: g.title,
        result: g.result ? GAP_RESULT_LABELS[g.result] : 'Not assessed',
        owner: g.owner?.name ?? '—',
        targetDate: g.targetDate ?? '—',
        openActions: open.length === 0 ? '—' : `${open.length} open${due ? `, next due ${due}` : ''}`,
        documentation: g.documentation,
      };
    }),
  };
}

/** Bar colour by readiness: red below 50, amber to 79, green from 80. The number is always printed too. */
export const barColour = (n: number | null) =>
  n === null ? 'BFBFBF' : n < 50 ? 'C0504D' : n < 80 ? 'E3A21A' : '4E9A4E';
