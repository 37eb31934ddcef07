import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, newOrgOwner, validAiSystem } from './harness';
import { eventHash, GENESIS_HASH, verifyChain } from '../src/platform/audit';

describeEachDialect('audit trail', (ctx) => {
  it('records every mutation with actor, entity, before and after, hash-chained', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Audited Org');
    const s = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem())).body;
    await owner.patch(`/api/orgs/${orgId}/ai-systems/${s.id}`, { version: 1, status: 'archived' });
    const list = await owner.get(`/api/orgs/${orgId}/audit-events`);
    expect(list.status).toBe(200);
    const items = list.body.items as {
      action: string;
      hash: string;
      prevHash: string;
      seq: number;
      actor: { id: string };
    }[];
    // A new organization's RACI starts with the usual activities, recorded as the system's doing.
    expect(items.map((e) => e.action)).toEqual([
      'ai_system.updated',
      'ai_system.created',
      'raci.seeded',
      'membership.created',
      'organization.created',
    ]);
    expect(items[0]).toMatchObject({
      entityType: 'ai_system',
      entityId: s.id,
      before: { status: 'active' },
      after: { status: 'archived' },
      actor: { id: owner.user!.id },
    });
    expect(items.at(-1)!.prevHash).toBe(GENESIS_HASH);
    for (let i = 0; i < items.length - 1; i++) expect(items[i]!.prevHash).toBe(items[i + 1]!.hash);
    expect((await owner.get(`/api/orgs/${orgId}/audit-events/verify`)).body).toEqual({
      ok: true,
      checked: 5,
      firstBrokenId: null,
    });
  });

  it('reports an event edited directly in the database', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Tampered Org');
    for (let i = 0; i < 3; i++) await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: `S${i}` }));
    const victim = await ctx()
      .handle.db.selectFrom('auditEvents')
      .selectAll()
      .where('chain', '=', orgId)
      .where('seq', '=', 4)
      .executeTakeFirstOrThrow();
    // Someone with database access rewrites history: who created the system.
    await sql`update audit_events set actor_name = ${'Mallory'} where id = ${victim.id}`.execute(ctx().handle.db);
    const verdict = await owner.get(`/api/orgs/${orgId}/audit-events/verify`);
    expect(verdict.body).toEqual({ ok: false, checked: 4, firstBrokenId: victim.id });
  });

  it('reports a deleted event, and a rewritten event whose hash was recomputed', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Pruned Org');
    for (let i = 0; i < 3; i++) await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: `S${i}` }));
    const db = ctx().handle.db;
    await db.deleteFrom('auditEvents').where('chain', '=', orgId).where('seq', '=', 3).execute();
    const next = await db
      .selectFrom('auditEvents')
      .select('id')
      .where('chain', '=', orgId)
      .where('seq', '=', 4)
      .executeTakeFirstOrThrow();
    expect((await owner.get(`/api/orgs/${orgId}/audit-events/verify`)).body).toMatchObject({
      ok: false,
      firstBrokenId: next.id,
    });

    const other = await newOrgOwner(ctx(), 'Rehashed Org');
    await other.owner.post(`/api/orgs/${other.orgId}/ai-systems`, validAiSystem());
    const e = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('chain', '=', other.orgId)
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const forged = { ...e, after: JSON.stringify({ forged: true }) };
    const { hash: _h, ...rest } = forged;
    await db
      .updateTable('auditEvents')
      .set({ after: forged.after, hash: eventHash(rest) })
      .where('id', '=', e.id)
      .execute();
    // The forged event's own hash holds, but the next link no longer points at it.
    const nextId = (
      await db
        .selectFrom('auditEvents')
        .select('id')
        .where('chain', '=', other.orgId)
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await other.owner.get(`/api/orgs/${other.orgId}/audit-events/verify`)).body).toMatchObject({
      ok: false,
      firstBrokenId: nextId,
    });
  });

  it('writes nothing when the change is refused', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Quiet Org');
    const before = (await owner.get(`/api/orgs/${orgId}/audit-events`)).body.items.length;
    await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ ownerId: 'not-a-member' }));
    expect((await owner.get(`/api/orgs/${orgId}/audit-events`)).body.items.length).toBe(before);
  });

  it('keeps concurrent writers on one unbroken chain', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Busy Org');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: `Parallel ${i}` })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect((await owner.get(`/api/orgs/${orgId}/audit-events/verify`)).body).toEqual({
      ok: true,
      checked: 23,
      firstBrokenId: null,
    });
  });
});

describe('verifyChain', () => {
  it('accepts an empty chain', async () => {
    async function* none() {}
    expect(await verifyChain(none())).toEqual({ ok: true, checked: 0, firstBrokenId: null });
  });
});
