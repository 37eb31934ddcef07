import { readOnce } from '../../platform/read-once';
import { z } from 'zod';
import {
  attentionMessage,
  planFindings,
  RISK_LEVELS,
  riskLevel,
  type Acknowledgement,
  type RiskLevel,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { AppError, staleVersion } from '../../platform/errors';
import { gateApproval } from '../../platform/approval';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { readCriteriaInForce } from './criteria';
import { loadRisks, today } from './read';
import { ZRiskOut, type RiskOut } from './schema';
import { ZPeople } from '../../platform/people';
import {
  acceptanceExpiringSql,
  attentionList,
  countRisks,
  positionGroups,
  reviewOverdueSql,
  riskList,
  unratedSql,
  type DashboardList,
  type PositionGroup,
} from './summary';

// The AI risk treatment plan (6.1.3 e–f) is a view over the open risks and their treatments; top
// management approves it as a whole. Approval keeps what was approved; any later change to the risks
// shows as a draft of the next number. The dashboard reads the same data as heatmaps and lists.

const ZApproval = z.object({
  number: z.number(),
  approvedAt: z.string(),
  approvedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  acknowledgement: z
    .object({ text: z.string(), warnings: z.array(z.object({ code: z.string(), message: z.string() })) })
    .nullable()
    .describe('the warnings the approver approved past, and why'),
});
export const ZPlanOut = z.object({
  number: z.number(),
  status: z.enum(['draft', 'approved']),
  approved: ZApproval.nullable(),
  risks: z.array(ZRiskOut),
  warnings: z.array(
    z.object({
      riskId: z.string(),
      code: z.string(),
      message: z.string(),
      blocking: z
        .boolean()
        .describe('true: approval is refused while it stands; false: approval needs an acknowledgement'),
    }),
  ),
  people: ZPeople,
});
/** The plan as built here: each risk with its owner embedded (the routes collect them into `people`). */
export type PlanOut = Omit<z.infer<typeof ZPlanOut>, 'risks' | 'people'> & { risks: RiskOut[] };

/** What an approval signs: the fields of the plan a reader relies on, not timestamps or versions. */
const essence = (risks: RiskOut[]) =>
  JSON.stringify(
    risks.map((r) => [
      r.ref,
      r.title,
      r.inherentLevel,
      r.residualLevel,
      r.ownerId,
      r.treatments.map((t) => [
        t.option,
        t.description,
        t.resources,
        t.controlRefs,
        t.residualLevel,
        t.actions.map((a) => [a.title, a.ownerId, a.dueDate]),
      ]),
      r.acceptance?.id ?? null,
    ]),
  );

async function planOf(db: Db | Tx, orgId: string): Promise<PlanOut> {
  const [risks, last, criteria] = await Promise.all([
    loadRisks(db, orgId, { status: 'open', kind: 'risk' }),
    db
      .selectFrom('riskPlanApprovals')
      .selectAll()
      .where('orgId', '=', orgId)
      .orderBy('number', 'desc')
      .executeTakeFirst(),
    readCriteriaInForce(db, orgId),
  ]);
  const unchanged = last !== undefined && (JSON.parse(last.content) as { essence: string }).essence === essence(risks);
  const approved = last
    ? {
        number: last.number,
        approvedAt: last.approvedAt,
        approvedBy: { id: last.approvedBy, name: last.approvedByName },
        acknowledgement:
          (JSON.parse(last.content) as { acknowledgement?: Acknowledgement | null }).acknowledgement ?? null,
      }
    : null;
  return {
    number: unchanged ? last.number : (last?.number ?? 0) + 1,
    status: unchanged ? 'approved' : 'draft',
    approved,
    risks,
    warnings: planFindings(
      risks.map((r) => ({
        ...r,
        attentionMessage: attentionMessage({
          ...r,
          level: r.inherentLevel,
          treated: r.treatments.length > 0,
          acceptedUntil: r.acceptanceState === 'expired' ? (r.acceptance?.expiresAt ?? null) : null,
        }),
        acceptanceInForce: r.acceptanceState === 'in_force' || r.acceptanceState === 'expiring',
      })),
      criteria,
    ).sort((a, b) => Number(b.blocking) - Number(a.blocking)),
  };
}

export const getPlan = (deps: Deps, orgId: string) => readOnce(deps.db, `plan ${orgId}`, () => planOf(deps.db, orgId));
/** The plan as it stands, inside a transaction or not (the SoA checks that it is approved). */
export const getPlanIn = (db: Db | Tx, orgId: string) => readOnce(db, `plan ${orgId}`, () => planOf(db, orgId));

/**
 * Top management approves the plan as it stands. Approvals of one organization take turns (lock),
 * so two pressed at once do not both read "draft N": the second finds N approved.
 */
export function approvePlan(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { number: number; acknowledgement?: string | undefined },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const plan = await planOf(tx, orgId);
      if (plan.number !== input.number) throw staleVersion('treatment plan', plan);
      if (plan.status === 'approved')
        throw new AppError(
          'RULE_VIOLATION',
          `Version ${plan.number} of the treatment plan is already approved: it changes when the risks or treatments do`,
        );
      if (plan.risks.length === 0)
        throw new AppError('RULE_VIOLATION', 'There is nothing to approve yet: record and treat the risks first');
      const acknowledgement = gateApproval('The treatment plan', plan.warnings, input.acknowledgement);
      const approvedAt = nowIso();
      await tx
        .insertInto('riskPlanApprovals')
        .values({
          id: newId(),
          orgId,
          number: plan.number,
          content: JSON.stringify({ essence: essence(plan.risks), risks: plan.risks, acknowledgement }),
          approvedAt,
          approvedBy: actor.userId,
          approvedByName: actor.name,
        })
        .execute();
      await audit({
        orgId,
        actor,
        action: 'risk_treatment_plan.approved',
        entityType: 'risk_treatment_plan',
        entityId: orgId,
        after: { number: plan.number, risks: plan.risks.map((r) => r.ref), acknowledgement },
      });
      return planOf(tx, orgId);
    },
    { lock: `risk-plan:${orgId}` },
  );
}

