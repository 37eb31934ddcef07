import { expect, it } from 'vitest';
import { addMember, describeEachDialect, newOrgOwner } from './harness';

// Saved views of the registers over HTTP on both dialects (issue 20 item 2): each person sees and
// changes only their own views; another organization answers 404; a stale version is refused with
// 409; a duplicate name is 409 naming the view; bad input is 400 naming the field.

describeEachDialect('saved views', (ctx) => {
  const state = { filters: { status: 'open', level: 'high' }, sort: 'inherent', order: 'desc', hidden: ['source'] };

  it('saves, lists, renames and deletes a view of one register', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Views Org');
    const base = `/api/orgs/${orgId}/saved-views`;
    const created = await owner.post(base, { register: 'risks', name: ' Open high risks ', state });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ register: 'risks', name: 'Open high risks', state, version: 1 });

    // Defaults fill what a state leaves out; another register lists apart.
    const other = await owner.post(base, { register: 'soa', name: 'Everything', state: {} });
    expect(other.body.state).toEqual({ filters: {}, sort: null, order: 'asc', hidden: [] });
    const list = await owner.get(`${base}?register=risks`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ items: [created.body], nextCursor: null });

    const renamed = await owner.patch(`${base}/${created.body.id}`, { version: 1, name: 'Mine' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Mine', version: 2, state });

    const stale = await owner.patch(`${base}/${created.body.id}`, { version: 1, name: 'Lost' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await owner.get(`${base}?register=risks`)).body.items[0].name).toBe('Mine');

    expect((await owner.delete(`${base}/${created.body.id}`)).status).toBe(204);
    expect((await owner.delete(`${base}/${created.body.id}`)).status).toBe(404);
    expect((await owner.get(`${base}?register=risks`)).body.items).toEqual([]);
  });

  it('keeps each person to their own views, and another organization out', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Own Views Org');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const base = `/api/orgs/${orgId}/saved-views`;
    const mine = (await owner.post(base, { register: 'risks', name: 'Owner view', state })).body;

    // A viewer keeps views too (a preference, not a change to a register), and sees only theirs.
    const theirs = await viewer.post(base, { register: 'risks', name: 'Owner view', state: {} });
    expect(theirs.status, theirs.text).toBe(201);
    expect((await viewer.get(`${base}?register=risks`)).body.items.map((v: { id: string }) => v.id)).toEqual([
      theirs.body.id,
    ]);
    expect((await viewer.patch(`${base}/${mine.id}`, { version: 1, name: 'Hijack' })).status).toBe(404);
    expect((await viewer.delete(`${base}/${mine.id}`)).status).toBe(404);

    const stranger = await newOrgOwner(ctx(), 'Stranger Org');
    const strangerBase = `/api/orgs/${stranger.orgId}/saved-views`;
    expect((await stranger.owner.get(`${base}?register=risks`)).status).toBe(404);
    expect((await stranger.owner.patch(`${strangerBase}/${mine.id}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await stranger.owner.delete(`${strangerBase}/${mine.id}`)).status).toBe(404);
    expect((await owner.get(`${base}?register=risks`)).body.items[0]).toMatchObject({ name: 'Owner view' });
  });

  it('refuses a duplicate name with 409 naming the view, and bad input naming the field', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Bad Views Org');
    const base = `/api/orgs/${orgId}/saved-views`;
    await owner.post(base, { register: 'risks', name: 'Open', state });
    const dup = await owner.post(base, { register: 'risks', name: 'Open', state: {} });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('A view named "Open" already exists');
    const second = (await owner.post(base, { register: 'risks', name: 'Closed', state: {} })).body;
    const clash = await owner.patch(`${base}/${second.id}`, { version: 1, name: 'Open' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('CONFLICT');

    const cases: [unknown, string][] = [
      [{ register: 'risks', name: ' ', state }, 'Name is required'],
      [{ register: 'risks', name: 'x'.repeat(81), state }, 'Name must be at most 80 characters'],
      [{ register: 'pets', name: 'x', state }, 'Register must be one of: risks'],
      [{ register: 'risks', name: 'x', state: { order: 'up' } }, 'Order must be asc or desc'],
      [{ register: 'risks', name: 'x', state: { hidden: 'title' } }, 'Hidden columns must be a list'],
    ];
    for (const [body, message] of cases) {
      const res = await owner.post(base, body as Record<string, unknown>);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect((await owner.get(`${base}?register=pets`)).status).toBe(400);
    expect((await owner.patch(`${base}/${second.id}`, { name: 'No version' })).status).toBe(400);
  });
});
