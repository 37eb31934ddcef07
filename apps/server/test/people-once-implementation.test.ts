import { expect, it } from 'vitest';
import { describeEachDialect } from './harness';
import { namesOnce, peopleOnceOrganization, rowsByIdOnly, strangersOf } from './people-once-support';

// People referenced once (issue 19) in the registers of governance (the pillars), documentation (the
// documents, with their approver) and implementation (controls, objectives, metrics, suppliers, data
// sets): each answer names an owner by id on the row and once in a top-level `people` map holding
// exactly the people it references, never anyone of another organization; the exports print names.

describeEachDialect('people referenced once in governance, documents and implementation', (ctx) => {
  const organization = (name: string) => peopleOnceOrganization(ctx(), name);

  it('names each control owner once in the controls register, one control, its implementation and runs', async () => {
    const a = await organization('Control people A');
    const b = await organization('Control people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const implement = async (ref: string, ownerId: string | null) => {
        expect((await o.owner.patch(o.url(`/soa/items/${ref}`), { version: 0, included: true })).status).toBe(200);
        const res = await o.owner.put(o.url(`/controls/${ref}/implementation`), { version: 0, ownerId });
        expect(res.status, res.text).toBe(200);
        return res;
      };
      const first = await implement('A.6.2.4', o.first.user!.id);
      namesOnce(first, [o.first], [...strangers, o.second]);
      expect(first.body).not.toHaveProperty('owner');
      await implement('A.6.2.5', o.first.user!.id);
      await implement('A.7.4', o.second.user!.id);
      const unowned = await implement('A.9.2', null);
      expect(unowned.body.people).toEqual({});

      const register = await o.owner.get(o.url('/controls'));
      namesOnce(register, [o.first, o.second], [...strangers, o.owner]);
      expect(register.body.items).toHaveLength(4);
      rowsByIdOnly(register.body.items, register.body.people);
      const filtered = await o.owner.get(o.url(`/controls?ownerId=${o.second.user!.id}`));
      namesOnce(filtered, [o.second], [...strangers, o.first]);
      expect(filtered.body.items).toHaveLength(1);

      const one = await o.owner.get(o.url('/controls/A.6.2.4'));
      namesOnce(one, [o.first], [...strangers, o.second]);
      const ran = await o.owner.post(o.url('/controls/A.6.2.4/occurrences'), {
        performedOn: '2026-01-15',
        outcome: 'ok',
      });
      namesOnce(ran, [o.first], [...strangers, o.second]);
      const changed = await o.owner.put(o.url('/controls/A.9.2/implementation'), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));

      const csv = await o.owner.get(o.url('/controls/export.csv'));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(o.second.user!.name);
    }
  });

  it('names each document owner and approver once in the documents register and one document', async () => {
    const a = await organization('Document people A');
    const b = await organization('Document people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const write = async (typeId: string, ownerId: string, approverId?: string) => {
        const res = await o.owner.post(o.url('/documents'), { typeId, ownerId, ...(approverId ? { approverId } : {}) });
        expect(res.status, res.text).toBe(201);
        return res;
      };
      const policy = await write('ai-policy', o.first.user!.id, o.second.user!.id);
      namesOnce(policy, [o.first, o.second], [...strangers]);
      expect(policy.body).not.toHaveProperty('owner');
      expect(policy.body).not.toHaveProperty('approver');
      await write('communication-plan', o.first.user!.id, o.first.user!.id);
      await write('roles-responsibilities', o.bystander.user!.id);

      const register = await o.owner.get(o.url('/documents'));
      namesOnce(register, [o.first, o.second, o.bystander], strangers.slice(1));
      expect(register.body.items).toHaveLength(3);
      rowsByIdOnly(register.body.items, register.body.people);
      for (const d of register.body.items) expect(d).not.toHaveProperty('approver');

      const one = await o.owner.get(o.url(`/documents/${policy.body.id}`));
      namesOnce(one, [o.first, o.second], [...strangers]);

      // The master list still prints the owner's name.
      const master = await o.owner.get(o.url('/documented-information'));
      expect(master.text).toContain(o.first.user!.name);
    }
  });

  it('names each objective owner once in the objectives register, one objective, its changes and progress', async () => {
    const a = await organization('Objective people A');
    const b = await organization('Objective people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const objective = async (title: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/objectives'), { title, ownerId, target: 10 });
        expect(res.status, res.text).toBe(201);
        return res;
      };
      const created = await objective('First', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await objective('First again', o.first.user!.id);
      await objective('Second', o.second.user!.id);
      const unowned = await objective('Nobody', null);
      expect(unowned.body.people).toEqual({});

      const register = await o.owner.get(o.url('/objectives'));
      namesOnce(register, [o.first, o.second], [...strangers, o.owner]);
      expect(register.body.items).toHaveLength(4);
      rowsByIdOnly(register.body.items, register.body.people);
      const filtered = await o.owner.get(o.url(`/objectives?ownerId=${o.second.user!.id}`));
      namesOnce(filtered, [o.second], [...strangers, o.first]);

      const one = await o.owner.get(o.url(`/objectives/${created.body.id}`));
      namesOnce(one, [o.first], [...strangers, o.second]);
      const progressed = await o.owner.post(o.url(`/objectives/${created.body.id}/progress`), {
        onDate: '2026-01-15',
        value: 5,
      });
      namesOnce(progressed, [o.first], [...strangers, o.second]);
      const changed = await o.owner.patch(o.url(`/objectives/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));

      const csv = await o.owner.get(o.url('/objectives/export.csv'));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(o.second.user!.name);
    }
  });

  it('names each metric owner once in the metrics register, one metric, its changes and a measurement', async () => {
    const a = await organization('Metric people A');
    const b = await organization('Metric people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const metric = async (name: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/metrics'), { name, frequency: 'weekly', unit: '%', ownerId });
        expect(res.status, res.text).toBe(201);
        return res;
      };
      const created = await metric('First', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await metric('First again', o.first.user!.id);
      await metric('Second', o.second.user!.id);
      const unowned = await metric('Nobody', null);
      expect(unowned.body.people).toEqual({});

      const register = await o.owner.get(o.url('/metrics'));
      namesOnce(register, [o.first, o.second], [...strangers, o.owner]);
      expect(register.body.items).toHaveLength(4);
      rowsByIdOnly(register.body.items, register.body.people);
      const filtered = await o.owner.get(o.url(`/metrics?ownerId=${o.second.user!.id}`));
      namesOnce(filtered, [o.second], [...strangers, o.first]);

      const one = await o.owner.get(o.url(`/metrics/${created.body.id}`));
      namesOnce(one, [o.first], [...strangers, o.second]);
      const measured = await o.owner.post(o.url(`/metrics/${created.body.id}/measurements`), { value: 5 });
      namesOnce(measured, [o.first], [...strangers, o.second]);
      expect(measured.body.metric).not.toHaveProperty('owner');
      const changed = await o.owner.patch(o.url(`/metrics/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));

      const csv = await o.owner.get(o.url('/metrics/export.csv'));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(o.second.user!.name);
    }
  });

  it('names each supplier owner once in the supplier register, one supplier, its changes and reviews', async () => {
    const a = await organization('Supplier people A');
    const b = await organization('Supplier people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const supplier = async (name: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/suppliers'), { name, ownerId });
        expect(res.status, res.text).toBe(201);
        return res;
      };
      const created = await supplier('First', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await supplier('First again', o.first.user!.id);
      await supplier('Second', o.second.user!.id);
      const unowned = await supplier('Nobody', null);
      expect(unowned.body.people).toEqual({});

      const register = await o.owner.get(o.url('/suppliers'));
      namesOnce(register, [o.first, o.second], [...strangers, o.owner]);
      expect(register.body.items).toHaveLength(4);
      rowsByIdOnly(register.body.items, register.body.people);

      const one = await o.owner.get(o.url(`/suppliers/${created.body.id}`));
      namesOnce(one, [o.first], [...strangers, o.second]);
      const reviewed = await o.owner.post(o.url(`/suppliers/${created.body.id}/reviews`), {
        version: created.body.version,
        reviewedOn: '2026-01-15',
      });
      namesOnce(reviewed, [o.first], [...strangers, o.second]);
      const changed = await o.owner.patch(o.url(`/suppliers/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));

      const csv = await o.owner.get(o.url('/suppliers/export.csv'));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(o.second.user!.name);
    }
  });

  it('names each data set owner once in the data sets, one data set and its changes', async () => {
    const a = await organization('Data people A');
    const b = await organization('Data people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const dataSet = async (name: string, ownerId: string | null) => {
        const res = await o.owner.post(o.url('/data-sets'), { name, ownerId });
        expect(res.status, res.text).toBe(201);
        return res;
      };
      const created = await dataSet('First', o.first.user!.id);
      namesOnce(created, [o.first], [...strangers, o.second]);
      expect(created.body).not.toHaveProperty('owner');
      await dataSet('First again', o.first.user!.id);
      await dataSet('Second', o.second.user!.id);
      const unowned = await dataSet('Nobody', null);
      expect(unowned.body.people).toEqual({});

      const list = await o.owner.get(o.url('/data-sets'));
      namesOnce(list, [o.first, o.second], [...strangers, o.owner]);
      expect(list.body.items).toHaveLength(4);
      rowsByIdOnly(list.body.items, list.body.people);

      const one = await o.owner.get(o.url(`/data-sets/${created.body.id}`));
      namesOnce(one, [o.first], [...strangers, o.second]);
      const changed = await o.owner.patch(o.url(`/data-sets/${unowned.body.id}`), {
        version: unowned.body.version,
        ownerId: o.bystander.user!.id,
      });
      namesOnce(changed, [o.bystander], strangers.slice(1));

      const csv = await o.owner.get(o.url('/data-sets/export.csv'));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(o.second.user!.name);
    }
  });

  it('names each governance pillar owner once in the pillars and a pillar changed', async () => {
    const a = await organization('Pillar people A');
    const b = await organization('Pillar people B');
    for (const [o, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const strangers = strangersOf(o, other);
      const own = async (pillar: string, ownerId: string) => {
        const res = await o.owner.patch(o.url(`/governance/${pillar}`), { version: 0, ownerId });
        expect(res.status, res.text).toBe(200);
        return res;
      };
      const changed = await own('risk_management', o.first.user!.id);
      namesOnce(changed, [o.first], [...strangers, o.second]);
      expect(changed.body).not.toHaveProperty('owner');
      await own('data_governance', o.first.user!.id);
      await own('transparency_explainability', o.second.user!.id);

      const pillars = await o.owner.get(o.url('/governance'));
      namesOnce(pillars, [o.first, o.second], [...strangers, o.owner]);
      rowsByIdOnly(pillars.body.items, pillars.body.people);
    }
  });
});
