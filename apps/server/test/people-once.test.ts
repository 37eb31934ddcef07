import { expect, it } from 'vitest';
import { addMember, describeEachDialect, newOrgOwner } from './harness';
import { namesOnce, rowsByIdOnly, strangersOf } from './people-once-support';

// People referenced once (issue 19): the register, one risk, the plan, the dashboard, an assessment
// and its gap list name each owner by id on the row and once in a top-level `people` map, which holds
// exactly the people the answer references, never anyone of another organization.

describeEachDialect('people referenced once in risk and gap answers', (ctx) => {
  /** An organization with two risk owners, a member who owns nothing, and risks and answers they own. */
  const organization = async (name: string) => {
    const { owner, orgId } = await newOrgOwner(ctx(), name);
    const first = await addMember(ctx(), owner, orgId, 'contributor');
    const second = await addMember(ctx(), owner, orgId, 'contributor');
    const bystander = await addMember(ctx(), owner, orgId, 'approver');
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const risk = async (title: string, ownerId: string | null) => {
      // Unrated, so every one of them is on the dashboard's lists and in the plan.
      const res = await owner.post(url('/risks'), { title, source: 'C.3.4', ownerId });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number };
    };
    const risks = [
      await risk(`${name} one`, first.user!.id),
      await risk(`${name} two`, first.user!.id),
      await risk(`${name} three`, second.user!.id),
      await risk(`${name} four`, null),
    ];
    const assessment = (await owner.post(url('/gap-assessments'), { name: `${name} assessment` })).body as {
      id: string;
    };
    const answer = async (ref: string, ownerId: string) =>
      expect(
        (await owner.patch(url(`/gap-assessments/${assessment.id}/items/${ref}`), { version: 1, ownerId })).status,
      ).toBe(200);
    await answer('4.1', first.user!.id);
    await answer('4.2', first.user!.id);
    await answer('A.6.2.4', second.user!.id);
    return { owner, orgId, url, first, second, bystander, risks, assessment };
  };

  it('names each risk owner once in the register, one risk, the plan and the dashboard', async () => {
    const a = await organization('People A');
    const b = await organization('People B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const register = await o.owner.get(o.url('/risks'));
      namesOnce(register, [o.first, o.second], [...strangers, o.owner]);
      expect(register.body.items).toHaveLength(4);
      rowsByIdOnly(register.body.items, register.body.people);

      const one = await o.owner.get(o.url(`/risks/${o.risks[2]!.id}`));
      namesOnce(one, [o.second], [...strangers, o.first]);
      expect(one.body).not.toHaveProperty('owner');
      expect(one.body.ownerId).toBe(o.second.user!.id);
      // A risk without an owner names no one.
      expect((await o.owner.get(o.url(`/risks/${o.risks[3]!.id}`))).body.people).toEqual({});

      const plan = await o.owner.get(o.url('/risk-treatment-plan'));
      namesOnce(plan, [o.first, o.second], strangers);
      rowsByIdOnly(plan.body.risks, plan.body.people);

      const dashboard = await o.owner.get(o.url('/risk-dashboard'));
      namesOnce(dashboard, [o.first, o.second], strangers);
      expect(dashboard.body.unrated).toHaveLength(4);
      rowsByIdOnly([...dashboard.body.unrated, ...dashboard.body.needsAttention], dashboard.body.people);
    }
  });

  it('names the owner a change gives a risk, and the owners of a filtered page only', async () => {
    const a = await organization('People C');
    const b = await organization('People D');
    const [, , , unowned] = a.risks;
    const changed = await a.owner.patch(a.url(`/risks/${unowned!.id}`), {
      version: unowned!.version,
      ownerId: a.bystander.user!.id,
    });
    namesOnce(changed, [a.bystander], strangersOf(a, b).slice(1));
    expect(changed.body).not.toHaveProperty('owner');
    // A page of one risk names its owner only, not the owners of the pages after it.
    const page = await a.owner.get(a.url('/risks?limit=1'));
    namesOnce(page, [a.first], [a.second, a.bystander]);
    expect(page.body.nextCursor).not.toBeNull();
  });

  it('names the owners of treatment actions and gap actions once, beside the other owners', async () => {
    const a = await organization('People G');
    const b = await organization('People H');
    const [one] = a.risks;
    // The bystander owns nothing but two actions: they are named once wherever those actions show.
    const action = (title: string) => ({ title, ownerId: a.bystander.user!.id, dueDate: '2099-01-31' });
    const treated = await a.owner.post(a.url(`/risks/${one!.id}/treatments`), {
      option: 'modify',
      controlRefs: ['A.6.2.4'],
      actions: [action('Retrain the model'), action('Review the data')],
    });
    expect(treated.status).toBe(201);
    namesOnce(treated, [a.bystander], strangersOf(a, b).slice(1));
    expect(treated.body.actions).toHaveLength(2);
    rowsByIdOnly(treated.body.actions, treated.body.people);

    const risk = await a.owner.get(a.url(`/risks/${one!.id}`));
    namesOnce(risk, [a.first, a.bystander], strangersOf(a, b).slice(1));
    rowsByIdOnly(risk.body.treatments[0].actions, risk.body.people);
    const register = await a.owner.get(a.url('/risks'));
    namesOnce(register, [a.first, a.bystander, a.second], strangersOf(a, b).slice(1));

    const base = a.url(`/gap-assessments/${a.assessment.id}`);
    const made = await a.owner.post(`${base}/actions`, { refs: ['4.1', '5.1'], ownerId: a.bystander.user!.id });
    expect(made.status).toBe(201);
    const gaps = await a.owner.get(`${base}/gaps`);
    namesOnce(gaps, [a.first, a.second, a.bystander], strangersOf(a, b).slice(1));
    const withActions = gaps.body.items.filter((g: { actions: unknown[] }) => g.actions.length > 0);
    expect(withActions).toHaveLength(2);
    rowsByIdOnly(
      withActions.flatMap((g: { actions: { ownerId: string | null }[] }) => g.actions),
      gaps.body.people,
    );
  });

  it('names each requirement owner once in an assessment, an answer and its gap list', async () => {
    const a = await organization('People E');
    const b = await organization('People F');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const base = o.url(`/gap-assessments/${o.assessment.id}`);
      const read = await o.owner.get(base);
      namesOnce(read, [o.first, o.second], [...strangers, o.owner]);
      expect(read.body.items).toHaveLength(70);
      rowsByIdOnly(read.body.items, read.body.people);

      const gaps = await o.owner.get(`${base}/gaps`);
      namesOnce(gaps, [o.first, o.second], strangers);
      rowsByIdOnly(gaps.body.items, gaps.body.people);

      const item = read.body.items.find((i: { ref: string }) => i.ref === '4.1');
      const answered = await o.owner.patch(`${base}/items/4.1`, { version: item.version, notes: 'Checked.' });
      namesOnce(answered, [o.first], [...strangers, o.second]);
      expect(answered.body).not.toHaveProperty('owner');
    }
    // A new assessment names no one yet.
    const fresh = await a.owner.post(a.url('/gap-assessments'), { name: 'Fresh' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.people).toEqual({});
  });
});
