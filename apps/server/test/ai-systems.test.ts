import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '@fortytwo/domain';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

describeEachDialect('AI system inventory', (ctx) => {
  let owner: Client;
  let orgId: string;
  const base = () => `/api/orgs/${orgId}/ai-systems`;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Inventory Org'));
  });

  it('creates an AI system with defaults, an owner and several AI roles', async () => {
    const res = await owner.post(
      base(),
      validAiSystem({
        aiRoles: ['provider', 'customer'],
        ownerId: owner.user!.id,
        tags: ['credit', 'eu'],
        jurisdictions: ['EU', 'UK'],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 1,
      aiRoles: ['provider', 'customer'],
      riskTier: 'unclassified',
      status: 'active',
      description: '',
      thirdParties: [],
      ownerId: owner.user!.id,
      people: { [owner.user!.id]: { id: owner.user!.id, email: owner.user!.email } },
    });
    expect(res.body).not.toHaveProperty('owner');
    const got = await owner.get(`${base()}/${res.body.id}`);
    expect(got.body).toEqual(res.body);
  });

  it('refuses an owner who is not a member of the organization with 422', async () => {
    const other = await newOrgOwner(ctx());
    const res = await owner.post(base(), validAiSystem({ ownerId: other.owner.user!.id }));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/owner must be a current member/);
  });

  it('updates with the current version and refuses a stale one with 409, changing nothing', async () => {
    const created = (await owner.post(base(), validAiSystem({ name: 'Chatbot' }))).body;
    const first = await owner.patch(`${base()}/${created.id}`, {
      version: 1,
      lifecycleStage: 'deployment',
      name: 'Support chatbot',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 2,
      lifecycleStage: 'deployment',
      name: 'Support chatbot',
      intendedPurpose: created.intendedPurpose,
    });

    const stale = await owner.patch(`${base()}/${created.id}`, { version: 1, name: 'Lost update' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details.current).toMatchObject({ version: 2, name: 'Support chatbot' });
    expect((await owner.get(`${base()}/${created.id}`)).body).toEqual(first.body);
  });

  it('deletes, keeping the last state in the history', async () => {
    const created = (await owner.post(base(), validAiSystem({ name: 'Short-lived' }))).body;
    expect((await owner.delete(`${base()}/${created.id}`)).status).toBe(204);
    expect((await owner.get(`${base()}/${created.id}`)).status).toBe(404);
    const events = await owner.get(`/api/orgs/${orgId}/audit-events?entityId=${created.id}`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'ai_system.deleted',
      'ai_system.created',
    ]);
    expect(events.body.items[0].before).toMatchObject({ name: 'Short-lived' });
  });

  it('shows the history of one AI system, newest first, with before and after', async () => {
    const created = (await owner.post(base(), validAiSystem({ name: 'Tracked' }))).body;
    await owner.patch(`${base()}/${created.id}`, { version: 1, riskTier: 'high' });
    const h = await owner.get(`${base()}/${created.id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.items).toHaveLength(2);
    expect(h.body.items[0]).toMatchObject({
      action: 'ai_system.updated',
      before: { riskTier: 'unclassified' },
      after: { riskTier: 'high' },
      actor: { id: owner.user!.id },
    });
  });

  it("hides another organization's AI systems behind 404", async () => {
    const created = (await owner.post(base(), validAiSystem({ name: 'Private system' }))).body;
    const stranger = await newOrgOwner(ctx(), 'Other Org');
    for (const [method, url] of [
      ['GET', `${base()}/${created.id}`],
      ['PATCH', `${base()}/${created.id}`],
      ['DELETE', `${base()}/${created.id}`],
      ['GET', base()],
      ['GET', `/api/orgs/${orgId}/audit-events`],
    ] as const) {
      const res = await stranger.owner.request(
        method,
        url,
        method === 'PATCH' ? { version: 1, name: 'hijack' } : undefined,
      );
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    // Its own organization id with the other org's system id: still 404, never a leak.
    const cross = await stranger.owner.get(`/api/orgs/${stranger.orgId}/ai-systems/${created.id}`);
    expect(cross.status).toBe(404);
    expect((await owner.get(`${base()}/${created.id}`)).body.name).toBe('Private system');
  });

  it('filters, sorts and pages with a cursor without gaps or repeats', async () => {
    const { owner: o, orgId: oid } = await newOrgOwner(ctx(), 'Paging Org');
    const url = `/api/orgs/${oid}/ai-systems`;
    const stages = ['idea', 'design', 'development', 'verification', 'deployment', 'operation', 'retired'];
    const items = Array.from({ length: 23 }, (_, i) =>
      validAiSystem({
        name: `System ${String(i).padStart(2, '0')}`,
        lifecycleStage: stages[i % 7],
        aiRoles: i % 2 ? ['provider'] : ['customer', 'partner'],
        tags: i % 3 === 0 ? ['hr_100%'] : [],
        riskTier: i % 5 === 0 ? 'high' : 'minimal',
      }),
    );
    expect((await o.post(`${url}/bulk`, { items })).status).toBe(201);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null; total: number } } = await o.get(
        `${url}?limit=5&sort=name&order=desc${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.total).toBe(23);
      seen.push(...page.body.items.map((s) => s.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(
      items
        .map((s) => s.name)
        .sort()
        .reverse(),
    );

    const byStage = await o.get(`${url}?sort=lifecycleStage&limit=500`);
    const ranks = byStage.body.items.map((s: { lifecycleStage: string }) => stages.indexOf(s.lifecycleStage));
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));

    let tierPages: string[] = [];
    cursor = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await o.get(
        `${url}?limit=4&sort=riskTier&order=desc${cursor ? `&cursor=${cursor}` : ''}`,
      );
      tierPages = tierPages.concat(page.body.items.map((s) => s.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(tierPages).size).toBe(23);

    expect((await o.get(`${url}?lifecycleStage=idea`)).body.total).toBe(4);
    expect((await o.get(`${url}?aiRole=partner`)).body.total).toBe(12);
    expect((await o.get(`${url}?tag=${encodeURIComponent('hr_100%')}`)).body.total).toBe(8);
    expect((await o.get(`${url}?tag=hr`)).body.total).toBe(0);
    expect((await o.get(`${url}?q=system%2007`)).body.items.map((s: { name: string }) => s.name)).toEqual([
      'System 07',
    ]);
    expect((await o.get(`${url}?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    expect((await o.get(`${url}?riskTier=high&aiRole=customer`)).body.total).toBe(3);
  });

  it('exports CSV with the same filters, formula cells neutralized', async () => {
    const { owner: o, orgId: oid } = await newOrgOwner(ctx(), 'Export Org');
    const url = `/api/orgs/${oid}/ai-systems`;
    await o.post(
      url,
      validAiSystem({
        name: '=HYPERLINK("http://evil")',
        aiRoles: ['provider', 'producer'],
        ownerId: o.user!.id,
        tags: ['a', 'b'],
      }),
    );
    await o.post(
      url,
      validAiSystem({
        name: 'Retired one',
        lifecycleStage: 'retired',
        description: 'line one\nline "two", with comma',
      }),
    );
    const res = await o.get(`${url}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="ai-systems-/);
    const rows = parseCsv(res.text);
    expect(rows[0]!.cells.slice(0, 5)).toEqual(['name', 'description', 'intendedPurpose', 'aiRoles', 'lifecycleStage']);
    expect(rows).toHaveLength(3);
    const evil = rows.find((r) => r.cells[0]!.includes('HYPERLINK'))!;
    expect(evil.cells[0]!.startsWith("'=")).toBe(true);
    expect(evil.cells[3]).toBe('provider; producer');
    expect(evil.cells[5]).toBe(o.user!.email);
    expect(rows.find((r) => r.cells[0] === 'Retired one')!.cells[1]).toBe('line one\nline "two", with comma');
    const filtered = parseCsv((await o.get(`${url}/export.csv?lifecycleStage=retired`)).text);
    expect(filtered).toHaveLength(2);
  });

  it('imports in bulk all or nothing: one bad item rejects the batch', async () => {
    const { owner: o, orgId: oid } = await newOrgOwner(ctx(), 'Bulk Org');
    const url = `/api/orgs/${oid}/ai-systems`;
    const bad = await o.post(`${url}/bulk`, {
      items: [validAiSystem({ name: 'ok 1' }), validAiSystem({ name: 'bad', lifecycleStage: 'someday' })],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('body.items.1.lifecycleStage');
    const stranger = await newOrgOwner(ctx());
    const badOwner = await o.post(`${url}/bulk`, {
      items: [validAiSystem({ name: 'ok 1' }), validAiSystem({ name: 'ok 2', ownerId: stranger.owner.user!.id })],
    });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.error.message).toMatch(/^Item 2:/);
    expect((await o.get(url)).body.total).toBe(0);
    const events = await o.get(`/api/orgs/${oid}/audit-events?entityType=ai_system`);
    expect(events.body.items).toHaveLength(0);
  });

  it('lets a contributor write but not delete; a viewer only read', async () => {
    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const created = await contributor.post(base(), validAiSystem({ name: 'By contributor' }));
    expect(created.status).toBe(201);
    expect((await contributor.delete(`${base()}/${created.body.id}`)).status).toBe(403);
    expect((await viewer.get(`${base()}/${created.body.id}`)).status).toBe(200);
    expect((await viewer.patch(`${base()}/${created.body.id}`, { version: 1, name: 'nope' })).status).toBe(403);
  });
});
