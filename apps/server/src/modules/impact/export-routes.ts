import { z } from 'zod';
import {
  IMPACT_TRIGGER_LABELS,
  INDIVIDUAL_EFFECT_AREAS,
  INDIVIDUAL_EFFECT_LABELS,
  SOCIETAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_LABELS,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withControlBlock } from '../../platform/documents/control-block';
import type { DocSection, ReportDocument } from '../../platform/documents/model';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import type { AppDeps } from '../../platform/http/app';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { impactControlBlock } from '../risk/record-control';
import { getImpact, type ImpactOut } from './service';

// One impact assessment as a file an auditor can keep (6.1.4, 8.4, A.5): what it covers, the
// effects on each affected group and on society, the rating, the mitigations and the conclusion,
// the risks created from it, and the document-control block (issue 15).

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const text = (s: string) => (s.trim() ? s : 'Not answered');

export function impactDocument(ia: ImpactOut, organizationName: string): ReportDocument {
  const sections: DocSection[] = [
    { heading: 'Intended use', paragraphs: [text(ia.intendedUse)] },
    { heading: 'Reasonably foreseeable misuse', paragraphs: [text(ia.foreseeableMisuse)] },
    {
      heading: 'Effects on individuals and groups (A.5.4)',
      ...(ia.affectedGroups.length
        ? {
            table: {
              columns: [
                { header: 'Group', width: 1.4 },
                { header: 'Effect area', width: 1.4 },
                { header: 'Effect', width: 4 },
              ],
              rows: ia.affectedGroups.flatMap((g) =>
                INDIVIDUAL_EFFECT_AREAS.map((area, i) => [
                  i === 0 ? `${g.group}${g.vulnerable ? ' (vulnerable)' : ''}` : '',
                  INDIVIDUAL_EFFECT_LABELS[area],
                  text(g.effects[area] ?? ''),
                ]),
              ),
            },
          }
        : { paragraphs: ['No affected group named.'] }),
    },
    {
      heading: 'Effects on society (A.5.5)',
      ...(ia.societalNotApplicable.trim()
        ? { paragraphs: [`Not applicable: ${ia.societalNotApplicable}`] }
        : {
            table: {
              columns: [
                { header: 'Effect area', width: 1.6 },
                { header: 'Effect', width: 4 },
              ],
              rows: SOCIETAL_EFFECT_AREAS.map((area) => [
                SOCIETAL_EFFECT_LABELS[area],
                text(ia.societalEffects[area] ?? ''),
              ]),
            },
          }),
    },
    { heading: 'Mitigations', paragraphs: [text(ia.mitigations)] },
    { heading: 'Conclusion', paragraphs: [text(ia.conclusion)] },
    {
      heading: 'Risks created from this assessment',
      ...(ia.risks.length ? { bullets: ia.risks.map((r) => `${r.ref}: ${r.title}`) } : { paragraphs: ['None yet.'] }),
    },
    ...(ia.signOffProblems.length ? [{ heading: 'Before it can be signed off', bullets: ia.signOffProblems }] : []),
  ];
  return {
    title: `AI system impact assessment ${ia.ref}`,
    subtitle: `${ia.title} · ISO/IEC 42001 6.1.4, 8.4, A.5`,
    organizationName,
    generatedAt: nowIso(),
    meta: [
      ['AI system', ia.aiSystem?.name ?? 'Deleted since; the assessment is kept'],
      ['Trigger', IMPACT_TRIGGER_LABELS[ia.trigger]],
      [
        'Status',
        ia.status === 'signed_off'
          ? `Signed off ${ia.signedOffAt?.slice(0, 10) ?? ''} by ${ia.signedOffBy?.name ?? 'someone no longer named'}`
          : 'Draft, not signed off',
      ],
      [
        'Severity × likelihood',
        ia.severity !== null && ia.likelihood !== null ? `${ia.severity} × ${ia.likelihood}` : 'Not rated',
      ],
      ['Kept until', ia.retentionUntil ?? 'Not set'],
    ],
    sections,
    orientation: 'portrait',
    fileName: `impact-assessment-${ia.ref.toLowerCase()}`,
  };
}

export function impactExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const format of DOCUMENT_FORMATS)
    app.get(
      `/api/orgs/:orgId/impact-assessments/:id/export.${format}`,
      {
        config: { access: 'risk.read' },
        schema: {
          tags: ['AI system impact assessment'],
          summary: `One impact assessment as ${format.toUpperCase()}, with its document-control block`,
          params: ZIdParams,
        },
      },
      async (req, reply) => {
        const ia = await getImpact(deps, req.params.orgId, req.params.id);
        const org = await deps.db
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', req.params.orgId)
          .executeTakeFirstOrThrow();
        const block = await impactControlBlock(deps.db, req.params.orgId, ia);
        return sendDocument(reply, format, withControlBlock(impactDocument(ia, org.name), block));
      },
    );
}
