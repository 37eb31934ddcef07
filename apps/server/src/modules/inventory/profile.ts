import { z } from 'zod';
import {
  COMPUTE_LOCATIONS,
  DATA_USES,
  EMPTY_PROFILE,
  profileGaps,
  ZAiSystemProfile,
  type AiSystemProfile,
  type ZUpdateAiSystemProfile,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { writeOne } from '../../platform/db/versioned';

// The A.4 profile of one AI system. It shares the AI system's version, so a change to either the
// inventory row or the profile moves the record on, and a stale save of either is refused.

export const ZAiSystemProfileOut = z.object({
  aiSystemId: z.string(),
  version: z.number().describe("the AI system's version"),
  dataResources: z.array(
    z.object({
      name: z.string(),
      origin: z.string(),
      uses: z.array(z.enum(DATA_USES)),
      labelling: z.string(),
      quality: z.string(),
      retention: z.string(),
      knownBias: z.string(),
      personalData: z.boolean(),
    }),
  ),
  tooling: z.array(z.object({ name: z.string(), purpose: z.string() })),
  compute: z.object({
    location: z.enum(COMPUTE_LOCATIONS).nullable(),
    details: z.string(),
    environmentalNotes: z.string(),
  }),
  humanResources: z.array(z.object({ role: z.string(), skills: z.string() })),
  intendedUse: z.string(),
  foreseeableMisuse: z.string(),
  affectedGroups: z.array(z.string()),
  humanOversight: z.string(),
  gaps: z.array(z.string()).describe('what the record still lacks for A.4 and an impact assessment'),
  updatedAt: z.string().nullable(),
});
export type AiSystemProfileOut = z.infer<typeof ZAiSystemProfileOut>;

async function read(db: Db | Tx, orgId: string, id: string): Promise<AiSystemProfileOut> {
  const system = await db
    .selectFrom('aiSystems')
    .select(['id', 'version'])
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!system) throw notFound('AI system');
  const row = await db.selectFrom('aiSystemProfiles').selectAll().where('aiSystemId', '=', id).executeTakeFirst();
  // Parsing through the schema fills fields added since the profile was saved.
  const profile = row ? ZAiSystemProfile.parse(JSON.parse(row.content)) : EMPTY_PROFILE;
  return {
    aiSystemId: id,
    version: system.version,
    ...profile,
    gaps: profileGaps(profile),
    updatedAt: row?.updatedAt ?? null,
  };
}

export const getAiSystemProfile = (deps: Deps, orgId: string, id: string) => read(deps.db, orgId, id);

export function updateAiSystemProfile(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZUpdateAiSystemProfile>,
): Promise<AiSystemProfileOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await read(tx, orgId, id);
    if (before.version !== input.version) throw staleVersion('AI system', before);
    const { version, ...profile } = input;
    const content = JSON.stringify(profile satisfies AiSystemProfile);
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('aiSystems')
        .set({ version: version + 1, updatedAt: now, updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('AI system', before),
    );
    await tx
      .insertInto('aiSystemProfiles')
      .values({ aiSystemId: id, orgId, content, updatedAt: now, updatedBy: actor.userId })
      .onConflict((oc) => oc.column('aiSystemId').doUpdateSet({ content, updatedAt: now, updatedBy: actor.userId }))
      .execute();
    const after = await read(tx, orgId, id);
    const strip = ({ gaps: _g, updatedAt: _u, ...rest }: AiSystemProfileOut) => rest;
    await audit({
      orgId,
      actor,
      action: 'ai_system.profile_updated',
      entityType: 'ai_system',
      entityId: id,
      before: strip(before),
      after: strip(after),
    });
    return after;
  });
}
