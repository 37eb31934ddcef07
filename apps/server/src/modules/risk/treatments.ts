import type { z } from 'zod';
import type { ZAcceptRisk, ZTreatmentFields, ZUpdateTreatment } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createActionsInTx } from '../actions/service';
import { criteriaInForce } from './criteria';
import { storeRiskPosition } from './position';
import { findRisk, today, treatmentControls } from './read';
import { recordRating, touchRisk } from './risks';
import type { TreatmentOut } from './schema';

// Treatment (6.1.3, 8.3) and residual-risk acceptance. A treatment picks an option and controls,
// opens actions with owners, and rates the residual risk; an approver may then accept what remains.

// Treatments and acceptances are parts of a risk: their events sit on the risk's own history, so one
// filter (entityType risk, entityId) shows everything that happened to it.
const ENTITY = 'risk';

async function checkControls(tx: Tx, orgId: string, refs: string[]) {
  const known = new Set((await treatmentControls(tx, orgId)).map((c) => c.ref));
  const unknown = refs.filter((r) => !known.has(r));
  if (unknown.length)
    throw ruleViolation(
      `Not Annex A or custom controls: ${unknown.join(', ')}. Pick controls such as A.6.2.4, or add a custom control first.`,
      { field: 'controlRefs' },
    );
}

async function findTreatment(tx: Tx, orgId: string, riskId: string, id: string): Promise<TreatmentOut | undefined> {
  return (await findRisk(tx, orgId, riskId))?.treatments.find((t) => t.id === id);
}

export function addTreatment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  riskId: string,
  input: z.output<typeof ZTreatmentFields>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await touchRisk(tx, actor, orgId, riskId);
    const risk = (await findRisk(tx, orgId, riskId))!;
    const controlRefs = [...new Set(input.controlRefs)];
    await checkControls(tx, orgId, controlRefs);
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('riskTreatments')
      .values({
        id,
        orgId,
        riskId,
        option: input.option,
        description: input.description,
        resources: input.resources,
        controlRefs: JSON.stringify(controlRefs),
        verification: '',
        effectiveness: null,
        verifiedAt: null,
        verifiedByName: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    if (input.residualLikelihood !== null && input.residualConsequence !== null)
      await recordRating(
        tx,
        actor,
        orgId,
        riskId,
        {
          kind: 'residual',
          likelihood: input.residualLikelihood,
          consequence: input.residualConsequence,
          note: 'Residual rating with the treatment',
          treatmentId: id,
        },
        await criteriaInForce(tx, orgId),
      );
    // Treated now, whether or not its residual risk is rated yet.
    await storeRiskPosition(tx, orgId, riskId);
    await createActionsInTx(
      tx,
      audit,
      actor,
      orgId,
      input.actions.map((a) => ({
        title: a.title,
        description: `Treatment of risk ${risk.ref}: ${risk.title}`,
        ownerId: a.ownerId,
        dueDate: a.dueDate,
        status: 'open' as const,
        sourceType: 'risk_treatment',
        sourceId: id,
        sourceRef: risk.ref,
      })),
    );
    const created = (await findTreatment(tx, orgId, riskId, id))!;
    await audit({
      orgId,
      actor,
      action: 'risk_treatment.created',
      entityType: ENTITY,
      entityId: riskId,
      after: created,
    });
    return created;
  });
}

