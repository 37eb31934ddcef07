import {
  AUDIT_METHOD_LABELS,
  AUDIT_STATUS_LABELS,
  CHECKLIST_RESULT_LABELS,
  FINDING_GRADE_LABELS,
  FINDING_GRADES,
} from '@fortytwo/domain';
import type { ReportDocument } from '../../platform/documents/model';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { getAudit } from './service';

// The audit report (9.2.2 e): scope, criteria, team, sample, findings by grade, conclusion and
// distribution, through the shared document model so the .docx and .pdf say the same. A completed
// audit is frozen, so its report reads the same every time it is printed.

export async function auditReport(deps: Deps, orgId: string, id: string): Promise<ReportDocument> {
  const a = await getAudit(deps, orgId, id);
  const org = await deps.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const sampled = a.checklist.filter((i) => i.sampled || i.sampleSize !== null);
  return {
    title: `Internal audit report ${a.ref}: ${a.title}`,
    subtitle: 'ISO/IEC 42001 clause 9.2',
    organizationName: org.name,
    generatedAt: nowIso(),
    meta: [
      ['Status', AUDIT_STATUS_LABELS[a.status]],
      ['Signed off', a.completedAt ? a.completedAt.slice(0, 10) : 'Not yet: draft report'],
      ['Dates', a.plannedStart ? `${a.plannedStart} – ${a.plannedEnd ?? ''}` : '—'],
      ['Method', AUDIT_METHOD_LABELS[a.method]],
    ],
    sections: [
      {
        heading: 'Objectives and criteria',
        paragraphs: [a.objectives || '—', `Criteria: ${a.criteria || '—'}`],
      },
      {
        heading: 'Scope',
        bullets: [
          `Clauses and controls: ${a.scope.refs.join(', ') || '—'}`,
          `Units: ${a.scope.units.join(', ') || '—'}`,
          `Sites: ${a.scope.sites.join(', ') || '—'}`,
        ],
      },
      {
        heading: 'Audit team and auditees',
        bullets: [
          `Lead auditor: ${a.lead?.name ?? '—'}`,
          `Team: ${a.team.map((t) => t.name).join(', ') || '—'}`,
          `Auditees: ${a.auditees.join(', ') || '—'}`,
          ...(a.independenceWarnings.length
            ? [
                `Independence: ${a.independenceWarnings.map((w) => w.message).join(' ')} Justification: ${a.independenceJustification}`,
              ]
            : []),
        ],
      },
      {
        heading: 'Checklist and sample',
        table: {
          columns: [
            { header: 'Ref', width: 1 },
            { header: 'Requirement', width: 3 },
            { header: 'Result', width: 1.4 },
            { header: 'Sample', width: 3 },
            { header: 'Notes', width: 3 },
          ],
          rows: a.checklist.map((i) => [
            i.ref,
            i.title,
            CHECKLIST_RESULT_LABELS[i.result],
            i.sampled || i.sampleSize !== null
              ? `${i.sampled}${i.sampleSize !== null ? `\n${i.sampleSize} of ${i.population || 'the population'}` : ''}`
              : '—',
            i.notes || '—',
          ]),
        },
        paragraphs: [`${sampled.length} of ${a.checklist.length} items record a sample.`],
      },
      {
        heading: 'Findings by grade',
        bullets: FINDING_GRADES.map((g) => `${FINDING_GRADE_LABELS[g]}: ${a.findingCounts[g]}`),
        table: {
          columns: [
            { header: 'Finding', width: 1 },
            { header: 'Grade', width: 1.6 },
            { header: 'Clause / control', width: 1.2 },
            { header: 'Statement, requirement and objective evidence', width: 6 },
          ],
          rows: a.findings.map((f) => [
            f.ref,
            FINDING_GRADE_LABELS[f.grade],
            f.clauseRef ?? '—',
            [f.statement, f.requirement && `Requirement: ${f.requirement}`, f.evidence && `Evidence: ${f.evidence}`]
              .filter(Boolean)
              .join('\n'),
          ]),
        },
      },
      { heading: 'Conclusion', paragraphs: [a.conclusion || 'Not written yet.'] },
      {
        heading: 'Distribution',
        paragraphs: [
          'Top management, the AI management system owner, the auditees, and the management review (9.3) as an input.',
        ],
      },
    ],
    orientation: 'portrait',
    fileName: `${a.ref}-internal-audit-report`,
  };
}
