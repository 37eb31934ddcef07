import { z } from 'zod';
import { IMPLEMENTATION_STATUS_LABELS, MAX_STORED_INTEGER } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ReportDocument } from '../../platform/documents/model';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import type { AppDeps } from '../../platform/http/app';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { builtinCatalog } from '../catalog/builtin';
import { ZOrgParams } from '../orgs/schema';
import { controlRows, withControlBlock } from '../../platform/documents/control-block';
import { soaControlBlock } from '../risk/record-control';
import { getSoa, soaVersion, type SoaOut } from './service';

// The SoA as files. `?version=n` exports an approved version exactly as it was frozen; without it,
// the SoA as it stands (approved, or the next draft), with its status written on every copy.

type Snapshot = {
  items: SoaOut['items'];
  status: string;
  warnings: SoaOut['warnings'];
  counts: SoaOut['counts'];
  version: number;
  approved: boolean;
};
const decision = (i: SoaOut['items'][number]) =>
  i.included === null ? 'Undecided' : i.included ? 'Included' : 'Excluded';
const ZExportQuery = z.object({
  version: z.coerce
    .number({ error: 'version must be the number of an approved version' })
    .int()
    .min(1)
    .max(MAX_STORED_INTEGER, 'version must be the number of an approved version')
    .optional(),
});

async function snapshot(deps: AppDeps, orgId: string, version: number | undefined): Promise<Snapshot> {
  if (version !== undefined) {
    const v = await soaVersion(deps, orgId, version);
    return {
      items: v.items,
      counts: v.counts,
      warnings: [],
      status: `Version ${v.version}, approved ${v.approvedAt.slice(0, 10)} by ${v.approvedBy.name}`,
      version: v.version,
      approved: true,
    };
  }
  const soa = await getSoa(deps, orgId);
  const status =
    soa.status === 'approved'
      ? `Version ${soa.version}, approved ${soa.approved!.approvedAt.slice(0, 10)} by ${soa.approved!.approvedBy.name}`
      : `Draft of version ${soa.version}, not approved`;
  return {
    items: soa.items,
    counts: soa.counts,
    warnings: soa.warnings,
    status,
    version: soa.version,
    approved: soa.status === 'approved',
  };
}

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 10 },
  { key: 'control', header: 'Control', width: 40 },
  { key: 'group', header: 'Group', width: 9 },
  { key: 'applicable', header: 'Included', width: 11 },
  { key: 'justification', header: 'Justification', width: 60 },
  { key: 'implementationStatus', header: 'Implementation status', width: 16 },
  { key: 'riskIds', header: 'Linked risks', width: 14 },
];

export function soaExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Statement of Applicability'];

  for (const format of TABLE_FORMATS)
    app.get(
      `/api/orgs/:orgId/soa/export.${format}`,
      {
        config: { access: 'risk.read' },
        schema: {
          tags,
          summary: `The SoA as ${format.toUpperCase()}; ?version= for an approved version`,
          params: ZOrgParams,
          querystring: ZExportQuery,
        },
      },
      async (req, reply) => {
        const s = await snapshot(deps, req.params.orgId, req.query.version);
        const block = await soaControlBlock(deps.db, req.params.orgId, s);
        return sendTable(reply, format, {
          name: req.query.version ? `statement-of-applicability-v${req.query.version}` : 'statement-of-applicability',
          sheet: 'Statement of Applicability',
          columns: COLUMNS,
          rows: s.items.map((i) => [
            i.ref,
            i.title,
            i.group,
            decision(i),
            i.justification,
            i.implementationStatus ? IMPLEMENTATION_STATUS_LABELS[i.implementationStatus] : '',
            i.risks.map((r) => r.ref).join(', '),
          ]),
          about: [
            ['Status', s.status],
            [
              'Controls',
              `${s.counts.total}: ${s.counts.included} included, ${s.counts.excluded} excluded, ${s.counts.undecided} undecided`,
            ],
            ['Exported', nowIso()],
            ...controlRows(block),
          ],
        });
      },
    );

  for (const format of DOCUMENT_FORMATS)
    app.get(
      `/api/orgs/:orgId/soa/export.${format}`,
      {
        config: { access: 'risk.read' },
        schema: {
          tags,
          summary: `The SoA as ${format.toUpperCase()}; ?version= for an approved version`,
          params: ZOrgParams,
          querystring: ZExportQuery,
        },
      },
      async (req, reply) => {
        const s = await snapshot(deps, req.params.orgId, req.query.version);
        const org = await deps.db
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', req.params.orgId)
          .executeTakeFirstOrThrow();
        const iso = builtinCatalog();
        const groups = [...new Set(s.items.map((i) => i.group))];
        const doc: ReportDocument = {
          title: 'Statement of Applicability',
          subtitle: 'ISO/IEC 42001 6.1.3, Annex A and organization controls',
          organizationName: org.name,
          generatedAt: nowIso(),
          meta: [
            ['Organization', org.name],
            ['Status', s.status],
            [
              'Controls',
              `${s.counts.total}: ${s.counts.included} included, ${s.counts.excluded} excluded, ${s.counts.undecided} undecided`,
            ],
          ],
          sections: [
            ...(s.warnings.length ? [{ heading: 'Open points', bullets: s.warnings.map((w) => w.message) }] : []),
            ...groups.map((g) => ({
              heading: g === 'Custom' ? 'Organization controls' : `${g} ${iso.item('iso42001', g)?.title ?? ''}`.trim(),
              table: {
                columns: [
                  { header: 'Ref', width: 8 },
                  { header: 'Control', width: 24 },
                  { header: 'Included', width: 9 },
                  { header: 'Justification', width: 42 },
                  { header: 'Status', width: 11 },
                ],
                rows: s.items
                  .filter((i) => i.group === g)
                  .map((i) => [
                    i.ref,
                    i.title,
                    decision(i),
                    i.justification,
                    i.implementationStatus ? IMPLEMENTATION_STATUS_LABELS[i.implementationStatus] : '',
                  ]),
              },
            })),
          ],
          orientation: 'landscape',
          fileName: req.query.version
            ? `statement-of-applicability-v${req.query.version}`
            : 'statement-of-applicability',
        };
        return sendDocument(reply, format, withControlBlock(doc, await soaControlBlock(deps.db, req.params.orgId, s)));
      },
    );
}