/**
 * Each dashboard list holds its first few risks, most pressing first, with its total beside it (the page
 * shows five and the total), so the answer stays small however large the register grows (it held every
 * listed risk in full: 7.5 MB at 20,000 risks).
 */
export const DASHBOARD_LIST_LIMIT = 10;

const ZCell = z.object({
  likelihood: z.number(),
  consequence: z.number(),
  level: z.enum(RISK_LEVELS),
  count: z
    .number()
    .describe(
      'open risks in the cell; the cell names none of them (at 20,000 risks their ids made the dashboard 1 MB): the register lists them with heatmap, likelihood and consequence',
    ),
});
export const ZDashboardOut = z.object({
  likelihoodLabels: z.array(z.string()),
  consequenceLabels: z.array(z.string()),
  inherent: z.array(ZCell),
  residual: z.array(ZCell),
  reviewOverdue: z.array(ZRiskOut),
  acceptancesExpiring: z.array(ZRiskOut),
  needsAttention: z.array(ZRiskOut),
  unrated: z.array(ZRiskOut).describe('open risks nobody has rated yet: they have no cell in the heatmaps'),
  counts: z.object({ total: z.number(), open: z.number(), byLevel: z.record(z.string(), z.number()) }),
  listTotals: z
    .object({
      reviewOverdue: z.number(),
      acceptancesExpiring: z.number(),
      needsAttention: z.number(),
      unrated: z.number(),
    })
    .describe(`how many risks each list has; the lists themselves hold the first ${DASHBOARD_LIST_LIMIT}`),
  people: ZPeople,
});
type DashboardLists = DashboardList;
/** The dashboard as built here: the listed risks with their owners embedded (the route collects them into `people`). */
export type DashboardOut = Omit<z.infer<typeof ZDashboardOut>, DashboardLists | 'people'> &
  Record<DashboardLists, RiskOut[]>;

