import { z } from 'zod';
import {
  DEFAULT_RISK_CRITERIA,
  RISK_LEVELS,
  scaleDescriptions,
  type RiskCriteriaContent,
  type ZUpdateRiskCriteria,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { RiskCriteriaTable } from '../../platform/db/schema';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { writeOne } from '../../platform/db/versioned';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';

// AI risk criteria (6.1.1), numbered. Until someone approves, the default draft number 1 is the one
// in force, so a newcomer can rate risks at once. After that, the latest approved number is in force
// and a draft beside it changes nothing until it is approved. Ratings keep the number they used.

export const ZCriteriaOut = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(['draft', 'approved', 'superseded']),
  likelihoodLabels: z.array(z.string()),
  consequenceLabels: z.array(z.string()),
  likelihoodDescriptions: z.array(z.string()).describe("what each likelihood step means, '' where none"),
  consequenceDescriptions: z.array(z.string()).describe("what each consequence step means, '' where none"),
  levels: z.array(z.object({ level: z.enum(RISK_LEVELS), maxScore: z.number() })),
  acceptanceLevel: z.enum(RISK_LEVELS),
  method: z.string(),
  approvedAt: z.string().nullable(),
  approvedBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type CriteriaOut = z.infer<typeof ZCriteriaOut>;
export const ZCriteriaState = z.object({
  inForce: ZCriteriaOut.describe('the criteria new ratings use'),
  draft: ZCriteriaOut.nullable().describe(
    'changes waiting for approval (the criteria in force, while nothing was approved yet)',
  ),
  history: z.array(ZCriteriaOut).describe('approved criteria, newest first'),
});

/** The stored content with one description per step: criteria saved before descriptions existed read as ''. */
const withDescriptions = (c: RiskCriteriaContent) => ({
  ...c,
  likelihoodDescriptions: scaleDescriptions(c.likelihoodLabels, c.likelihoodDescriptions),
  consequenceDescriptions: scaleDescriptions(c.consequenceLabels, c.consequenceDescriptions),
});

const present = (r: RiskCriteriaTable): CriteriaOut => ({
  id: r.id,
  number: r.number,
  status: r.status as CriteriaOut['status'],
  ...withDescriptions(JSON.parse(r.content) as RiskCriteriaContent),
  approvedAt: r.approvedAt,
  approvedBy: r.approvedByName ? { id: r.approvedBy, name: r.approvedByName } : null,
  version: r.version,
  updatedAt: r.updatedAt,
});

async function rows(db: Db | Tx, orgId: string) {
  return (
    await db.selectFrom('riskCriteria').selectAll().where('orgId', '=', orgId).orderBy('number', 'desc').execute()
  ).map(present);
}

/** Creates the default draft number 1 the first time an organization needs criteria. */
async function ensureCriteria(tx: Tx, orgId: string): Promise<CriteriaOut[]> {
  const existing = await rows(tx, orgId);
  if (existing.length) return existing;
  const now = nowIso();
  await tx
    .insertInto('riskCriteria')
    .values({
      id: newId(),
      orgId,
      number: 1,
      status: 'draft',
      content: JSON.stringify(DEFAULT_RISK_CRITERIA),
      version: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: null,
      approvedAt: null,
      approvedBy: null,
      approvedByName: null,
    })
    .onConflict((oc) => oc.columns(['orgId', 'number']).doNothing())
    .execute();
  return rows(tx, orgId);
}

function stateOf(all: CriteriaOut[]) {
  const approved = all.filter((c) => c.status !== 'draft');
  const draft = all.find((c) => c.status === 'draft') ?? null;
  return { inForce: approved.find((c) => c.status === 'approved') ?? draft!, draft, history: approved };
}

/** The criteria in force, created with the defaults if the organization has none: for use inside a write. */
export async function criteriaInForce(tx: Tx, orgId: string): Promise<CriteriaOut> {
  return stateOf(await ensureCriteria(tx, orgId)).inForce;
}

/** Read-only: the criteria in force without creating anything (the defaults, numbered 1, if none yet). */
export async function readCriteriaInForce(db: Db | Tx, orgId: string): Promise<CriteriaOut> {
  const all = await rows(db, orgId);
  if (all.length) return stateOf(all).inForce;
  return {
    id: '',
    number: 1,
    status: 'draft',
    ...withDescriptions(DEFAULT_RISK_CRITERIA),
    approvedAt: null,
    approvedBy: null,
    version: 0,
    updatedAt: '',
  };
}

export function getCriteria(deps: Deps, orgId: string) {
  return inTransaction(deps, async (tx) => stateOf(await ensureCriteria(tx, orgId)), {
    // The first read stores the default criteria as draft number 1: what every page already showed.
    unaudited: 'stores the default criteria that readCriteriaInForce already answers with',
  });
}

/** Drafting and approving decide from the whole set of criteria (which is the draft, what number comes next): one at a time per organization. */
const criteriaLock = (orgId: string) => `risk-criteria:${orgId}`;

export function updateCriteriaDraft(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZUpdateRiskCriteria>,
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const state = stateOf(await ensureCriteria(tx, orgId));
      const { version, ...content } = input;
      const now = nowIso();
      if (!state.draft || version === 0) {
        if (state.draft) throw staleVersion('risk criteria draft', state);
        // Start the next draft beside the criteria in force.
        const number = state.inForce.number + 1;
        await tx
          .insertInto('riskCriteria')
          .values({
            id: newId(),
            orgId,
            number,
            status: 'draft',
            content: JSON.stringify(content),
            version: 1,
            createdAt: now,
            updatedAt: now,
            updatedBy: actor.userId,
            approvedAt: null,
            approvedBy: null,
            approvedByName: null,
          })
          .execute();
      } else {
        if (state.draft.version !== version) throw staleVersion('risk criteria draft', state);
        const stale = () => staleVersion('risk criteria draft', state);
        await writeOne(
          tx
            .updateTable('riskCriteria')
            .set({ content: JSON.stringify(content), version: version + 1, updatedAt: now, updatedBy: actor.userId })
            .where('id', '=', state.draft.id)
            .where('version', '=', version),
          stale,
        );
      }
      const after = stateOf(await rows(tx, orgId));
      await audit({
        orgId,
        actor,
        action: 'risk_criteria.updated',
        entityType: 'risk_criteria',
        entityId: after.draft!.id,
        ...(state.draft ? { before: state.draft } : {}),
        after: after.draft,
      });
      return after;
    },
    { lock: criteriaLock(orgId) },
  );
}

