import { cadenceLabel, CONTROL_STATUS_LABELS } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { listControls, ZControlFilter } from './read';

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 10 },
  { key: 'control', header: 'Control', width: 40 },
  { key: 'kind', header: 'Source', width: 10 },
  { key: 'status', header: 'Status', width: 14 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'description', header: 'How it is implemented', width: 60 },
  { key: 'documents', header: 'Linked documents', width: 30 },
  { key: 'dueOn', header: 'Due date', width: 12 },
  { key: 'cadence', header: 'Cadence', width: 14 },
  { key: 'operatingSince', header: 'Operating since', width: 14 },
  { key: 'lastPerformed', header: 'Last performed', width: 14 },
  { key: 'nextDue', header: 'Next due', width: 12 },
  { key: 'overdue', header: 'Overdue', width: 9 },
  { key: 'occurrences', header: 'Occurrences', width: 12 },
];

export function controlExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Controls in operation'];
  for (const format of TABLE_FORMATS)
    app.get(
      `/api/orgs/:orgId/controls/export.${format}`,
      {
        config: { access: 'control.read' },
        schema: {
          tags,
          summary: `The controls register as ${format.toUpperCase()}, with the same filters as the list`,
          params: ZOrgParams,
          querystring: ZControlFilter,
        },
      },
      async (req, reply) => {
        const items = await listControls(deps.db, req.params.orgId, req.query);
        return sendTable(reply, format, {
          name: 'controls-register',
          sheet: 'Controls',
          columns: COLUMNS,
          rows: items.map((c) => [
            c.ref,
            c.title,
            c.kind === 'custom' ? 'Custom' : 'Annex A',
            c.status ? CONTROL_STATUS_LABELS[c.status] : 'Not started',
            c.owner?.name ?? '',
            c.description,
            c.documents.map((d) => d.title).join('; '),
            c.dueOn ?? '',
            c.status ? cadenceLabel(c.cadenceMonths) : '',
            c.operatingSince ?? '',
            c.lastPerformed ?? '',
            c.nextDue ?? '',
            c.overdue ? 'Yes' : 'No',
            c.occurrenceCount,
          ]),
          about: [
            ['Controls', String(items.length)],
            ['Exported', nowIso()],
          ],
        });
      },
    );
}
