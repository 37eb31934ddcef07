import {
  AI_SUB_ROLE_LABELS,
  COMPLETION_RESULT_LABELS,
  DEVELOPMENT_ACTION_KIND_LABELS,
  MATRIX_STATE_LABELS,
  PERSON_KIND_LABELS,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/connect';
import type { AppDeps } from '../../platform/http/app';
import { sendTable, TABLE_FORMATS, type Table } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { listAssignments } from './assignments';
import { listCompetences } from './competences';
import { listDevelopmentActions } from './development-actions';
import { loadMatrix } from './matrix';
import { listPeople } from './people';
import { ZAssignmentFilter } from './routes';
import type { AwarenessOut, MatrixOut } from './schema';

// The competence registers as CSV (for scripts) and XLSX (for people): the matrix an auditor
// samples, the training records, and the lists behind them.

const roles = (ids: string[]) => ids.map((r) => AI_SUB_ROLE_LABELS[r] ?? r).join(', ');
const awarenessText = (a: AwarenessOut) =>
  ({
    acknowledged: `Acknowledged version ${a.versionLabel} on ${a.at?.slice(0, 10)}`,
    pending: `Not yet acknowledged (version ${a.versionLabel})`,
    no_account: 'No account: recorded outside Fortytwo',
    no_policy: 'No AI policy published',
  })[a.state];

export function matrixTable(m: MatrixOut): Table {
  return {
    name: 'competence-matrix',
    sheet: 'Competence matrix (7.2)',
    columns: [
      { key: 'person', header: 'Person', width: 24 },
      { key: 'kind', header: 'Internal or external', width: 14 },
      ...m.competences.map((c) => ({ key: `competence:${c.name}`, header: c.name, width: 22 })),
      { key: 'gaps', header: 'Gaps', width: 8 },
      { key: 'expiring', header: 'Expiring', width: 10 },
      { key: 'expired', header: 'Expired', width: 10 },
      { key: 'awareness', header: 'AI policy awareness (7.3)', width: 36 },
    ],
    rows: m.rows.map((r) => [
      r.person.name,
      r.person.kind,
      ...r.cells.map((c) =>
        c.state === 'not_required'
          ? ''
          : `${MATRIX_STATE_LABELS[c.state]}${c.expiresOn ? ` (until ${c.expiresOn})` : ''}${c.required ? '' : ' (not required)'}`,
      ),
      r.summary.gap,
      r.summary.expiring,
      r.summary.expired,
      awarenessText(r.awareness),
    ]),
    about: [
      ['As of', m.today],
      ['AI policy', m.policy ? `${m.policy.title}, version ${m.policy.versionLabel}` : 'None published'],
      ['Exported', nowIso()],
    ],
  };
}

async function trainingRecords(
  db: Db,
  orgId: string,
  filter: { personId?: string; status?: 'open' | 'completed' | 'cancelled' },
): Promise<Table> {
  const items = await listAssignments(db, orgId, filter);
  return {
    name: 'training-records',
    sheet: 'Training records (7.2)',
    columns: [
      { key: 'person', header: 'Person', width: 24 },
      { key: 'action', header: 'Development action', width: 32 },
      { key: 'kind', header: 'Kind', width: 12 },
      { key: 'assignedAt', header: 'Assigned on', width: 12 },
      { key: 'assignedBy', header: 'Assigned by', width: 20 },
      { key: 'dueOn', header: 'Due on', width: 12 },
      { key: 'status', header: 'Status', width: 12 },
      { key: 'completedOn', header: 'Completed on', width: 12 },
      { key: 'result', header: 'Result', width: 12 },
      { key: 'evidence', header: 'Evidence', width: 36 },
      { key: 'expiresOn', header: 'Valid until', width: 12 },
      { key: 'recordedBy', header: 'Recorded by', width: 20 },
    ],
    rows: items.map((a) => {
      const c = a.completions[0];
      return [
        a.person.name,
        a.action.title,
        DEVELOPMENT_ACTION_KIND_LABELS[a.action.kind],
        a.assignedAt.slice(0, 10),
        a.assignedBy.name,
        a.dueOn ?? '',
        a.overdue ? 'overdue' : a.status,
        c?.completedOn ?? '',
        c ? COMPLETION_RESULT_LABELS[c.result] : '',
        c ? (c.evidenceKind === 'certificate' ? 'Certificate' : `Attestation: ${c.attestation}`) : '',
        c?.expiresOn ?? '',
        c?.recordedBy.name ?? '',
      ];
    }),
    about: [['Exported', nowIso()]],
  };
}

export function competenceExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Competence, training and awareness (7.2, 7.3)'];
  const config = { access: 'competence.read' as const };

  for (const format of TABLE_FORMATS) {
    const f = format.toUpperCase();
    app.get(
      `/api/orgs/:orgId/competence-matrix/export.${format}`,
      { config, schema: { tags, summary: `The competence matrix as ${f}`, params: ZOrgParams } },
      async (req, reply) => sendTable(reply, format, matrixTable(await loadMatrix(deps.db, req.params.orgId))),
    );
    app.get(
      `/api/orgs/:orgId/training-assignments/export.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `The training records as ${f} (the filters of the list apply)`,
          params: ZOrgParams,
          querystring: ZAssignmentFilter,
        },
      },
      async (req, reply) => sendTable(reply, format, await trainingRecords(deps.db, req.params.orgId, req.query)),
    );
    app.get(
      `/api/orgs/:orgId/competences/export.${format}`,
      { config, schema: { tags, summary: `The required competences as ${f}`, params: ZOrgParams } },
      async (req, reply) => {
        const items = await listCompetences(deps.db, req.params.orgId);
        return sendTable(reply, format, {
          name: 'competences',
          sheet: 'Competences (7.2)',
          columns: [
            { key: 'name', header: 'Competence', width: 30 },
            { key: 'description', header: 'Description', width: 50 },
            { key: 'aiRoles', header: 'Required for AI roles', width: 36 },
            { key: 'raci', header: 'Required for RACI responsibilities', width: 36 },
            { key: 'givenBy', header: 'Given by', width: 36 },
          ],
          rows: items.map((c) => [
            c.name,
            c.description,
            roles(c.aiRoles),
            c.raciActivities.map((a) => a.name).join(', '),
            c.givenBy.map((a) => a.title).join(', '),
          ]),
        });
      },
    );
    app.get(
      `/api/orgs/:orgId/people/export.${format}`,
      { config, schema: { tags, summary: `People as ${f}`, params: ZOrgParams } },
      async (req, reply) => {
        const items = await listPeople(deps.db, req.params.orgId);
        return sendTable(reply, format, {
          name: 'people',
          sheet: 'People',
          columns: [
            { key: 'name', header: 'Name', width: 24 },
            { key: 'email', header: 'Email', width: 28 },
            { key: 'organization', header: 'Organization', width: 20 },
            { key: 'kind', header: 'Internal or external', width: 20 },
            { key: 'account', header: 'Account', width: 16 },
            { key: 'aiRoles', header: 'AI roles', width: 30 },
            { key: 'raci', header: 'RACI responsibilities', width: 36 },
            { key: 'active', header: 'Active', width: 8 },
          ],
          rows: items.map((p) => [
            p.name,
            p.email,
            p.organization,
            PERSON_KIND_LABELS[p.kind],
            p.member ? `Member (${p.memberRole})` : p.userId ? 'Former member' : 'None',
            roles(p.aiRoles),
            p.raciResponsibilities.map((r) => `${r.name} (${r.letter})`).join(', '),
            p.active ? 'yes' : 'no',
          ]),
        });
      },
    );
    app.get(
      `/api/orgs/:orgId/development-actions/export.${format}`,
      { config, schema: { tags, summary: `Development actions as ${f}`, params: ZOrgParams } },
      async (req, reply) => {
        const items = await listDevelopmentActions(deps.db, req.params.orgId);
        return sendTable(reply, format, {
          name: 'development-actions',
          sheet: 'Development actions (7.2)',
          columns: [
            { key: 'title', header: 'Title', width: 32 },
            { key: 'kind', header: 'Kind', width: 12 },
            { key: 'provider', header: 'Provider', width: 20 },
            { key: 'competences', header: 'Competences given', width: 36 },
            { key: 'validityMonths', header: 'Valid for (months)', width: 12 },
            { key: 'openAssignments', header: 'Open assignments', width: 12 },
            { key: 'description', header: 'Description', width: 40 },
          ],
          rows: items.map((a) => [
            a.title,
            DEVELOPMENT_ACTION_KIND_LABELS[a.kind],
            a.provider,
            a.competences.map((c) => c.name).join(', '),
            a.validityMonths ?? 'does not expire',
            a.openAssignments,
            a.description,
          ]),
        });
      },
    );
  }
}
