import { beforeAll, expect, it } from 'vitest';
import { type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

// Importing the inventory (issue 18): an export imported back updates by id or name and duplicates
// nothing; a dry run answers the plan and writes nothing; all or nothing.

describeEachDialect('AI system import', (ctx) => {
  let owner: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const count = async () => (await owner.get(url('/ai-systems'))).body.total as number;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Import Org'));
    for (const name of ['Alpha', 'Beta', 'Gamma']) await owner.post(url('/ai-systems'), validAiSystem({ name }));
  });

  it('plans updates by id or name and creates for new names; a dry run writes nothing', async () => {
    const alpha = (await owner.get(url('/ai-systems?sort=name'))).body.items[0];
    const items = [
      { ...validAiSystem({ name: 'Renamed alpha' }), id: alpha.id },
      validAiSystem({ name: 'beta', riskTier: 'high' }),
      validAiSystem({ name: 'Gamma' }),
      validAiSystem({ name: 'Delta' }),
    ];
    const dry = await owner.post(url('/ai-systems/import'), { items, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 1, updated: 2, unchanged: 1 });
    expect(dry.body.rows.map((r: { action: string; changes: string[] }) => [r.action, r.changes])).toEqual([
      ['update', ['name']],
      ['update', ['name', 'riskTier']],
      ['unchanged', []],
      ['create', []],
    ]);
    expect(await count()).toBe(3);
    const done = await owner.post(url('/ai-systems/import'), { items });
    expect(done.body).toMatchObject({ dryRun: false, created: 1, updated: 2, unchanged: 1 });
    expect(await count()).toBe(4);
    expect((await owner.get(url(`/ai-systems/${alpha.id}`))).body.name).toBe('Renamed alpha');
  });

  it('imports its own export back without a single duplicate', async () => {
    const before = await count();
    const all = (await owner.get(url('/ai-systems?limit=100'))).body.items as Record<string, unknown>[];
    const items = all.map((s) => ({
      name: s.name,
      description: s.description,
      intendedPurpose: s.intendedPurpose,
      aiRoles: s.aiRoles,
      lifecycleStage: s.lifecycleStage,
      ownerId: s.ownerId,
      jurisdictions: s.jurisdictions,
      thirdParties: s.thirdParties,
      riskTier: s.riskTier,
      status: s.status,
      tags: s.tags,
    }));
    const res = await owner.post(url('/ai-systems/import'), { items });
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: before });
    expect(await count()).toBe(before);
  });

  it('refuses two rows for one system and writes nothing', async () => {
    const before = await count();
    const res = await owner.post(url('/ai-systems/import'), {
      items: [validAiSystem({ name: 'Epsilon' }), validAiSystem({ name: 'Gamma' }), validAiSystem({ name: 'gamma ' })],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('Rows 2 and 3 both update "Gamma"; keep one of them');
    expect(await count()).toBe(before);
  });

  it("never touches another organization's systems: a foreign id is just a new row", async () => {
    const other = await newOrgOwner(ctx(), 'Other Import Org');
    const alpha = (await owner.get(url('/ai-systems?sort=name'))).body.items[0];
    const res = await other.owner.post(`/api/orgs/${other.orgId}/ai-systems/import`, {
      items: [{ ...validAiSystem({ name: 'Mine' }), id: alpha.id }],
    });
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    expect((await owner.get(url(`/ai-systems/${alpha.id}`))).body.name).not.toBe('Mine');
    expect([403, 404]).toContain(
      (await other.owner.post(url('/ai-systems/import'), { items: [validAiSystem()] })).status,
    );
  });
});
