import { beforeAll, expect, it } from 'vitest';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

type Item = { ref: string; version: number; result: string | null; status: string; documentation: boolean; id: string };

describeEachDialect('gap analysis', (ctx) => {
  let owner: Client;
  let orgId: string;
  let base: string;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Gap Org'));
    base = `/api/orgs/${orgId}/gap-assessments`;
  });

  const create = async (name = 'Initial assessment') => {
    const res = await owner.post(base, { name });
    expect(res.status).toBe(201);
    return res.body as { id: string; items: Item[] };
  };
  const answer = async (id: string, ref: string, body: Record<string, unknown>) => {
    const item = ((await owner.get(`${base}/${id}`)).body.items as Item[]).find((i) => i.ref === ref)!;
    return owner.patch(`${base}/${id}/items/${ref}`, { version: item.version, ...body });
  };

  it('creates an assessment with one unanswered item per assessable requirement (70), in catalogue order', async () => {
    const a = await create();
    expect(a.items).toHaveLength(70);
    expect(a.items[0]).toMatchObject({
      ref: '4.1',
      title: 'Understanding the organization and its context',
      section: '4',
      status: 'not_started',
      result: null,
      maturity: null,
      version: 1,
    });
    expect(a.items[32]).toMatchObject({ ref: 'A.2.2', section: 'A.2' });
    expect(a.items.at(-1)!.ref).toBe('A.10.4');
    const scores = await owner.get(`${base}/${a.id}/scores`);
    expect(scores.body).toMatchObject({ overall: 0, clauses: 0, annexA: 0, counts: { total: 70, unanswered: 70 } });
    expect(scores.body.formula).toContain('0.5');
    expect(Object.keys(scores.body.byClause)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });

  it('answers an item, with optimistic locking, and the scores follow', async () => {
    const a = await create();
    const res = await answer(a.id, '4.1', {
      result: 'conformant',
      maturity: 3,
      notes: 'Context analysis reviewed yearly.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'conformant', maturity: 3, status: 'in_progress', version: 2 });
    const stale = await owner.patch(`${base}/${a.id}/items/4.1`, { version: 1, result: 'nonconformant' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    await answer(a.id, '4.2', { result: 'partially_conformant' });
    const scores = (await owner.get(`${base}/${a.id}/scores`)).body;
    expect(scores.byClause['4']).toBe(37.5); // (1 + 0.5 + 0 + 0) / 4
    expect(scores.overall).toBe(2.1); // 1.5 / 70
    expect(scores.maturity.overall).toBe(3);
    const events = await owner.get(`/api/orgs/${orgId}/audit-events?limit=5`);
    expect(events.body.items[0]).toMatchObject({
      action: 'gap_item.updated',
      before: { ref: '4.2', result: null },
      after: { ref: '4.2', result: 'partially_conformant' },
    });
  });

  it('allows not applicable only on Annex A controls, with a justification (422 otherwise)', async () => {
    const a = await create();
    const clause = await answer(a.id, '6.1.2', { result: 'not_applicable', justification: 'We do not do risk.' });
    expect(clause.status).toBe(422);
    expect(clause.body.error.message).toContain('cannot be marked not applicable');
    const noReason = await answer(a.id, 'A.10.4', { result: 'not_applicable' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details.field).toBe('result');
    const ok = await answer(a.id, 'A.10.4', {
      result: 'not_applicable',
      justification: 'Internal use only: we have no customers for AI.',
    });
    expect(ok.status).toBe(200);
    const clearing = await answer(a.id, 'A.10.4', { justification: '' });
    expect(clearing.status).toBe(422);
    expect(clearing.body.error.details.field).toBe('justification');
    const scores = (await owner.get(`${base}/${a.id}/scores`)).body;
    expect(scores.counts.notApplicable).toBe(1);
    expect(scores.counts.applicable).toBe(69);
  });

  it('validates the rest of an answer with a clear message', async () => {
    const a = await create();
    const before = (await owner.get(`${base}/${a.id}`)).body.items.find((i: Item) => i.ref === '5.2') as Item;
    // 400: the request is malformed; 422: well formed, but it names something this organization lacks.
    const bad = async (body: Record<string, unknown>, status: 400 | 422, text: string) => {
      const res = await answer(a.id, '5.2', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(JSON.stringify(res.body.error)).toContain(text);
    };
    await bad({ result: 'mostly' }, 400, 'Result must be one of');
    await bad({ maturity: 7 }, 400, 'Maturity must be at most 5');
    await bad({ targetDate: '31/12/2027' }, 400, 'Target date must be a real date');
    await bad({ evidenceLinks: ['not a url'] }, 400, 'full URL');
    await bad({ ownerId: 'nobody' }, 422, 'current member');
    await bad({ aiSystemIds: ['nope'] }, 422, 'Unknown AI system');
    await bad({ colour: 'red' }, 400, 'colour');
    // Nothing of the refused answers was kept.
    expect((await owner.get(`${base}/${a.id}`)).body.items.find((i: Item) => i.ref === '5.2')).toEqual(before);
    expect((await owner.patch(`${base}/${a.id}/items/A.11.1`, { version: 1 })).status).toBe(404);
  });

  it('links AI systems, an owner, a target date and evidence links', async () => {
    const a = await create();
    const sys = await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: 'Gap-linked system' }));
    const res = await answer(a.id, 'A.6.2.4', {
      aiSystemIds: [sys.body.id],
      ownerId: owner.user!.id,
      targetDate: '2027-03-31',
      evidenceLinks: ['https://wiki.example.com/test-plan'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      aiSystemIds: [sys.body.id],
      ownerId: owner.user!.id,
      targetDate: '2027-03-31',
      evidenceLinks: ['https://wiki.example.com/test-plan'],
    });
    // The owner is named once, beside the item, not inside it.
    expect(res.body).not.toHaveProperty('owner');
    expect(res.body.people).toEqual({ [owner.user!.id]: owner.user });
  });

  it("lists gaps in order and turns them into actions on the owner's task list", async () => {
    const a = await create();
    await answer(a.id, '4.3', { result: 'conformant' });
    await answer(a.id, 'A.2.3', { result: 'not_applicable', justification: 'No other policies exist yet.' });
    const gaps = (await owner.get(`${base}/${a.id}/gaps`)).body.items as Item[];
    expect(gaps).toHaveLength(68);
    const firstAnnex = gaps.findIndex((g) => g.ref.startsWith('A.'));
    expect(gaps.slice(0, firstAnnex).every((g) => g.documentation)).toBe(true);
    expect(gaps.map((g) => g.ref)).not.toContain('4.3');
    expect(gaps[0]!.ref).toBe('4.4');

    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    const made = await owner.post(`${base}/${a.id}/actions`, {
      refs: ['4.4', '6.1.2'],
      ownerId: contributor.user!.id,
      dueDate: '2027-01-31',
    });
    expect(made.status).toBe(201);
    expect(made.body.items.map((x: { title: string }) => x.title)).toEqual([
      'Close the gap on 4.4 AI management system',
      'Close the gap on 6.1.2 AI risk assessment',
    ]);
    const after = (await owner.get(`${base}/${a.id}/gaps`)).body.items as (Item & { actions: unknown[] })[];
    expect(after.find((g) => g.ref === '4.4')!.actions).toHaveLength(1);
    const tasks = await contributor.get('/api/me/tasks');
    // Both are due the same day: the task list breaks that tie by id, which is random, so compare by ref.
    expect(
      tasks.body.items
        .map((t: { sourceRef: string; organizationName: string }) => [t.sourceRef, t.organizationName])
        .sort((x: string[], y: string[]) => x[0]!.localeCompare(y[0]!)),
    ).toEqual([
      ['4.4', 'Gap Org'],
      ['6.1.2', 'Gap Org'],
    ]);
    const mine = await contributor.get(`/api/orgs/${orgId}/actions?ownerId=me`);
    expect(mine.body.items).toHaveLength(2);
    const done = await contributor.patch(`/api/orgs/${orgId}/actions/${mine.body.items[0].id}`, {
      version: 1,
      status: 'done',
    });
    expect(done.status).toBe(200);
    expect((await contributor.get('/api/me/tasks')).body.items).toHaveLength(1);

    const notGap = await owner.post(`${base}/${a.id}/actions`, { refs: ['4.3'] });
    expect(notGap.status).toBe(422);
    expect(notGap.body.error.message).toContain('Not gaps');
  });

  it('freezes a snapshot, compares it with later work, and charts progress', async () => {
    const a = await create('Progress');
    await answer(a.id, '4.1', { result: 'partially_conformant' });
    await answer(a.id, '4.2', { result: 'conformant' });
    const snap = await owner.post(`${base}/${a.id}/snapshots`, { name: 'Baseline' });
    expect(snap.status).toBe(201);
    expect(snap.body).toMatchObject({ kind: 'snapshot', sourceId: a.id, name: 'Baseline' });
    const frozen = await owner.patch(`${base}/${snap.body.id}/items/4.1`, { version: 2, result: 'conformant' });
    expect(frozen.status).toBe(422);
    expect(frozen.body.error.message).toContain('is a snapshot');

    await answer(a.id, '4.1', { result: 'conformant' });
    await answer(a.id, '4.2', { result: 'nonconformant' });
    await answer(a.id, 'A.3.3', {
      result: 'not_applicable',
      justification: 'Covered by the group whistleblowing line.',
    });
    const cmp = await owner.get(`${base}/${a.id}/compare?with=${snap.body.id}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.counts).toEqual({ improved: 1, regressed: 1, unchanged: 67, changed: 1 });
    expect(cmp.body.items.find((i: { ref: string }) => i.ref === '4.1')).toMatchObject({
      before: 'partially_conformant',
      after: 'conformant',
      change: 'improved',
    });
    expect(cmp.body.scores.byClause['4']).toEqual({ before: 37.5, after: 25, delta: -12.5 });

    const prog = await owner.get(`${base}/progress`);
    const mine = prog.body.items.filter((p: { id: string }) => [a.id, snap.body.id].includes(p.id));
    expect(mine.map((p: { name: string }) => p.name)).toEqual(['Baseline', 'Progress']);
    expect((await owner.get(`${base}/${a.id}/compare`)).status).toBe(400);
  });

  it('lets a viewer read but not answer, and hides another organization behind 404', async () => {
    const a = await create();
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await viewer.get(`${base}/${a.id}`)).status).toBe(200);
    expect((await viewer.patch(`${base}/${a.id}/items/4.1`, { version: 1, result: 'conformant' })).status).toBe(403);
    const other = await newOrgOwner(ctx(), 'Other Gap Org');
    expect((await other.owner.get(`${base}/${a.id}`)).status).toBe(404);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/gap-assessments/${a.id}`)).status).toBe(404);
    expect(
      (
        await other.owner.patch(`/api/orgs/${other.orgId}/gap-assessments/${a.id}/items/4.1`, {
          version: 1,
          result: 'conformant',
        })
      ).status,
    ).toBe(404);
  });

  it('renames and deletes an assessment, keeping its answers in the audit trail', async () => {
    const a = await create('To delete');
    const renamed = await owner.patch(`${base}/${a.id}`, { version: 1, name: 'Renamed' });
    expect(renamed.body).toMatchObject({ name: 'Renamed', version: 2 });
    expect((await owner.delete(`${base}/${a.id}`)).status).toBe(204);
    expect((await owner.get(`${base}/${a.id}`)).status).toBe(404);
    const events = await owner.get(`/api/orgs/${orgId}/audit-events?limit=1`);
    expect(events.body.items[0]).toMatchObject({ action: 'gap_assessment.deleted', entityId: a.id });
    expect(events.body.items[0].before.items).toHaveLength(70);
  });
});