export function updateTreatment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  riskId: string,
  id: string,
  patch: z.output<typeof ZUpdateTreatment>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await touchRisk(tx, actor, orgId, riskId, 'Treatment');
    const before = await findTreatment(tx, orgId, riskId, id);
    if (!before) throw notFound('Treatment');
    if (before.version !== patch.version) throw staleVersion('treatment', before);
    const { version, residualLikelihood, residualConsequence, controlRefs, verification, effectiveness, ...rest } =
      patch;
    const now = nowIso();
    const set: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (controlRefs) {
      const refs = [...new Set(controlRefs)];
      await checkControls(tx, orgId, refs);
      set.controlRefs = JSON.stringify(refs);
    }
    const refsAfter = set.controlRefs ? (JSON.parse(set.controlRefs as string) as string[]) : before.controlRefs;
    if ((set.option ?? before.option) === 'modify' && refsAfter.length === 0)
      throw ruleViolation('A "modify" treatment needs at least one control', { field: 'controlRefs' });
    if (verification !== undefined) set.verification = verification;
    if (effectiveness !== undefined) {
      set.effectiveness = effectiveness;
      // Who judged effectiveness, and when: the evidence an auditor asks for under 6.1.3 and 8.3.
      set.verifiedAt = effectiveness === null ? null : now;
      set.verifiedByName = effectiveness === null ? null : actor.name;
    }
    await writeOne(
      tx
        .updateTable('riskTreatments')
        .set({ ...set, version: version + 1, updatedAt: now, updatedBy: actor.userId })
        .where('id', '=', id)
        .where('orgId', '=', orgId)
        .where('version', '=', version),
      () => staleVersion('treatment', before),
    );
    const residualChanged =
      residualLikelihood !== undefined &&
      residualConsequence !== undefined &&
      (residualLikelihood !== before.residualLikelihood || residualConsequence !== before.residualConsequence);
    if (residualChanged) {
      if (residualLikelihood === null || residualConsequence === null) {
        await tx.deleteFrom('riskAssessments').where('treatmentId', '=', id).where('kind', '=', 'residual').execute();
        await storeRiskPosition(tx, orgId, riskId);
      } else
        await recordRating(
          tx,
          actor,
          orgId,
          riskId,
          {
            kind: 'residual',
            likelihood: residualLikelihood,
            consequence: residualConsequence,
            note: 'Residual rating changed',
            treatmentId: id,
          },
          await criteriaInForce(tx, orgId),
        );
    }
    const after = (await findTreatment(tx, orgId, riskId, id))!;
    await audit({
      orgId,
      actor,
      action: 'risk_treatment.updated',
      entityType: ENTITY,
      entityId: riskId,
      before,
      after,
    });
    return after;
  });
}

export function removeTreatment(deps: Deps, actor: Actor, orgId: string, riskId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    await touchRisk(tx, actor, orgId, riskId, 'Treatment');
    const before = await findTreatment(tx, orgId, riskId, id);
    if (!before) throw notFound('Treatment');
    await writeOne(tx.deleteFrom('riskTreatments').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Treatment'),
    );
    await storeRiskPosition(tx, orgId, riskId);
    await audit({ orgId, actor, action: 'risk_treatment.deleted', entityType: ENTITY, entityId: riskId, before });
  });
}

/** Top management accepts the residual risk (or the inherent one, for a risk retained as it is) until a date. */
export function acceptRisk(
  deps: Deps,
  actor: Actor,
  orgId: string,
  riskId: string,
  input: z.output<typeof ZAcceptRisk>,
) {
  return inTransaction(deps, async (tx, audit) => {
    await touchRisk(tx, actor, orgId, riskId);
    const risk = (await findRisk(tx, orgId, riskId))!;
    if (input.expiresAt <= today())
      throw ruleViolation('Accepted until: pick a date after today; the acceptance lapses after it', {
        field: 'expiresAt',
      });
    const level = risk.residualLevel ?? risk.inherentLevel;
    // Accepting a risk nobody has rated would accept an unknown level.
    if (level === null)
      throw ruleViolation('Rate the risk (likelihood and consequence) before accepting it', { field: 'likelihood' });
    const id = newId();
    const row = {
      id,
      orgId,
      riskId,
      level,
      rationale: input.rationale,
      expiresAt: input.expiresAt,
      acceptedAt: nowIso(),
      acceptedBy: actor.userId,
      acceptedByName: actor.name,
    };
    await tx.insertInto('riskAcceptances').values(row).execute();
    await storeRiskPosition(tx, orgId, riskId);
    const after = (await findRisk(tx, orgId, riskId))!;
    await audit({
      orgId,
      actor,
      action: 'risk_acceptance.created',
      entityType: ENTITY,
      entityId: riskId,
      after: after.acceptance,
    });
    return after.acceptance!;
  });
}
