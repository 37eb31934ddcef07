import { z } from 'zod';
import {
  CHANGE_KINDS,
  RELEASE_FLAGS,
  releaseFlags,
  verificationProblems,
  VV_AREAS,
  VV_DECISIONS,
  type Verification,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { AiReleaseTable } from '../../platform/db/schema';
import { notFound, ruleViolation } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { isActiveMember } from '../orgs/members';
import { ZReassessment } from './reassessments';

// What releases and changes share: their response shapes, the AI system they belong to, and naming members.

export const ENTITY = 'ai_system';

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

export function toRelease(r: AiReleaseTable): Release {
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

export async function systemOf(db: Db | Tx, orgId: string, aiSystemId: string) {
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
export async function memberName(tx: Tx, orgId: string, userId: string, field: string): Promise<string> {
  if (!(await isActiveMember(tx, orgId, userId)))
    throw ruleViolation(`${field} must be a current member of this organization`, { field });
  const u = await tx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow();
  return u.name;
}

export async function storedVerification(tx: Tx, orgId: string, v: Verification): Promise<StoredVerification> {
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
