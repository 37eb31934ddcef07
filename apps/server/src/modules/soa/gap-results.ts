import { z } from 'zod';
import { GAP_RESULTS, IMPLEMENTATION_STATUSES, implementationFromGap, type GapResult } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/connect';
import type { AppDeps } from '../../platform/http/app';
import { ZOrgParams } from '../orgs/schema';

// The gap analysis feeds the SoA: each control's result in the latest working gap assessment, and
// the implementation status it suggests. Read-only; applying it is the SoA's own decision write
// (PATCH …/soa/items/:ref { implementationStatus }), so every change keeps its audit entry.

export const ZSoaGapResults = z.object({
  assessment: z
    .object({ id: z.string(), name: z.string(), updatedAt: z.string() })
    .nullable()
    .describe('the latest working gap assessment, or null before there is one'),
  items: z
    .array(
      z.object({
        ref: z.string(),
        result: z.enum(GAP_RESULTS),
        suggestedStatus: z
          .enum(IMPLEMENTATION_STATUSES)
          .nullable()
          .describe('null for not applicable: that asks for an exclusion, not a status'),
      }),
    )
    .describe('answered controls only'),
});

export async function soaGapResults(db: Db, orgId: string): Promise<z.infer<typeof ZSoaGapResults>> {
  const a = await db
    .selectFrom('gapAssessments')
    .select(['id', 'name', 'updatedAt'])
    .where('orgId', '=', orgId)
    .where('kind', '=', 'working')
    .orderBy('updatedAt', 'desc')
    .executeTakeFirst();
  if (!a) return { assessment: null, items: [] };
  const rows = await db
    .selectFrom('gapAssessmentItems')
    .select(['ref', 'result'])
    .where('assessmentId', '=', a.id)
    .where('result', 'is not', null)
    .execute();
  return {
    assessment: a,
    items: rows.map((r) => ({
      ref: r.ref,
      result: r.result as GapResult,
      suggestedStatus: implementationFromGap(r.result as GapResult),
    })),
  };
}

export function soaGapRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/orgs/:orgId/soa/gap-results',
    {
      config: { access: 'risk.read' },
      schema: {
        tags: ['Statement of Applicability'],
        summary: "Each control's latest gap result and the implementation status it suggests",
        params: ZOrgParams,
        response: { 200: ZSoaGapResults },
      },
    },
    async (req) => soaGapResults(deps.db, req.params.orgId),
  );
}
