import { significanceOf, type ChangeFields, type ChangeKind, type RiskTier } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { AiChangeTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { listReassessments, syncReassessments } from './reassessments';
import { ENTITY, systemOf, type Change } from './common';
import { findRelease } from './releases';

// ---------------------------------------------------------------- changes

function toChange(
  r: AiChangeTable & { releaseVersion: string | null },
  reassessments: Change['reassessments'],
): Change {
  return {
    id: r.id,
    aiSystemId: r.aiSystemId,
    release: r.releaseId && r.releaseVersion !== null ? { id: r.releaseId, releaseVersion: r.releaseVersion } : null,
    kind: r.kind as ChangeKind,
    title: r.title,
    description: r.description,
    occurredOn: r.occurredOn,
    significant: r.significant === 1,
    rule: { significant: r.ruleSignificant === 1, because: r.ruleBecause },
    override:
      r.overrideReason !== null
        ? {
            significant: r.significant === 1,
            reason: r.overrideReason,
            byName: r.overriddenByName ?? '',
            at: r.overriddenAt ?? '',
          }
        : null,
    reassessments,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function selectChanges(db: Db | Tx, orgId: string, aiSystemId: string, id?: string): Promise<Change[]> {
  let q = db
    .selectFrom('aiChanges')
    .leftJoin('aiReleases', 'aiReleases.id', 'aiChanges.releaseId')
    .selectAll('aiChanges')
    .select('aiReleases.releaseVersion')
    .where('aiChanges.orgId', '=', orgId)
    .where('aiChanges.aiSystemId', '=', aiSystemId);
  if (id) q = q.where('aiChanges.id', '=', id);
  const rows = await q.orderBy('aiChanges.occurredOn', 'desc').orderBy('aiChanges.createdAt', 'desc').execute();
  const reassessments = await listReassessments(db, orgId, { aiSystemId, changeIds: rows.map((r) => r.id) });
  return rows.map((r) =>
    toChange(
      r,
      reassessments.filter((x) => x.changeId === r.id),
    ),
  );
}

export async function listChanges(deps: Deps, orgId: string, aiSystemId: string): Promise<Change[]> {
  await systemOf(deps.db, orgId, aiSystemId);
  return selectChanges(deps.db, orgId, aiSystemId);
}

async function findChange(db: Db | Tx, orgId: string, aiSystemId: string, id: string): Promise<Change> {
  const [c] = await selectChanges(db, orgId, aiSystemId, id);
  if (!c) throw notFound('Change');
  return c;
}

export async function getChange(deps: Deps, orgId: string, aiSystemId: string, id: string) {
  return findChange(deps.db, orgId, aiSystemId, id);
}

/**
 * Records a change. Its significance is the rule's, or the person's override with its reason; a
 * significant change reopens the system's risk and impact assessments in the same transaction.
 */
export function createChange(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  input: ChangeFields,
): Promise<Change> {
  return inTransaction(deps, async (tx, audit) => {
    const system = await systemOf(tx, orgId, aiSystemId);
    if (input.releaseId !== null)
      await findRelease(tx, orgId, aiSystemId, input.releaseId).catch(() => {
        throw ruleViolation('releaseId must be a release of this AI system', { field: 'releaseId' });
      });
    const s = significanceOf(
      input.kind,
      system.riskTier as RiskTier,
      input.override ? { ...input.override, byName: actor.name } : null,
    );
    const rule = significanceOf(input.kind, system.riskTier as RiskTier, null);
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('aiChanges')
      .values({
        id,
        orgId,
        aiSystemId,
        releaseId: input.releaseId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        occurredOn: input.occurredOn,
        ruleSignificant: rule.significant ? 1 : 0,
        ruleBecause: rule.because,
        significant: s.significant ? 1 : 0,
        overrideReason: input.override ? input.override.reason : null,
        overriddenBy: input.override ? actor.userId : null,
        overriddenByName: input.override ? actor.name : null,
        overriddenAt: input.override ? now : null,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    await syncReassessments(tx, audit, actor, orgId, {
      id,
      aiSystemId,
      significant: s.significant,
      title: input.title,
    });
    const created = await findChange(tx, orgId, aiSystemId, id);
    await audit({
      orgId,
      actor,
      action: 'ai_change.created',
      entityType: ENTITY,
      entityId: aiSystemId,
      after: { ...created, reassessments: undefined },
    });
    return created;
  });
}

/** A person decides the change's significance against the rule (with a reason), or returns it to the rule (null). */
export function decideSignificance(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  id: string,
  input: { version: number; override: { significant: boolean; reason: string } | null },
): Promise<Change> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findChange(tx, orgId, aiSystemId, id);
    if (before.version !== input.version) throw staleVersion('change', before);
    const significant = input.override ? input.override.significant : before.rule.significant;
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('aiChanges')
        .set({
          significant: significant ? 1 : 0,
          overrideReason: input.override?.reason ?? null,
          overriddenBy: input.override ? actor.userId : null,
          overriddenByName: input.override ? actor.name : null,
          overriddenAt: input.override ? now : null,
          updatedAt: now,
          updatedBy: actor.userId,
          version: input.version + 1,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('change', before),
    );
    await syncReassessments(tx, audit, actor, orgId, { id, aiSystemId, significant, title: before.title });
    const after = await findChange(tx, orgId, aiSystemId, id);
    await audit({
      orgId,
      actor,
      action: 'ai_change.significance_decided',
      entityType: ENTITY,
      entityId: aiSystemId,
      before: { ...before, reassessments: undefined },
      after: { ...after, reassessments: undefined },
    });
    return after;
  });
}