export async function dashboard(deps: Deps, orgId: string): Promise<DashboardOut> {
  // Counts and lists come from the positions stored on the risks' rows (./position.ts): the counts
  // from one grouped scan, each list's first rows by index order; the register is never read, and only
  // the risks the lists name are read in full (one page by id).
  const criteria = await readCriteriaInForce(deps.db, orgId);
  const now = today();
  const [groups, total] = await Promise.all([
    positionGroups(deps.db, orgId, criteria, now),
    countRisks(deps.db, orgId),
  ]);
  const open = groups.filter((g) => g.kind === 'risk');
  const sum = (pick: (g: PositionGroup) => number, of = open) => of.reduce((n, g) => n + pick(g), 0);
  const totals = {
    reviewOverdue: sum((g) => g.reviewOverdue),
    acceptancesExpiring: sum((g) => g.acceptancesExpiring),
    needsAttention: sum((g) => g.needsAttention),
    unrated: sum(
      (g) => g.count,
      open.filter((g) => g.inherentLikelihood === null),
    ),
  };
  const attentionByLevel = new Map<RiskLevel | null, number>();
  for (const g of open) attentionByLevel.set(g.level, (attentionByLevel.get(g.level) ?? 0) + g.needsAttention);
  const limit = (n: number) => Math.min(n, DASHBOARD_LIST_LIMIT);
  const [unrated, reviewOverdue, acceptancesExpiring, needsAttention] = await Promise.all([
    riskList(deps.db, orgId, unratedSql(), 'number', limit(totals.unrated)),
    riskList(deps.db, orgId, reviewOverdueSql(now), 'reviewDate', limit(totals.reviewOverdue)),
    riskList(deps.db, orgId, acceptanceExpiringSql(now), 'number', limit(totals.acceptancesExpiring)),
    attentionList(deps.db, orgId, criteria, now, attentionByLevel, limit(totals.needsAttention)),
  ]);
  const grid = (pick: (g: PositionGroup) => [number | null, number | null]) => {
    const at = new Map<string, number>();
    for (const g of open) {
      const [l, c] = pick(g);
      if (l === null || c === null) continue;
      const key = `${l}:${c}`;
      at.set(key, (at.get(key) ?? 0) + g.count);
    }
    const cells: z.infer<typeof ZCell>[] = [];
    for (let l = 1; l <= criteria.likelihoodLabels.length; l++)
      for (let c = 1; c <= criteria.consequenceLabels.length; c++) {
        cells.push({
          likelihood: l,
          consequence: c,
          level: riskLevel(criteria, l * c),
          count: at.get(`${l}:${c}`) ?? 0,
        });
      }
    return cells;
  };
  const byLevel = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  for (const g of open) if (g.level) byLevel[g.level] += g.count;
  const listed = new Set([...unrated, ...reviewOverdue, ...acceptancesExpiring, ...needsAttention]);
  const full = new Map(
    (await loadRisks(deps.db, orgId, { ids: [...listed] }, criteria)).map((r) => [r.id, r] as const),
  );
  const read = (ids: string[]) => ids.flatMap((id) => full.get(id) ?? []);
  return {
    likelihoodLabels: criteria.likelihoodLabels,
    consequenceLabels: criteria.consequenceLabels,
    // An unrated risk has no cell: it is listed under "unrated" instead.
    inherent: grid((g) => [g.inherentLikelihood, g.inherentConsequence]),
    // A risk without a residual rating yet sits where it started.
    residual: grid((g) =>
      g.residualLikelihood !== null
        ? [g.residualLikelihood, g.residualConsequence]
        : [g.inherentLikelihood, g.inherentConsequence],
    ),
    unrated: read(unrated),
    reviewOverdue: read(reviewOverdue),
    acceptancesExpiring: read(acceptancesExpiring),
    needsAttention: read(needsAttention),
    counts: { total, open: sum((g) => g.count), byLevel },
    listTotals: totals,
  };
}
