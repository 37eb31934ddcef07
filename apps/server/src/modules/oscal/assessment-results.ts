import {
  FINDING_GRADE_LABELS,
  READINESS_GRADE_LABELS,
  READINESS_VERDICT_LABELS,
  type FindingGrade,
  type ReadinessResult,
} from '@fortytwo/domain';
import type { AuditOut } from '../audits/service';
import {
  controlIdsOf,
  dateTime,
  line,
  metadata,
  prop,
  prose,
  recordUuid,
  type OscalLink,
  type OscalMetadata,
  type OscalOrg,
  type OscalProp,
} from './common';

// The organization's assessments as one OSCAL 1.0.6 assessment-results document: the readiness
// check (the stage-1 or stage-2 auditor's view of live data) is one result, and each internal audit
// that has started is another, with its checklist lines as observations and its findings as
// findings. Pure: the routes read the records, this maps them.

type ReviewedControls = {
  'control-selections': (
    { 'include-all': Record<string, never> } | { 'include-controls': { 'control-id': string }[] }
  )[];
};
type Status = { state: 'satisfied' | 'not-satisfied'; reason?: 'pass' | 'fail' | 'other'; remarks?: string };
export type OscalFinding = {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  links?: OscalLink[];
  target: { type: 'objective-id'; 'target-id': string; status: Status };
  'related-observations'?: { 'observation-uuid': string }[];
  remarks?: string;
};
export type OscalObservation = {
  uuid: string;
  title?: string;
  description: string;
  props?: OscalProp[];
  methods: ('EXAMINE' | 'INTERVIEW' | 'TEST' | 'UNKNOWN')[];
  collected: string;
  remarks?: string;
};
export type OscalResult = {
  uuid: string;
  title: string;
  description: string;
  start: string;
  end?: string;
  props?: OscalProp[];
  'reviewed-controls': ReviewedControls;
  observations?: OscalObservation[];
  findings?: OscalFinding[];
  remarks?: string;
};
export type OscalAssessmentResults = {
  'assessment-results': {
    uuid: string;
    metadata: OscalMetadata;
    'import-ap': { href: string; remarks?: string };
    results: OscalResult[];
  };
};

export type ReadinessInput = ReadinessResult & { checkedAt: string };
/** The parts of an internal audit the export reads. */
export type AuditInput = Pick<
  AuditOut,
  | 'id'
  | 'ref'
  | 'title'
  | 'status'
  | 'objectives'
  | 'criteria'
  | 'scope'
  | 'plannedStart'
  | 'plannedEnd'
  | 'conclusion'
  | 'completedAt'
  | 'createdAt'
  | 'findings'
> & {
  checklist: Pick<AuditOut['checklist'][number], 'id' | 'ref' | 'title' | 'result' | 'notes' | 'sampled'>[];
  lead?: { name: string } | null;
};

const reviewed = (ids: string[], description: string): ReviewedControls & { description: string } => ({
  description,
  'control-selections': ids.length
    ? [{ 'include-controls': ids.map((id) => ({ 'control-id': id })) }]
    : [{ 'include-all': {} }],
});

// A finding targets the assessment objective of its clause or control, as the OSCAL catalog export
// names it (`<control>_obj`); a finding without a clause targets the management system as a whole.
const objectiveOf = (ref: string | null | undefined) => `${controlIdsOf(ref)[0] ?? 'aims'}_obj`;

// OSCAL arrays are never empty: a finding without a fix link has no links at all.
function linksOf(org: OscalOrg, reasons: ReadinessInput['findings'][number]['reasons']): { links?: OscalLink[] } {
  const links = reasons
    .filter((x) => x.href)
    .map((x) => ({ href: `/orgs/${org.id}${x.href}`, rel: 'fix', text: line(x.message) }));
  return links.length ? { links } : {};
}

function readinessResult(org: OscalOrg, r: ReadinessInput): OscalResult {
  const ids = [...new Set(r.findings.flatMap((f) => controlIdsOf(f.ref)))];
  return {
    uuid: recordUuid(org.id, 'readiness', `stage-${r.stage}`),
    title: `Certification readiness check, stage ${r.stage}`,
    description: prose(r.summary, READINESS_VERDICT_LABELS[r.verdict]),
    start: dateTime(r.checkedAt),
    end: dateTime(r.checkedAt),
    props: [
      prop('assessment-kind', 'readiness-check'),
      prop('stage', String(r.stage)),
      prop('verdict', r.verdict),
      prop('blocking', String(r.counts.blocking)),
      prop('concerns', String(r.counts.concern)),
    ],
    'reviewed-controls': reviewed(ids, 'The clauses and controls the readiness rules read'),
    findings: r.findings.map((f) => ({
      uuid: recordUuid(org.id, 'readiness-rule', `${r.stage}:${f.id}`),
      title: line(`${f.ref} — ${f.title}`),
      description: prose(
        f.reasons.map((x) => x.message).join('\n\n'),
        f.status === 'passed' ? 'The rule passed.' : f.title,
      ),
      props: [
        prop('rule', f.id),
        prop('checklist-item', f.checklist),
        prop('grade', READINESS_GRADE_LABELS[f.grade]),
        prop('rule-status', f.status),
      ],
      ...linksOf(org, f.reasons),
      target: {
        type: 'objective-id',
        'target-id': objectiveOf(f.ref),
        status:
          f.status === 'passed'
            ? { state: 'satisfied', reason: 'pass' }
            : f.status === 'failed'
              ? { state: 'not-satisfied', reason: 'fail' }
              : { state: 'not-satisfied', reason: 'other', remarks: 'The rule lacks data: the step was not used yet.' },
      },
    })),
  };
}

