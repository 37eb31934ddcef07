import { sharingReads } from '../../platform/read-once';
import { z } from 'zod';
import {
  dueStateOf,
  READINESS_GRADE_LABELS,
  READINESS_GRADES,
  READINESS_STATUSES,
  READINESS_VERDICT_LABELS,
  READINESS_VERDICTS,
  runReadiness,
  sortPortfolio,
  ZEngagementFields,
  ZUpdateEngagement,
  type ReadinessResult,
  type ReadinessStage,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, authOf } from '../../platform/http/access';
import { sendTable } from '../../platform/http/table-export';
import { sendDocument } from '../../platform/documents/send';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { ZOrgParams } from '../orgs/schema';
import { activeOrgsOf } from '../tasks/my-tasks';
import { dueItemsOf } from '../tasks/providers';
import { loadReadinessSnapshot } from './snapshot';
import { openCertFindings } from './certificates';
import {
  createEngagement,
  getEngagement,
  loadEngagements,
  nextAuditDate,
  removeEngagement,
  updateEngagement,
  ZEngagementOut,
} from './engagements';

// Step 6, certification: the readiness check (GET, and as XLSX/CSV for the team and PDF for the
// board), the certification body engagements, and a consultant's portfolio across organizations.

const ZStageQuery = z.object({
  stage: z
    .enum(['1', '2'], { error: 'stage must be 1 or 2' })
    .default('1')
    .describe('1: stage 1; 2: stage 2 (adds operation over time)'),
});
const ZReason = z.object({
  message: z.string(),
  href: z.string().describe('a path under /orgs/:orgId where it is fixed'),
});
export const ZReadinessOut = z.object({
  stage: z.union([z.literal(1), z.literal(2)]),
  verdict: z.enum(READINESS_VERDICTS).describe('never ready while a blocking rule fails or lacks data'),
  summary: z.string().describe('why, in one sentence'),
  counts: z.object({
    passed: z.number(),
    blocking: z.number(),
    concern: z.number(),
    note: z.number(),
    lacksData: z.number(),
  }),
  findings: z
    .array(
      z.object({
        id: z.string().describe('the rule id, such as scope-approved'),
        ref: z.string().describe('clause or control'),
        checklist: z.string().describe('item of the stage-1 checklist (S1–S16) or stage-2 addition (O1–O5)'),
        title: z.string(),
        grade: z.enum(READINESS_GRADES).describe('blocking: a major or a stage-2 gate; concern: a minor; note: an OFI'),
        status: z.enum(READINESS_STATUSES),
        reasons: z.array(ZReason).describe('what failed, naming the record, with where to fix it'),
      }),
    )
    .describe('failing first, then lacking data, then passed; blocking first'),
  checkedAt: z.string(),
  durationMs: z.number(),
});

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });

export async function readinessOf(deps: Deps, orgId: string, stage: ReadinessStage) {
  const started = performance.now();
  const today = nowIso().slice(0, 10);
  // The snapshot asks the plan and the SoA, which share one read of the register with it.
  const result = runReadiness(await sharingReads(() => loadReadinessSnapshot(deps, orgId, today)), stage);
  return { ...result, checkedAt: nowIso(), durationMs: Math.round(performance.now() - started) };
}

const STATUS_LABEL = { passed: 'Passed', failed: 'Failed', lacks_data: 'Lacks data' } as const;
const COLUMNS = [
  { key: 'grade', header: 'Grade', width: 14 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'rule', header: 'Rule', width: 26 },
  { key: 'ref', header: 'Clause / control', width: 16 },
  { key: 'checklist', header: 'Checklist', width: 10 },
  { key: 'title', header: 'What the auditor looks for', width: 50 },
  { key: 'reason', header: 'Finding', width: 60 },
  { key: 'fix', header: 'Fix it at', width: 30 },
];
const rowsOf = (r: ReadinessResult, orgId: string) =>
  r.findings.flatMap((f) =>
    (f.reasons.length ? f.reasons : [{ message: '', href: '' }]).map((x) => [
      f.grade,
      STATUS_LABEL[f.status],
      f.id,
      f.ref,
      f.checklist,
      f.title,
      x.message,
      x.href ? `/orgs/${orgId}${x.href}` : '',
    ]),
  );

async function orgName(deps: Deps, orgId: string) {
  const row = await deps.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
  return row?.name ?? '';
}