/** Top management approves the draft: it becomes the criteria in force; the one before is superseded. */
export function approveCriteria(deps: Deps, actor: Actor, orgId: string, input: { version: number }) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const state = stateOf(await ensureCriteria(tx, orgId));
      if (!state.draft)
        throw ruleViolation(
          'There is no draft to approve: the criteria in force are already approved. Edit them to start a new draft.',
        );
      if (state.draft.version !== input.version) throw staleVersion('risk criteria draft', state);
      const now = nowIso();
      await tx
        .updateTable('riskCriteria')
        .set({ status: 'superseded' })
        .where('orgId', '=', orgId)
        .where('status', '=', 'approved')
        .execute();
      await writeOne(
        tx
          .updateTable('riskCriteria')
          .set({
            status: 'approved',
            version: input.version + 1,
            approvedAt: now,
            approvedBy: actor.userId,
            approvedByName: actor.name,
            updatedAt: now,
            updatedBy: actor.userId,
          })
          .where('id', '=', state.draft.id)
          .where('version', '=', input.version),
        () => staleVersion('risk criteria draft', state),
      );
      const after = stateOf(await rows(tx, orgId));
      await audit({
        orgId,
        actor,
        action: 'risk_criteria.approved',
        entityType: 'risk_criteria',
        entityId: state.draft.id,
        after: after.inForce,
      });
      return after;
    },
    { lock: criteriaLock(orgId) },
  );
}
