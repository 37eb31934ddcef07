import {
  AUDIT_METHOD_LABELS,
  AUDIT_STATUS_LABELS,
  CHECKLIST_RESULT_LABELS,
  FINDING_GRADE_LABELS,
  FINDING_GRADES,
} from '@fortytwo/domain';
import type { ReportDocument } from '../../platform/documents/model';
import type { DocumentFormat } from '../../platform/documents/send';
import { notFound } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import type { VersionFile } from '../documents/downloads';
import { recordFile } from '../documents/records';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import type { FrozenRegister } from '../documents/repository';
import { getAudit, type AuditOut } from './read';

// The audit report (9.2.2 e): scope, criteria, team, sample, findings by grade, conclusion and
// distribution, through the shared document model so the .docx and .pdf say the same. A completed
// audit is signed off by freezing this report as a record (documents/records.ts): from then on the
// downloads are the record's stored files.

/** A signed-off audit's report is its record: the stored file the sign-off kept; null before sign-off. */
export async function reportRecordFile(
  deps: Deps,
  store: FileStore,
  orgId: string,
  id: string,
  format: DocumentFormat,
): Promise<VersionFile | null> {
  const a = await deps.db
    .selectFrom('audits')
    .select('reportDocumentId')
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!a) throw notFound('Audit');
  return a.reportDocumentId ? recordFile(deps, store, orgId, a.reportDocumentId, format) : null;
}

export async function auditReport(deps: Deps, orgId: string, id: string): Promise<ReportDocument> {
  const a = await getAudit(deps, orgId, id);
  const org = await deps.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return reportOf(a, org.name);
}

/** What the record keeps: the report's sections, led by its facts (status, sign-off, dates, method). */
export function frozenReport(a: AuditOut): { title: string; frozen: FrozenRegister } {
  const r = reportOf(a, '');
  return {
    title: `Internal audit report ${a.ref}: ${a.title}`,
    frozen: {
      sections: [{ heading: 'The audit', bullets: r.meta.map(([k, v]) => `${k}: ${v}`) }, ...r.sections],
      orientation: 'portrait',
      basis: `${a.ref}, signed off ${a.completedAt?.slice(0, 10) ?? ''}`,
    },
  };
}

export function reportOf(a: AuditOut, organizationName: string): ReportDocument {
  const sampled = a.checklist.filter((i) => i.sampled || i.sampleSize !== null);
  return {
    title: `Internal audit report ${a.ref}: ${a.title}`,
    subtitle: 'ISO/IEC 42001 clause 9.2',
    organizationName,
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