export function certificationRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Certification'];

  app.get(
    '/api/orgs/:orgId/readiness',
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary:
          'The readiness check: live data read as a stage-1 (or stage-2) certification auditor would, with a verdict, each finding graded and a link to fix it',
        params: ZOrgParams,
        querystring: ZStageQuery,
        response: { 200: ZReadinessOut },
      },
    },
    async (req) => readinessOf(deps, req.params.orgId, Number(req.query.stage) as ReadinessStage),
  );

  for (const format of ['xlsx', 'csv'] as const)
    app.get(
      `/api/orgs/:orgId/readiness/export.${format}`,
      {
        config: { access: 'certification.read' },
        schema: {
          tags,
          summary: `The readiness check as ${format.toUpperCase()}: one row per finding reason, for the team`,
          params: ZOrgParams,
          querystring: ZStageQuery,
        },
      },
      async (req, reply) => {
        const r = await readinessOf(deps, req.params.orgId, Number(req.query.stage) as ReadinessStage);
        return sendTable(reply, format, {
          name: `readiness-stage-${r.stage}`,
          sheet: `Readiness stage ${r.stage}`,
          columns: COLUMNS,
          rows: rowsOf(r, req.params.orgId),
          about: [
            ['Verdict', READINESS_VERDICT_LABELS[r.verdict]],
            ['Why', r.summary],
            ['Checked', r.checkedAt],
          ],
        });
      },
    );

  app.get(
    '/api/orgs/:orgId/readiness/report.pdf',
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary: 'The readiness check as PDF, for the board',
        params: ZOrgParams,
        querystring: ZStageQuery,
      },
    },
    async (req, reply) => {
      const { orgId } = req.params;
      const [r, name] = await Promise.all([
        readinessOf(deps, orgId, Number(req.query.stage) as ReadinessStage),
        orgName(deps, orgId),
      ]);
      const open = r.findings.filter((f) => f.status !== 'passed');
      return sendDocument(reply, 'pdf', {
        title: `Certification readiness — stage ${r.stage}`,
        subtitle: READINESS_VERDICT_LABELS[r.verdict],
        organizationName: name,
        generatedAt: r.checkedAt,
        meta: [
          ['Verdict', READINESS_VERDICT_LABELS[r.verdict]],
          ['Blocking', String(r.counts.blocking)],
          ['Concerns', String(r.counts.concern)],
          ['Rules passed', String(r.counts.passed)],
        ],
        sections: [
          { heading: 'Summary', paragraphs: [r.summary] },
          ...READINESS_GRADES.filter((g) => open.some((f) => f.grade === g)).map((g) => ({
            heading: READINESS_GRADE_LABELS[g],
            table: {
              columns: [
                { header: 'Clause', width: 1 },
                { header: 'What the auditor looks for', width: 3 },
                { header: 'Finding', width: 4 },
              ],
              rows: open
                .filter((f) => f.grade === g)
                .map((f) => [
                  f.ref,
                  f.title,
                  f.reasons.map((x) => `${f.status === 'lacks_data' ? 'Lacks data: ' : ''}${x.message}`).join('\n'),
                ]),
            },
          })),
          {
            heading: 'Passed',
            bullets: r.findings.filter((f) => f.status === 'passed').map((f) => `${f.ref} — ${f.title}`),
          },
        ],
        orientation: 'portrait',
        fileName: `readiness-stage-${r.stage}`,
      });
    },
  );

  const base = '/api/orgs/:orgId/certification-engagements';
  app.get(
    base,
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary: 'Certification body engagements, with the audit-time estimate and date warnings',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZEngagementOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await loadEngagements(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    base,
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary: 'Record a certification body engagement',
        params: ZOrgParams,
        body: ZEngagementFields,
        response: { 201: ZEngagementOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createEngagement(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary: 'One certification body engagement',
        params: ZIdParams,
        response: { 200: ZEngagementOut },
      },
    },
    async (req) => getEngagement(deps, req.params.orgId, req.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary: 'Change a certification body engagement; send the version you read',
        params: ZIdParams,
        body: ZUpdateEngagement,
        response: { 200: ZEngagementOut },
      },
    },
    async (req) => updateEngagement(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'certification.write' },
      schema: { tags, summary: 'Delete a certification body engagement', params: ZIdParams },
    },
    async (req, reply) => {
      await removeEngagement(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me/portfolio',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Every organization you belong to on one page: stage-1 readiness verdict, next audit date, overdue tasks; what needs you first comes first',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                orgId: z.string(),
                name: z.string(),
                verdict: z.enum(READINESS_VERDICTS),
                summary: z.string(),
                blocking: z.number(),
                concerns: z.number(),
                nextAuditDate: z
                  .string()
                  .nullable()
                  .describe("the next planned date: a stage date or one of the CB's planned audits"),
                overdueTasks: z.number().describe("every overdue item of the organization's task list"),
                openMajors: z.number().nullable().describe('null until certification-audit findings are recorded'),
                openMinors: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const today = nowIso().slice(0, 10);
      const orgs = await activeOrgsOf(deps.db, authOf(req).user.id);
      const items = await Promise.all(
        orgs.map(async (o) => {
          const [r, next, due, open] = await Promise.all([
            readinessOf(deps, o.id, 1),
            nextAuditDate(deps.db, o.id, today),
            dueItemsOf(deps.db, o.id),
            openCertFindings(deps.db, o.id),
          ]);
          return {
            orgId: o.id,
            name: o.name,
            verdict: r.verdict,
            summary: r.summary,
            blocking: r.counts.blocking,
            concerns: r.counts.concern,
            nextAuditDate: next,
            overdueTasks: due.filter((d) => dueStateOf(d.dueOn, today) === 'overdue').length,
            openMajors: open?.majors ?? null,
            openMinors: open?.minors ?? null,
          };
        }),
      );
      return { items: sortPortfolio(items, today) };
    },
  );
}
