import { z } from 'zod';
import {
  CHANGE_KINDS,
  RELEASE_FLAGS,
  releaseFlags,
  significanceOf,
  verificationProblems,
  VV_AREAS,
  VV_DECISIONS,
  type ChangeFields,
  type ChangeKind,
  type CreateRelease,
  type RiskTier,
  type UpdateReleaseBody,
  type Verification,
} from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { AiChangeTable, AiReleaseTable } from '../../platform/db/schema';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { listReassessments, syncReassessments, ZReassessment } from './reassessments';

// Releases of an AI system with their verification and validation (A.6.2.4) and deployment
// (A.6.2.5), and the changes made to it with their significance (8.2, 8.4). The audit trail keeps
// every step under the AI system, so the system's history shows its life cycle.

const ENTITY = 'ai_system';

const ZVerificationOut = z.object({
  tests: z.array(z.object({ area: z.enum(VV_AREAS), criterion: z.string(), result: z.string(), passed: z.boolean() })),
  decision: z.enum(VV_DECISIONS),
  decisionNote: z.string(),
  decidedOn: z.string(),
  decidedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  recordedAt: z.string(),
  problems: z.array(z.string()),
});

export const ZRelease = z.object({
  id: z.string(),
  aiSystemId: z.string(),
  releaseVersion: z.string().describe('the release’s own version, such as 2.1.0'),
  releasedOn: z.string(),
  whatChanged: z.string(),
  modelVersion: z.string(),
  dataVersion: z.string(),
  approvedBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  verification: ZVerificationOut.nullable(),
  deployment: z
    .object({ deployedOn: z.string(), environment: z.string(), note: z.string(), deployedByName: z.string() })
    .nullable(),
  flags: z.array(z.enum(RELEASE_FLAGS)),
  source: z.enum(['manual', 'api']),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Release = z.infer<typeof ZRelease>;

export const ZChange = z.object({
  id: z.string(),
  aiSystemId: z.string(),
  release: z.object({ id: z.string(), releaseVersion: z.string() }).nullable(),
  kind: z.enum(CHANGE_KINDS),
  title: z.string(),
  description: z.string(),
  occurredOn: z.string(),
  significant: z.boolean(),
  rule: z.object({ significant: z.boolean(), because: z.string() }).describe('what the significance rule said'),
  override: z
    .object({ significant: z.boolean(), reason: z.string(), byName: z.string(), at: z.string() })
    .nullable()
    .describe('a person’s decision against the rule, with its reason'),
  reassessments: z.array(ZReassessment),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Change = z.infer<typeof ZChange>;

type StoredVerification = Omit<Verification, 'decidedById' | 'decidedByName'> & {
  decidedBy: { id: string | null; name: string };
  recordedAt: string;
};

function toRelease(r: AiReleaseTable): Release {
  const v = r.verification ? (JSON.parse(r.verification) as StoredVerification) : null;
  const verification = v ? { ...v, problems: verificationProblems(v) } : null;
  return {
    id: r.id,
    aiSystemId: r.aiSystemId,
    releaseVersion: r.releaseVersion,
    releasedOn: r.releasedOn,
    whatChanged: r.whatChanged,
    modelVersion: r.modelVersion,
    dataVersion: r.dataVersion,
    approvedBy: r.approvedBy || r.approvedByName ? { id: r.approvedBy, name: r.approvedByName } : null,
    verification,
    deployment: r.deployedOn
      ? {
          deployedOn: r.deployedOn,
          environment: r.deploymentEnvironment ?? '',
          note: r.deploymentNote ?? '',
          deployedByName: r.deployedByName ?? '',
        }
      : null,
    flags: releaseFlags({ deployedOn: r.deployedOn, verification: v }),
    source: r.source as Release['source'],
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function systemOf(db: Db | Tx, orgId: string, aiSystemId: string) {
  const s = await db
    .selectFrom('aiSystems')
    .select(['id', 'name', 'riskTier', 'ownerId'])
    .where('orgId', '=', orgId)
    .where('id', '=', aiSystemId)
    .executeTakeFirst();
  if (!s) throw notFound('AI system');
  return s;
}

/** A named member: their display name; a person not in the organization is refused. */
async function memberName(tx: Tx, orgId: string, userId: string, field: string): Promise<string> {
  if (!(await isActiveMember(tx, orgId, userId)))
    throw ruleViolation(`${field} must be a current member of this organization`, { field });
  const u = await tx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow();
  return u.name;
}

async function storedVerification(tx: Tx, orgId: string, v: Verification): Promise<StoredVerification> {
  const name = v.decidedById ? await memberName(tx, orgId, v.decidedById, 'decidedById') : v.decidedByName;
  if (!name)
    throw ruleViolation('Name who decided to deploy: decidedById (a member) or decidedByName', {
      field: 'decidedByName',
    });
  return {
    tests: v.tests,
    decision: v.decision,
    decisionNote: v.decisionNote,
    decidedOn: v.decidedOn,
    decidedBy: { id: v.decidedById, name },
    recordedAt: nowIso(),
  };
}

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

async function findRelease(db: Db | Tx, orgId: string, aiSystemId: string, id: string) {
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
