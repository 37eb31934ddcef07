import { type CreateRelease, type UpdateReleaseBody, type Verification } from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { AiReleaseTable } from '../../platform/db/schema';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { ENTITY, memberName, storedVerification, systemOf, toRelease, type Release } from './common';

// ---------------------------------------------------------------- releases

export async function listReleases(deps: Deps, orgId: string, aiSystemId: string): Promise<Release[]> {
  await systemOf(deps.db, orgId, aiSystemId);
  const rows = await deps.db
    .selectFrom('aiReleases')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .orderBy('releasedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(toRelease);
}

export async function findRelease(db: Db | Tx, orgId: string, aiSystemId: string, id: string) {
  const row = await db
    .selectFrom('aiReleases')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Release');
  return row;
}

export async function getRelease(deps: Deps, orgId: string, aiSystemId: string, id: string) {
  return toRelease(await findRelease(deps.db, orgId, aiSystemId, id));
}

const duplicateVersion = (v: string) =>
  new AppError('CONFLICT', `This AI system already has a release "${v}": give the new release its own version`, {
    field: 'version',
  });

export function createRelease(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  input: CreateRelease,
  source: 'manual' | 'api',
): Promise<Release> {
  return inTransaction(deps, async (tx, audit) => {
    await systemOf(tx, orgId, aiSystemId);
    const clash = await tx
      .selectFrom('aiReleases')
      .select('id')
      .where('aiSystemId', '=', aiSystemId)
      .where('releaseVersion', '=', input.version)
      .executeTakeFirst();
    if (clash) throw duplicateVersion(input.version);
    const approvedByName = input.approvedById
      ? await memberName(tx, orgId, input.approvedById, 'approvedById')
      : input.approvedByName;
    const verification = input.verification ? await storedVerification(tx, orgId, input.verification) : null;
    const now = nowIso();
    const id = newId();
    try {
      await tx
        .insertInto('aiReleases')
        .values({
          id,
          orgId,
          aiSystemId,
          releaseVersion: input.version,
          releasedOn: input.releasedOn,
          whatChanged: input.whatChanged,
          modelVersion: input.modelVersion,
          dataVersion: input.dataVersion,
          approvedBy: input.approvedById,
          approvedByName,
          verification: verification ? JSON.stringify(verification) : null,
          verifiedAt: verification ? now : null,
          deployedOn: null,
          deploymentEnvironment: null,
          deploymentNote: null,
          deployedBy: null,
          deployedByName: null,
          source,
          version: 1,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateVersion(input.version);
      throw err;
    }
    const created = toRelease(await findRelease(tx, orgId, aiSystemId, id));
    await audit({
      orgId,
      actor,
      action: 'ai_release.created',
      entityType: ENTITY,
      entityId: aiSystemId,
      after: created,
    });
    return created;
  });
}

/** Applies `change` to a release read at `version`, refusing a stale read (409). */
async function writeRelease(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  id: string,
  version: number,
  action: string,
  set: Partial<AiReleaseTable>,
): Promise<Release> {
  const before = toRelease(await findRelease(tx, orgId, aiSystemId, id));
  if (before.version !== version) throw staleVersion('release', before);
  await writeOne(
    tx
      .updateTable('aiReleases')
      .set({ ...set, updatedAt: nowIso(), updatedBy: actor.userId, version: version + 1 })
      .where('orgId', '=', orgId)
      .where('id', '=', id)
      .where('version', '=', version),
    () => staleVersion('release', before),
  );
  const after = toRelease(await findRelease(tx, orgId, aiSystemId, id));
  await audit({ orgId, actor, action, entityType: ENTITY, entityId: aiSystemId, before, after });
  return after;
}

export function updateRelease(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  id: string,
  patch: UpdateReleaseBody,
): Promise<Release> {
  return inTransaction(deps, async (tx, audit) => {
    const set: Partial<AiReleaseTable> = {};
    if (patch.releaseVersion !== undefined) {
      const clash = await tx
        .selectFrom('aiReleases')
        .select('id')
        .where('aiSystemId', '=', aiSystemId)
        .where('releaseVersion', '=', patch.releaseVersion)
        .where('id', '!=', id)
        .executeTakeFirst();
      if (clash) throw duplicateVersion(patch.releaseVersion);
      set.releaseVersion = patch.releaseVersion;
    }
    if (patch.releasedOn !== undefined) set.releasedOn = patch.releasedOn;
    if (patch.whatChanged !== undefined) set.whatChanged = patch.whatChanged;
    if (patch.modelVersion !== undefined) set.modelVersion = patch.modelVersion;
    if (patch.dataVersion !== undefined) set.dataVersion = patch.dataVersion;
    if (patch.approvedById !== undefined) {
      set.approvedBy = patch.approvedById;
      set.approvedByName = patch.approvedById
        ? await memberName(tx, orgId, patch.approvedById, 'approvedById')
        : (patch.approvedByName ?? '');
    } else if (patch.approvedByName !== undefined) set.approvedByName = patch.approvedByName;
    return writeRelease(tx, audit, actor, orgId, aiSystemId, id, patch.version, 'ai_release.updated', set);
  });
}

/** Records (or replaces) the verification and validation of a release (A.6.2.4). */
export function recordVerification(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  id: string,
  input: Verification & { version: number },
): Promise<Release> {
  return inTransaction(deps, async (tx, audit) => {
    const { version, ...v } = input;
    const stored = await storedVerification(tx, orgId, v);
    return writeRelease(tx, audit, actor, orgId, aiSystemId, id, version, 'ai_release.verified', {
      verification: JSON.stringify(stored),
      verifiedAt: stored.recordedAt,
    });
  });
}

/** Records that a release went into operation (A.6.2.5). Without V&V it is recorded, and flagged. */
export function recordDeployment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  id: string,
  input: { version: number; deployedOn: string; environment: string; note: string },
): Promise<Release> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await findRelease(tx, orgId, aiSystemId, id);
    if (before.deployedOn) throw ruleViolation(`This release was deployed on ${before.deployedOn} already`);
    if (input.deployedOn < before.releasedOn)
      throw ruleViolation(`Deployed on must not be before the release date (${before.releasedOn})`, {
        field: 'deployedOn',
      });
    return writeRelease(tx, audit, actor, orgId, aiSystemId, id, input.version, 'ai_release.deployed', {
      deployedOn: input.deployedOn,
      deploymentEnvironment: input.environment,
      deploymentNote: input.note,
      deployedBy: actor.userId,
      deployedByName: actor.name,
    });
  });
}
