import type { z } from 'zod';
import {
  halfRatedProblem,
  rate,
  ratingProblem,
  type ZReassessRisk,
  type ZRiskFields,
  type ZUpdateRisk,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { criteriaInForce, type CriteriaOut } from './criteria';
import { storeRiskPosition } from './position';
import { assessmentsOf, findRisk } from './read';

// The risk register (6.1.2, 8.2): record, change, re-assess. Every rating is a new dated row that
// carries the criteria number it used, so a re-assessment or new criteria never rewrite the past.

export const ENTITY = 'risk';

export async function checkRiskLinks(
  tx: Tx,
  orgId: string,
  v: {
    aiSystemId?: string | null | undefined;
    ownerId?: string | null | undefined;
    impactAssessmentId?: string | null | undefined;
  },
) {
  if (
    v.aiSystemId &&
    !(await tx
      .selectFrom('aiSystems')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', '=', v.aiSystemId)
      .executeTakeFirst())
  )
    throw ruleViolation('aiSystemId is not an AI system of this organization', { field: 'aiSystemId' });
  if (v.ownerId && !(await isActiveMember(tx, orgId, v.ownerId)))
    throw ruleViolation('The owner must be a current member of this organization', { field: 'ownerId' });
  if (
    v.impactAssessmentId &&
    !(await tx
      .selectFrom('impactAssessments')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', '=', v.impactAssessmentId)
      .executeTakeFirst())
  )
    throw ruleViolation('impactAssessmentId is not an impact assessment of this organization', {
      field: 'impactAssessmentId',
    });
}

/**
 * Marks a risk as changed by a change to one of its parts (a rating, a treatment, an acceptance)
 * before that change is read or written. The version goes up in SQL, and on PostgreSQL the risk's
 * row stays locked until the transaction ends, so concurrent changes to one risk take turns.
 */
export async function touchRisk(tx: Tx, actor: Actor, orgId: string, riskId: string, missing = 'Risk'): Promise<void> {
  await writeOne(
    tx
      .updateTable('risks')
      .set((eb) => ({ version: eb('version', '+', 1), updatedAt: nowIso(), updatedBy: actor.userId }))
      .where('orgId', '=', orgId)
      .where('id', '=', riskId),
    () => notFound(missing),
  );
}

/**
 * Writes one dated rating under the criteria in force (the risk touched first) and the risk's stored
 * position with it; refuses ratings off the criteria's scales.
 */
export async function recordRating(
  tx: Tx,
  actor: Actor,
  orgId: string,
  riskId: string,
  r: {
    kind: 'inherent' | 'residual';
    likelihood: number;
    consequence: number;
    note: string;
    treatmentId: string | null;
  },
  criteria: CriteriaOut,
) {
  const problem = ratingProblem(criteria, r.likelihood, r.consequence);
  if (problem) {
    // The form's words: "Likelihood must be…", "Residual consequence must be…", on that field.
    const which = problem.startsWith('Likelihood') ? 'Likelihood' : 'Consequence';
    throw ruleViolation(
      r.kind === 'residual' ? `Residual ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` : problem,
      {
        field: r.kind === 'residual' ? `residual${which}` : which.toLowerCase(),
      },
    );
  }
  const last = await tx
    .selectFrom('riskAssessments')
    .select((eb) => eb.fn.max<number>('seq').as('seq'))
    .where('riskId', '=', riskId)
    .executeTakeFirst();
  const rated = rate(criteria, r.likelihood, r.consequence);
  await tx
    .insertInto('riskAssessments')
    .values({
      id: newId(),
      orgId,
      riskId,
      kind: r.kind,
      treatmentId: r.treatmentId,
      likelihood: rated.likelihood,
      consequence: rated.consequence,
      score: rated.score,
      level: rated.level,
      criteriaNumber: criteria.number,
      note: r.note,
      seq: Number(last?.seq ?? 0) + 1,
      assessedAt: nowIso(),
      assessedBy: actor.userId,
      assessedByName: actor.name,
    })
    .execute();
  await storeRiskPosition(tx, orgId, riskId);
}

/**
 * Inserts a risk, and its first rating when one is given, inside a caller's transaction (also used
 * from impact assessments). Without a rating the risk stays unrated and flagged until rated.
 */
export async function createRiskInTx(
  tx: Tx,
  audit: Parameters<Parameters<typeof inTransaction>[1]>[1],
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZRiskFields>,
) {
  const half = halfRatedProblem(input);
  if (half) throw ruleViolation(half.message, { field: half.field });
  await checkRiskLinks(tx, orgId, input);
  const criteria = await criteriaInForce(tx, orgId);
  const number = await nextNumber(tx, orgId, 'risk');
  const now = nowIso();
  const id = newId();
  const { likelihood, consequence, ...fields } = input;
  await tx
    .insertInto('risks')
    .values({
      id,
      orgId,
      number,
      ...fields,
      status: 'open',
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .execute();
  if (likelihood !== null && consequence !== null)
    await recordRating(
      tx,
      actor,
      orgId,
      id,
      { kind: 'inherent', likelihood, consequence, note: 'First assessment', treatmentId: null },
      criteria,
    );
  const created = (await findRisk(tx, orgId, id))!;
  await audit({ orgId, actor, action: 'risk.created', entityType: ENTITY, entityId: id, after: created });
  return created;
}

export function createRisk(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZRiskFields>) {
  return inTransaction(deps, (tx, audit) => createRiskInTx(tx, audit, actor, orgId, input));
}

export async function getRisk(deps: Deps, orgId: string, id: string) {
  const risk = await findRisk(deps.db, orgId, id);
  if (!risk) throw notFound('Risk');
  return { ...risk, assessments: await assessmentsOf(deps.db, orgId, id) };
}

export function updateRisk(deps: Deps, actor: Actor, orgId: string, id: string, patch: z.output<typeof ZUpdateRisk>) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findRisk(tx, orgId, id);
    if (!before) throw notFound('Risk');
    if (before.version !== patch.version) throw staleVersion('risk', before);
    const { version, ...changes } = patch;
    await checkRiskLinks(tx, orgId, changes);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await writeOne(
      tx
        .updateTable('risks')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('risk', before),
    );
    const after = (await findRisk(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'risk.updated', entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** A dated re-assessment of the inherent risk under the criteria in force; earlier results stay. */
export function reassessRisk(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZReassessRisk>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await touchRisk(tx, actor, orgId, id);
    const before = (await findRisk(tx, orgId, id))!;
    await recordRating(
      tx,
      actor,
      orgId,
      id,
      { kind: 'inherent', ...input, treatmentId: null },
      await criteriaInForce(tx, orgId),
    );
    const after = (await findRisk(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'risk.reassessed',
      entityType: ENTITY,
      entityId: id,
      before: { likelihood: before.likelihood, consequence: before.consequence, level: before.inherentLevel },
      after: {
        likelihood: after.likelihood,
        consequence: after.consequence,
        level: after.inherentLevel,
        note: input.note,
      },
    });
    return { ...after, assessments: await assessmentsOf(tx, orgId, id) };
  });
}

export function removeRisk(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findRisk(tx, orgId, id);
    if (!before) throw notFound('Risk');
    await writeOne(tx.deleteFrom('risks').where('orgId', '=', orgId).where('id', '=', id), () => notFound('Risk'));
    await audit({ orgId, actor, action: 'risk.deleted', entityType: ENTITY, entityId: id, before });
  });
}
