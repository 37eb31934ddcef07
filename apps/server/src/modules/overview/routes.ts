import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { nowIso } from '../../platform/ids';
import { sharingReads } from '../../platform/read-once';
import { listActions, ZActionOut } from '../actions/service';
import { collectOwners, ZPeople, type People } from '../../platform/people';
import { ZOrgParams } from '../orgs/schema';
import { STEPS, ZNextThing, ZStepOverview } from './steps';

// GET /api/orgs/:orgId/overview: where the organization stands on each journey step, the next three
// things to do, and its own open tasks. Recent activity comes from the audit trail's own route.

const NEXT = 3;
const TASKS = 5;

export const ZOverviewOut = z.object({
  steps: z.array(ZStepOverview).describe('one per journey step, in order'),
  next: z
    .array(ZNextThing)
    .max(NEXT)
    .describe("the next three things to do: each step's first, in journey order, then each one's second…"),
  tasks: z.object({
    open: z.number().describe("the organization's open actions"),
    overdue: z.number(),
    items: z.array(ZActionOut).max(TASKS).describe('the first open actions by due date (undated last)'),
  }),
  people: ZPeople,
});

/**
 * The first thing of each step in journey order, then the second of each, and so on: with several
 * steps under way the list spans them, rather than filling up from the earliest step alone.
 */
export function firstAcross<T>(lists: T[][], n: number): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < n && lists.some((l) => l.length > round); round++)
    for (const l of lists) if (l[round] !== undefined && out.length < n) out.push(l[round]!);
  return out;
}

export function overviewRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/orgs/:orgId/overview',
    {
      config: { access: 'org.read', cache: true },
      schema: {
        tags: ['Overview'],
        summary: 'Per journey step its state from live data, the next three things to do, open tasks',
        params: ZOrgParams,
        response: { 200: ZOverviewOut },
      },
    },
    async (req) => {
      const { orgId } = req.params;
      // The steps ask the plan, the SoA and the readiness check, which share one read of the register.
      const [steps, actions] = await sharingReads(() =>
        Promise.all([Promise.all(STEPS.map((step) => step(deps.db, orgId))), listActions(deps.db, orgId)]),
      );
      const open = actions.filter((a) => a.status !== 'done');
      const today = nowIso().slice(0, 10);
      const people: People = {};
      return {
        steps,
        next: firstAcross(
          steps.map((s) => s.next),
          NEXT,
        ),
        tasks: {
          open: open.length,
          overdue: open.filter((a) => a.dueDate !== null && a.dueDate < today).length,
          items: collectOwners(open.slice(0, TASKS), people),
        },
        people,
      };
    },
  );
}
