import { CERT_FINDING_GRADE_LABELS, FINDING_STATE_LABELS, NONCONFORMITY_STATUS_LABELS } from '@fortytwo/domain';
import type { DocSection, ReportDocument } from '../../platform/documents/model';
import type { Db } from '../../platform/db/connect';
import { nowIso } from '../../platform/ids';
import { listNonconformities, type NonconformityOut } from '../nonconformities/service';
import type { CycleOut } from './certificates';

// The status report a certification body asks for between audits: every finding of its audits,
// open or closed, with the corrective action plan (correction, root cause, actions) and the
// evidence of closure (actions done, effectiveness review, who closed it and when). The one
// document model renders it (platform/documents), as every other report.

const plan = (nc: NonconformityOut | undefined) => {
  if (!nc) return '';
  const lines = [
    nc.correction && `Correction: ${nc.correction}`,
    nc.rootCause && `Root cause: ${nc.rootCause}`,
    ...nc.actions.map(
      (a) => `Action: ${a.title} (${a.owner?.name ?? 'no owner'}, due ${a.dueDate ?? '—'}, ${a.status})`,
    ),
  ].filter(Boolean);
  return lines.join('\n') || 'No plan yet';
};
const closure = (nc: NonconformityOut | undefined) => {
  if (!nc) return '';
  const lines = [
    nc.reviewedAt &&
      `Effectiveness ${nc.effective ? 'confirmed' : 'not confirmed'} by ${nc.reviewedByName ?? '—'} on ${nc.reviewedAt.slice(0, 10)}: ${nc.effectivenessNotes}`,
    nc.closedAt && `Closed by ${nc.closedByName ?? '—'} on ${nc.closedAt.slice(0, 10)}`,
  ].filter(Boolean);
  return lines.join('\n');
};

export async function statusReport(db: Db, orgId: string, orgName: string, cycle: CycleOut): Promise<ReportDocument> {
  const ncs = new Map(
    (await listNonconformities(db, orgId, { source: 'certification_audit' })).map((n) => [n.id, n] as const),
  );
  const e = cycle.engagement;
  const findings = cycle.audits.flatMap((a) => a.findings);
  const cert = cycle.certificates.at(-1);
  const sections: DocSection[] = [
    {
      heading: 'Summary',
      paragraphs: [
        `${findings.length} findings over ${cycle.audits.filter((a) => a.status === 'done').length} audits: ${cycle.counts.openMajors} major and ${cycle.counts.openMinors} minor still open, ${cycle.counts.overdue} past the CB's deadline.`,
        cycle.decisionBlockers.length && !cert
          ? `Before the certification decision: ${cycle.decisionBlockers.join(' ')}`
          : cert
            ? `Certificate ${cert.certificateNumber}, decided ${cert.decisionDate}, expires ${cert.expiryDate}.`
            : 'Nothing blocks the certification decision.',
      ],
    },
    ...cycle.audits
      .filter((a) => a.findings.length)
      .map((a): DocSection => ({
        heading: `${a.title} audit${a.startDate ? ` (${a.startDate}${a.endDate && a.endDate !== a.startDate ? ` – ${a.endDate}` : ''})` : ''}`,
        table: {
          columns: [
            { header: 'Finding', width: 3 },
            { header: 'Evidence', width: 2 },
            { header: 'Status', width: 2 },
            { header: 'Corrective action plan', width: 3 },
            { header: 'Evidence of closure', width: 3 },
          ],
          rows: a.findings.map((f) => {
            const nc = f.nonconformity ? ncs.get(f.nonconformity.id) : undefined;
            return [
              `${f.ref} · ${CERT_FINDING_GRADE_LABELS[f.grade]} · ${f.clauseRef}\n${f.title}${f.statement ? `\n${f.statement}` : ''}`,
              f.evidence,
              [
                FINDING_STATE_LABELS[f.state],
                nc && `${nc.ref}: ${NONCONFORMITY_STATUS_LABELS[nc.status]}`,
                f.improvement && `${f.improvement.ref} in the improvement log`,
                f.cbDeadline && `CB deadline ${f.cbDeadline}${f.overdue ? ' (overdue)' : ''}`,
                f.cbAcceptedOn && `Plan accepted ${f.cbAcceptedOn}`,
              ]
                .filter(Boolean)
                .join('\n'),
              plan(nc),
              closure(nc),
            ];
          }),
        },
      })),
  ];
  return {
    title: `Status of findings — ${e.cbName}`,
    subtitle: `${e.ref}${cert ? ` · certificate ${cert.certificateNumber}` : ''}`,
    organizationName: orgName,
    generatedAt: nowIso(),
    meta: [
      ['Certification body', e.cbName],
      ['Open majors', String(cycle.counts.openMajors)],
      ['Open minors', String(cycle.counts.openMinors)],
      ['Past the CB deadline', String(cycle.counts.overdue)],
    ],
    sections,
    orientation: 'landscape',
    fileName: `cb-status-report-${e.ref}`,
  };
}
