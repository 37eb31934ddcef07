import { expect, it } from 'vitest';
import { describeEachDialect, validAiSystem } from './harness';
import { namesOnce, peopleOnceOrganization, rowsByIdOnly, strangersOf } from './people-once-support';

// People referenced once (issue 19) beyond risk and gap (people-once.test.ts): the AI system
// inventory, actions (the overview's open ones, your task list, a management review's), evidence and
// nonconformities name each owner by id on the row and once in a top-level `people`
// map holding exactly the people the answer references, never anyone of another organization.
// The registers of governance, documents and implementation: people-once-implementation.test.ts.

describeEachDialect('people referenced once in the registers', (ctx) => {
  const organization = (name: string) => peopleOnceOrganization(ctx(), name);

  it('names each AI system owner once in the inventory, a page of it, one system and its changes', async () => {
    const a = await organization('Inventory people A');
    const b = await organization('Inventory people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const system = async (name: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/ai-systems'), validAiSystem({ name, ownerId }));
        expect(res.status).toBe(201);
        return res;
      };
      const created = await system('A first', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await system('B first again', o.first.user!.id);
      await system('C second', o.second.user!.id);
      const unowned = await system('D nobody', null);
      expect(unowned.body.people).toEqual({});

      const list = await o.owner.get(o.url('/ai-systems'));
      namesOnce(list, [o.first, o.second], [...strangers, o.owner]);
      expect(list.body.items).toHaveLength(4);
      rowsByIdOnly(list.body.items, list.body.people);
      // A page names the owners of its own rows only.
      const page = await o.owner.get(o.url('/ai-systems?limit=2'));
      namesOnce(page, [o.first], [...strangers, o.second]);
      expect(page.body.nextCursor).not.toBeNull();

      const one = await o.owner.get(o.url(`/ai-systems/${created.body.id}`));
      namesOnce(one, [o.first], [...strangers, o.second]);
      expect(one.body.ownerId).toBe(o.first.user!.id);

      const changed = await o.owner.patch(o.url(`/ai-systems/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));
      expect(changed.body).not.toHaveProperty('owner');

      const bulk = await o.owner.post(o.url('/ai-systems/bulk'), {
        items: [
          validAiSystem({ name: 'E bulk', ownerId: o.second.user!.id }),
          validAiSystem({ name: 'F bulk', ownerId: o.second.user!.id }),
        ],
      });
      namesOnce(bulk, [o.second], [...strangers, o.first]);
      rowsByIdOnly(bulk.body.items, bulk.body.people);
    }
  });

  it('names each action owner once in the action list, one action, its changes and the overview', async () => {
    const a = await organization('Action people A');
    const b = await organization('Action people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const action = async (title: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/actions'), { title, ownerId, dueDate: '2099-01-31' });
        expect(res.status).toBe(201);
        return res;
      };
      const created = await action('First', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await action('First again', o.first.user!.id);
      await action('Second', o.second.user!.id);
      const unowned = await action('Nobody', null);
      expect(unowned.body.people).toEqual({});

      const list = await o.owner.get(o.url('/actions'));
      namesOnce(list, [o.first, o.second], [...strangers, o.owner]);
      expect(list.body.items).toHaveLength(4);
      rowsByIdOnly(list.body.items, list.body.people);
      // Filtered to one owner's actions: only that owner is named.
      const mine = await o.owner.get(o.url(`/actions?ownerId=${o.second.user!.id}`));
      namesOnce(mine, [o.second], [...strangers, o.first]);

      const one = await o.owner.get(o.url(`/actions/${created.body.id}`));
      namesOnce(one, [o.first], [...strangers, o.second]);
      const changed = await o.owner.patch(o.url(`/actions/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));

      const overview = await o.owner.get(o.url('/overview'));
      namesOnce(overview, [o.first, o.second, o.bystander], strangers.slice(1));
      rowsByIdOnly(overview.body.tasks.items, overview.body.people);
    }
  });

  it('names each evidence owner once in the register, one piece, its changes and attachments', async () => {
    const a = await organization('Evidence people A');
    const b = await organization('Evidence people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const evidence = async (title: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/evidence'), { title, url: 'https://wiki.example/e', ownerId });
        expect(res.status).toBe(201);
        return res;
      };
      const created = await evidence('First', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await evidence('First again', o.first.user!.id);
      await evidence('Second', o.second.user!.id);
      const unowned = await evidence('Nobody', null);
      expect(unowned.body.people).toEqual({});

      const register = await o.owner.get(o.url('/evidence'));
      namesOnce(register, [o.first, o.second], [...strangers, o.owner]);
      expect(register.body.items).toHaveLength(4);
      rowsByIdOnly(register.body.items, register.body.people);
      const filtered = await o.owner.get(o.url(`/evidence?ownerId=${o.second.user!.id}`));
      namesOnce(filtered, [o.second], [...strangers, o.first]);

      const detail = await o.owner.get(o.url(`/evidence/${created.body.id}`));
      namesOnce(detail, [o.first], [...strangers, o.second]);
      const attached = await o.owner.post(o.url(`/evidence/${created.body.id}/links`), {
        subjectType: 'control',
        subjectId: 'A.6.2.4',
      });
      namesOnce(attached, [o.first], [...strangers, o.second]);
      const revised = await o.owner.post(o.url(`/evidence/${created.body.id}/revisions`), {
        version: attached.body.version,
        url: 'https://wiki.example/e2',
      });
      namesOnce(revised, [o.first], [...strangers, o.second]);
      const changed = await o.owner.patch(o.url(`/evidence/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));
    }
  });

  it('names you once in your task list, however many tasks you have', async () => {
    const a = await organization('Task people A');
    for (const title of ['One', 'Two', 'Three'])
      expect(
        (await a.owner.post(a.url('/actions'), { title, ownerId: a.first.user!.id, dueDate: '2099-01-31' })).status,
      ).toBe(201);
    await a.owner.post(a.url('/actions'), { title: 'Not mine', ownerId: a.second.user!.id, dueDate: '2099-01-31' });
    const tasks = await a.first.get('/api/me/tasks?kind=action');
    namesOnce(tasks, [a.first], [a.second, a.bystander, a.owner]);
    expect(tasks.body.items).toHaveLength(3);
    rowsByIdOnly(tasks.body.items, tasks.body.people);
    // No task, no one named.
    expect((await a.bystander.get('/api/me/tasks')).body.people).toEqual({});
  });

  it('names nonconformity owners and their corrective actions’ owners once, and the export prints them', async () => {
    const a = await organization('NC people A');
    const b = await organization('NC people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const raise = async (title: string, ownerId: string) => {
        const res = await o.owner.post(o.url('/nonconformities'), {
          source: 'monitoring',
          title,
          grade: 'minor',
          ownerId,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res;
      };
      const first = await raise('First', o.first.user!.id);
      namesOnce(first, [o.first], [...strangers, o.second]);
      expect(first.body).not.toHaveProperty('owner');
      await raise('Second', o.second.user!.id);
      // The bystander owns two corrective actions of the first: named once in the answer.
      for (const title of ['Fix it', 'Check it'])
        expect(
          (
            await o.owner.post(o.url(`/nonconformities/${first.body.id}/actions`), {
              title,
              ownerId: o.bystander.user!.id,
              dueDate: '2099-01-31',
            })
          ).status,
        ).toBe(201);
      const one = await o.owner.get(o.url(`/nonconformities/${first.body.id}`));
      namesOnce(one, [o.first, o.bystander], strangers.slice(1));
      rowsByIdOnly(one.body.actions, one.body.people);

      const list = await o.owner.get(o.url('/nonconformities'));
      namesOnce(list, [o.first, o.second, o.bystander], strangers.slice(1));
      rowsByIdOnly(list.body.items, list.body.people);

      const csv = await o.owner.get(o.url('/nonconformities/export.csv'));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(o.first.user!.name);
      expect(csv.text).toContain(o.bystander.user!.name);
    }
  });

  it('names the owners of a management review’s actions once in the review', async () => {
    const a = await organization('Review people A');
    const b = await organization('Review people B');
    const review = await a.owner.post(a.url('/management-reviews'), {
      title: 'Review',
      meetingDate: '2099-01-15',
      attendeeIds: [a.owner.user!.id],
    });
    expect(review.status, review.text).toBe(201);
    expect(review.body.people).toEqual({});
    for (const title of ['Decide one', 'Decide two']) {
      const added = await a.owner.post(a.url(`/management-reviews/${review.body.id}/actions`), {
        title,
        ownerId: a.first.user!.id,
      });
      namesOnce(added, [a.first], [a.second, ...strangersOf(a, b)]);
    }
    const read = await a.owner.get(a.url(`/management-reviews/${review.body.id}`));
    namesOnce(read, [a.first], [a.second, ...strangersOf(a, b)]);
    expect(read.body.actions).toHaveLength(2);
    rowsByIdOnly(read.body.actions, read.body.people);
  });

  it('still prints each AI system owner in the CSV export', async () => {
    const a = await organization('Inventory people export');
    await a.owner.post(a.url('/ai-systems'), validAiSystem({ name: 'Exported', ownerId: a.second.user!.id }));
    const csv = await a.owner.get(a.url('/ai-systems/export.csv'));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(a.second.user!.email);
  });
});
