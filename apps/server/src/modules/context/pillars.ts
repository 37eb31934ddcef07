import { z } from 'zod';
import {
  computeScores,
  GAP_RESULTS,
  PILLAR_LABELS,
  PILLARS,
  type GapResult,
  type Pillar,
  type ZUpdatePillar,
} from '@fortytwo/domain';
import { type Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { listCustomControls } from '../catalog/custom-controls';
import { isActiveMember } from '../orgs/members';
import { writeOne } from '../../platform/db/versioned';
import { ZPeople, type Owned } from '../../platform/people';

// The six governance pillars: owner, objectives, policy statements, and the coverage of their clauses and controls.

const ZCoverageItem = z.object({
  ref: z.string(),
  title: z.string(),
  source: z.enum(['iso42001', 'custom']),
  result: z.enum(GAP_RESULTS).nullable(),
});
export const ZPillarOut = z.object({
  pillar: z.enum(PILLARS),
  label: z.string(),
  ownerId: z.string().nullable().describe('who owns the pillar: a key of the answer’s `people`'),
  objectives: z.array(z.string()),
  policyStatements: z.array(z.string()),
  version: z.number(),
  coverage: z.object({
    items: z.array(ZCoverageItem),
    readiness: z
      .number()
      .nullable()
      .describe('readiness of the covered ISO items in the latest working gap assessment'),
    answered: z.number(),
    assessmentId: z.string().nullable(),
  }),
});
/** A pillar as the reads build it: its owner embedded (the governance register prints it); answers carry `people`. */
export type PillarOut = z.infer<typeof ZPillarOut> & Owned;
/** One pillar's answer: the pillar and its owner, in `people` (issue 19). */
export const ZPillarAnswer = ZPillarOut.extend({ people: ZPeople });

async function latestAssessmentResults(db: Db | Tx, orgId: string) {
  const a = await db
    .selectFrom('gapAssessments')
    .select('id')
    .where('orgId', '=', orgId)
    .where('kind', '=', 'working')
    .orderBy('updatedAt', 'desc')
    .executeTakeFirst();
  if (!a) return { assessmentId: null, results: new Map<string, GapResult | null>() };
  const rows = await db
    .selectFrom('gapAssessmentItems')
    .select(['ref', 'result'])
    .where('assessmentId', '=', a.id)
    .execute();
  return { assessmentId: a.id, results: new Map(rows.map((r) => [r.ref, r.result as GapResult | null])) };
}

export const getGovernance = (deps: Deps, orgId: string) => governanceOf(deps.db, orgId);

async function governanceOf(db: Db | Tx, orgId: string): Promise<PillarOut[]> {
  const [rows, custom, latest] = await Promise.all([
    db
      .selectFrom('governancePillars')
      .leftJoin('users', 'users.id', 'governancePillars.ownerId')
      .selectAll('governancePillars')
      .select(['users.name as ownerName', 'users.email as ownerEmail'])
      .where('governancePillars.orgId', '=', orgId)
      .execute(),
    listCustomControls(db, orgId),
    latestAssessmentResults(db, orgId),
  ]);
  const iso = builtinCatalog()
    .framework('iso42001')!
    .items.filter((i) => i.assessable);
  return PILLARS.map((pillar) => {
    const row = rows.find((r) => r.pillar === pillar);
    const isoItems = iso
      .filter((i) => i.pillars.includes(pillar))
      .map((i) => ({
        ref: i.ref,
        title: i.title,
        source: 'iso42001' as const,
        result: latest.results.get(i.ref) ?? null,
      }));
    const customItems = custom
      .filter((c) => c.pillars.includes(pillar))
      .map((c) => ({ ref: c.ref, title: c.title, source: 'custom' as const, result: null }));
    const scores = computeScores(
      isoItems.map((i) => ({ ref: i.ref, result: i.result, maturity: null, documentation: false })),
    );
    return {
      pillar,
      label: PILLAR_LABELS[pillar],
      ownerId: row?.ownerId ?? null,
      owner:
        row?.ownerId && row.ownerName !== null && row.ownerEmail !== null
          ? { id: row.ownerId, name: row.ownerName, email: row.ownerEmail }
          : null,
      objectives: row ? (JSON.parse(row.objectives) as string[]) : [],
      policyStatements: row ? (JSON.parse(row.policyStatements) as string[]) : [],
      version: row?.version ?? 0,
      coverage: {
        items: [...isoItems, ...customItems],
        readiness: latest.assessmentId ? scores.overall : null,
        answered: scores.counts.answered,
        assessmentId: latest.assessmentId,
      },
    };
  });
}

export function updatePillar(
  deps: Deps,
  actor: Actor,
  orgId: string,
  pillar: Pillar,
  patch: z.output<typeof ZUpdatePillar>,
): Promise<PillarOut> {
  return inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('governancePillars')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('pillar', '=', pillar)
      .executeTakeFirst();
    const before = {
      ownerId: row?.ownerId ?? null,
      objectives: row ? (JSON.parse(row.objectives) as string[]) : [],
      policyStatements: row ? (JSON.parse(row.policyStatements) as string[]) : [],
    };
    const version = row?.version ?? 0;
    if (version !== patch.version) throw staleVersion('pillar', { ...before, version });
    if (patch.ownerId && patch.ownerId !== before.ownerId && !(await isActiveMember(tx, orgId, patch.ownerId)))
      throw ruleViolation('The owner must be a current member of this organization', { field: 'ownerId' });
    const after = {
      ownerId: patch.ownerId !== undefined ? patch.ownerId : before.ownerId,
      objectives: patch.objectives ?? before.objectives,
      policyStatements: patch.policyStatements ?? before.policyStatements,
    };
    const values = {
      ownerId: after.ownerId,
      objectives: JSON.stringify(after.objectives),
      policyStatements: JSON.stringify(after.policyStatements),
      version: version + 1,
      updatedAt: nowIso(),
      updatedBy: actor.userId,
    };
    if (version === 0) {
      await writeOne(
        tx
          .insertInto('governancePillars')
          .values({ orgId, pillar, ...values })
          .onConflict((oc) => oc.columns(['orgId', 'pillar']).doNothing()),
        () => staleVersion('pillar', before),
      );
    } else {
      await writeOne(
        tx
          .updateTable('governancePillars')
          .set(values)
          .where('orgId', '=', orgId)
          .where('pillar', '=', pillar)
          .where('version', '=', version),
        () => staleVersion('pillar', before),
      );
    }
    await audit({
      orgId,
      actor,
      action: 'governance_pillar.updated',
      entityType: 'governance_pillar',
      entityId: `${orgId}:${pillar}`,
      before: version ? before : undefined,
      after,
    });
    return (await governanceOf(tx, orgId)).find((p) => p.pillar === pillar)!;
  });
}
