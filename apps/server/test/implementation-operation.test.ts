import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { dueItemsOf } from '../src/modules/tasks/providers';
import { addMember, Client, describeEachDialect, newOrgOwner, otherInstance } from './harness';
import { upload } from './files';

// Issue 12, the last parts of step 4b in operation, over HTTP on both dialects: a measurement
// pushed twice counts once (idempotency key, or the same time), a metric's measurements are its
// objective's progress, and evidence renewals are due items in "my tasks", each person's list read
// for that person only.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const csv = (text: string) => Buffer.from(text, 'utf8');

const measurementToken = async (c: Client) => {
  const res = await c.post('/api/tokens', { name: 'pipeline', scope: 'measurements' });
  expect(res.status, res.text).toBe(201);
  return new Client(c.server, { bearer: res.body.token }, c.user);
};

describeEachDialect('implementation in operation: dedupe, objective progress, evidence renewals', (ctx) => {
  let other: Server | undefined;
  const elsewhere = (c: Client) => (other ? new Client(other, c.auth, c.user) : c);
  beforeAll(async () => {
    if (ctx().dialect === 'postgres') other = await otherInstance(ctx());
  });
  afterAll(async () => {
    await other?.close();
  });

  it('counts a retried push once: same idempotency key (body or header) or same time and value; another value is a conflict', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Dedupe Org');
    const m = (
      await owner.post(`/api/orgs/${orgId}/metrics`, {
        name: 'Drift score',
        frequency: 'daily',
        upperThreshold: 0.2,
        ownerId: owner.user!.id,
      })
    ).body;
    const url = `/api/orgs/${orgId}/metrics/${m.id}/measurements`;
    const pipeline = await measurementToken(owner);

    const first = await pipeline.post(url, { value: 0.5, idempotencyKey: 'run-1' });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, breach: 'open' });
    const again = await pipeline.post(url, { value: 0.5, idempotencyKey: 'run-1' });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({
      duplicate: true,
      breach: 'none',
      measurement: { id: first.body.measurement.id },
    });
    const viaHeader = await pipeline.request('POST', url, { value: 0.5 }, { 'idempotency-key': 'run-1' });
    expect(viaHeader.status, viaHeader.text).toBe(200);
    expect(viaHeader.body.duplicate).toBe(true);
    const otherValue = await pipeline.post(url, { value: 0.6, idempotencyKey: 'run-1' });
    expect(otherValue.status).toBe(409);
    expect(otherValue.body.error.message).toMatch(/already has a measurement with the idempotency key "run-1"/);

    const at = '2027-01-01T10:00:00Z';
    expect((await pipeline.post(url, { value: 0.1, at })).status).toBe(201);
    const sameAt = await pipeline.post(url, { value: 0.1, at: '2027-01-01T11:00:00+01:00' });
    expect(sameAt.status, sameAt.text).toBe(200);
    expect(sameAt.body.duplicate).toBe(true);
    const clash = await pipeline.post(url, { value: 0.3, at });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/at 2027-01-01T10:00:00.000Z with the value 0.1/);

    // Parallel retries of one push, on two instances when on PostgreSQL: one measurement.
    const retries = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? elsewhere(pipeline) : pipeline).post(url, { value: 0.05, idempotencyKey: 'run-2' }),
      ),
    );
    expect(retries.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);

    const items = (await owner.get(url)).body.items as { value: number }[];
    expect(items.map((i) => i.value).sort()).toEqual([0.05, 0.1, 0.5]);
    // One breach action, not one per retry.
    expect((await owner.get(`/api/orgs/${orgId}/actions?sourceType=metric_breach`)).body.items).toHaveLength(1);

    // A file imported twice adds nothing the second time; a row that contradicts a stored value is refused.
    const importUrl = `${url}/import`;
    const file = csv('at,value\n2027-02-01,0.1\n2027-02-02,0.15\n2027-02-02,0.15\n');
    const once = await upload(owner, importUrl, file, { fileName: 'm.csv' });
    expect(once.status, once.text).toBe(200);
    expect(once.body).toMatchObject({ count: 2, skipped: 1 });
    const twice = await upload(owner, importUrl, file, { fileName: 'm.csv' });
    expect(twice.body).toMatchObject({ count: 0, skipped: 3, breach: 'none' });
    const contradicts = await upload(owner, importUrl, csv('at,value\n2027-02-01,0.9\n'), { fileName: 'm.csv' });
    expect(contradicts.status).toBe(422);
    expect(contradicts.body.error.details.issues).toEqual([
      { line: 2, field: 'value', message: 'M-1 already has 0.1 at 2027-02-01T00:00:00.000Z (one value per time)' },
    ]);
    expect((await owner.get(url)).body.items).toHaveLength(5);
  });

  it("records a metric's measurements as its objective's progress", async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Progress Org');
    const objective = (
      await owner.post(`/api/orgs/${orgId}/objectives`, {
        title: 'Raise scoring fairness',
        measure: 'Demographic parity ratio',
        unit: 'ratio',
        baseline: 0.7,
        target: 0.9,
      })
    ).body;
    const m = (
      await owner.post(`/api/orgs/${orgId}/metrics`, {
        name: 'Parity ratio',
        frequency: 'monthly',
        lowerThreshold: 0.6,
        objectiveId: objective.id,
      })
    ).body;
    const url = `/api/orgs/${orgId}/metrics/${m.id}/measurements`;
    expect((await owner.post(url, { value: 0.75, at: '2027-01-31', note: 'January' })).status).toBe(201);
    expect((await owner.post(url, { value: 0.75, at: '2027-01-31', note: 'January' })).status).toBe(200);
    await upload(owner, `${url}/import`, csv('at,value\n2027-02-28,0.8\n'), { fileName: 'm.csv' });

    const read = (await owner.get(`/api/orgs/${orgId}/objectives/${objective.id}`)).body;
    expect(read).toMatchObject({ latestValue: 0.8, latestOn: '2027-02-28', progressPercent: 50 });
    expect(
      read.progress.map((p: { onDate: string; value: number; note: string }) => [p.onDate, p.value, p.note]),
    ).toEqual([
      ['2027-01-31', 0.75, 'M-1 Parity ratio: January'],
      ['2027-02-28', 0.8, 'M-1 Parity ratio'],
    ]);
    const history = await owner.get(`/api/orgs/${orgId}/audit-events?entityType=objective&entityId=${objective.id}`);
    expect(
      history.body.items.filter((e: { action: string }) => e.action === 'objective.progress_recorded'),
    ).toHaveLength(2);
  });

  it("lists evidence to renew in its owner's tasks (expiring or expired), and each person's list is their own", async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Renewals Org');
    const member = await addMember(ctx(), owner, orgId, 'contributor');
    const add = async (title: string, expiresOn: string | null, ownerId: string) => {
      const res = await owner.post(`/api/orgs/${orgId}/evidence`, {
        title,
        url: 'https://wiki.example/e',
        ownerId,
        expiresOn,
      });
      expect(res.status, res.text).toBe(201);
      return res.body as { id: string; reference: string; version: number };
    };
    const expired = await add('Pen test report', day(-2), member.user!.id);
    const expiring = await add('Access review', day(10), member.user!.id);
    await add('Policy sign-off', day(90), member.user!.id);
    await add('No date', null, member.user!.id);
    await add("The owner's", day(5), owner.user!.id);

    const mine = (await member.get('/api/me/tasks?kind=evidence_review')).body;
    expect(
      mine.items.map((t: { title: string; dueState: string; href: string }) => [t.title, t.dueState, t.href]),
    ).toEqual([
      [
        `Renew ${expired.reference} Pen test report (expired ${day(-2)})`,
        'overdue',
        `/orgs/${orgId}/evidence/${expired.id}`,
      ],
      [
        `Renew ${expiring.reference} Access review (expiring ${day(10)})`,
        'later',
        `/orgs/${orgId}/evidence/${expiring.id}`,
      ],
    ]);
    expect((await owner.get('/api/me/tasks?kind=evidence_review')).body.items).toHaveLength(1);

    // Renewed (a later date): off the list.
    const renewed = await owner.patch(`/api/orgs/${orgId}/evidence/${expired.id}`, {
      version: expired.version,
      expiresOn: day(365),
    });
    expect(renewed.status, renewed.text).toBe(200);
    expect((await member.get('/api/me/tasks?kind=evidence_review')).body.items).toHaveLength(1);

    // The providers filtered by assignee give exactly the unfiltered list's items of that person.
    const db = ctx().handle.db;
    const all = await dueItemsOf(db, orgId);
    for (const who of [member.user!.id, owner.user!.id]) {
      const sorted = (l: { kind: string; id: string }[]) => l.map((i) => `${i.kind}:${i.id}`).sort();
      expect(sorted(await dueItemsOf(db, orgId, undefined, who))).toEqual(
        sorted(all.filter((i) => i.assigneeUserId === who)),
      );
    }
  });
});