const NOT_SATISFIED: FindingGrade[] = ['major', 'minor'];

function auditResult(org: OscalOrg, a: AuditInput): OscalResult {
  const start = a.plannedStart ?? a.createdAt;
  const collected = dateTime(a.completedAt ?? start);
  const checked = a.checklist.filter((i) => i.result !== 'open');
  const observationOf = new Map(checked.map((i) => [i.id, recordUuid(org.id, 'audit-checklist-item', i.id)]));
  const props = [prop('assessment-kind', 'internal-audit'), prop('audit', a.ref), prop('audit-status', a.status)];
  if (a.lead) props.push(prop('lead-auditor', a.lead.name));
  return {
    uuid: recordUuid(org.id, 'audit', a.id),
    title: line(`${a.ref} ${a.title}`),
    description: prose(a.objectives, `Internal audit ${a.ref}`),
    start: dateTime(start),
    ...(a.completedAt ? { end: dateTime(a.completedAt) } : {}),
    props,
    'reviewed-controls': reviewed(
      [...new Set(a.scope.refs.flatMap(controlIdsOf))],
      prose(a.criteria, 'The audit criteria'),
    ),
    ...(checked.length
      ? {
          observations: checked.map((i) => ({
            uuid: observationOf.get(i.id)!,
            title: line(`${i.ref} ${i.title}`),
            description: prose(i.notes, `${i.ref}: ${i.result}`),
            props: [prop('checklist-result', i.result), ...(i.sampled.trim() ? [prop('sampled', i.sampled)] : [])],
            methods: ['EXAMINE' as const],
            collected,
          })),
        }
      : {}),
    ...(a.findings.length
      ? {
          findings: a.findings.map((f) => {
            const observation = f.checklistItemId ? observationOf.get(f.checklistItemId) : undefined;
            return {
              uuid: recordUuid(org.id, 'audit-finding', f.id),
              title: line(`${f.ref} ${FINDING_GRADE_LABELS[f.grade]}${f.clauseRef ? ` against ${f.clauseRef}` : ''}`),
              description: prose(f.statement, FINDING_GRADE_LABELS[f.grade]),
              props: [prop('grade', f.grade), ...(f.nonconformityId ? [prop('nonconformity', f.nonconformityId)] : [])],
              target: {
                type: 'objective-id' as const,
                'target-id': objectiveOf(f.clauseRef),
                status: NOT_SATISFIED.includes(f.grade)
                  ? { state: 'not-satisfied' as const, reason: 'fail' as const }
                  : { state: 'satisfied' as const, reason: 'other' as const, remarks: FINDING_GRADE_LABELS[f.grade] },
              },
              ...(observation ? { 'related-observations': [{ 'observation-uuid': observation }] } : {}),
              remarks: prose(`Requirement: ${f.requirement}\n\nEvidence: ${f.evidence}`, 'No remarks'),
            };
          }),
        }
      : {}),
    ...(a.conclusion.trim() ? { remarks: a.conclusion.trim() } : {}),
  };
}

/** Audits that produced results: started or completed; planned and cancelled ones assessed nothing. */
export const auditsWithResults = <A extends Pick<AuditInput, 'status'>>(audits: A[]) =>
  audits.filter((a) => a.status === 'in_progress' || a.status === 'completed');

export function toOscalAssessmentResults(input: {
  org: OscalOrg;
  generatedAt: string;
  readiness: ReadinessInput;
  audits: AuditInput[];
}): OscalAssessmentResults {
  const { org } = input;
  return {
    'assessment-results': {
      uuid: recordUuid(org.id, 'assessment-results', org.id),
      metadata: metadata(
        org,
        `${line(org.name)}: AI management system assessment results`,
        input.generatedAt,
        'Exported from Fortytwo: the certification readiness check and every internal audit that has started.',
      ),
      'import-ap': {
        href: `/orgs/${org.id}/audits`,
        remarks:
          'No separate OSCAL assessment plan: the internal audit programme and the readiness rules are the plan.',
      },
      results: [
        readinessResult(org, input.readiness),
        ...auditsWithResults(input.audits).map((a) => auditResult(org, a)),
      ],
    },
  };
}
