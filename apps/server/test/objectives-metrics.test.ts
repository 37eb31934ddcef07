import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { dueItems as objectivesDue } from '../src/modules/objectives/due';
import { dueItems as metricsDue } from '../src/modules/metrics/due';
import { addMember, Client, describeEachDialect, newOrgOwner, otherInstance, validAiSystem } from './harness';
import { download, sheetRows, upload } from './files';

// AI objectives (6.2) and monitoring (9.1) over HTTP on both dialects: the register rules, the
// measurement token, the breach rule (one action per episode, also under parallel pushes on two
// instances sharing PostgreSQL), CSV import, exports, due items and tenant isolation.

const measurementToken = async (c: Client) => {
  const res = await c.post('/api/tokens', { name: 'pipeline', scope: 'measurements' });
  expect(res.status, res.text).toBe(201);
  expect(res.body.scope).toBe('measurements');
  return new Client(c.server, { bearer: res.body.token }, c.user);
};
const csv = (text: string) => Buffer.from(text, 'utf8');

describeEachDialect('AI objectives and monitoring', (ctx) => {
  let other: Server | undefined;
  const elsewhere = (c: Client) => (other ? new Client(other, c.auth, c.user) : c);
  beforeAll(async () => {
    if (ctx().dialect === 'postgres') other = await otherInstance(ctx());
  });
  afterAll(async () => {
    await other?.close();
  });

  it('documents the routes in OpenAPI', async () => {
    const { owner } = await newOrgOwner(ctx(), 'OpenAPI Org');
    const doc = (await owner.get('/api/openapi.json')).body;
    for (const p of [
      '/api/orgs/{orgId}/objectives/{id}/progress',
      '/api/orgs/{orgId}/metrics/{id}/measurements',
      '/api/orgs/{orgId}/metrics/{id}/measurements/import',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });

  it('keeps an objective with its plan and charts its progress from baseline to target', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Objectives Org');
    const base = `/api/orgs/${orgId}/objectives`;
    const created = await owner.post(base, {
      title: 'Raise scoring fairness',
      measure: 'Demographic parity ratio of approvals',
      unit: 'ratio',
      baseline: 0.7,
      target: 0.9,
      ownerId: owner.user!.id,
      resources: 'Two data scientists, one quarter',
      dueDate: '2027-12-31',
      evaluation: 'Quarterly fairness report reviewed by the AI committee',
      annexCRef: 'C.2.5',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      ref: 'OBJ-1',
      status: 'planned',
      progressPercent: null,
      ownerId: owner.user!.id,
      people: { [owner.user!.id]: { id: owner.user!.id, email: owner.user!.email } },
    });
    const id = created.body.id as string;
    expect((await owner.post(`${base}/${id}/progress`, { onDate: '2027-03-31', value: 0.75, note: 'Q1' })).status).toBe(
      201,
    );
    const after = await owner.post(`${base}/${id}/progress`, { onDate: '2027-06-30', value: 0.8 });
    expect(after.body).toMatchObject({ latestValue: 0.8, latestOn: '2027-06-30', progressPercent: 50 });
    expect(after.body.progress.map((p: { value: number }) => p.value)).toEqual([0.75, 0.8]);

    const stale = await owner.patch(`${base}/${id}`, { version: 0, status: 'in_progress' });
    expect(stale.status).toBe(409);
    const moved = await owner.patch(`${base}/${id}`, { version: 1, status: 'in_progress' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ status: 'in_progress', target: 0.9, annexCRef: 'C.2.5' });

    const bad = await owner.post(base, { title: 'X', annexCRef: 'C.9', dueDate: '2027-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Annex C objective must be one of/);
    expect(bad.text).toMatch(/Due date must be a real date/);

    const history = await owner.get(`/api/orgs/${orgId}/audit-events?entityType=objective&entityId=${id}`);
    expect(history.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'objective.created',
      'objective.progress_recorded',
      'objective.progress_recorded',
      'objective.updated',
    ]);

    const due = await objectivesDue(ctx().handle.db, orgId);
    expect(due).toEqual([
      {
        kind: 'objective',
        id,
        title: 'OBJ-1 Raise scoring fairness',
        dueOn: '2027-12-31',
        assigneeUserId: owner.user!.id,
        href: `/orgs/${orgId}/objectives/${id}`,
      },
    ]);
    await owner.patch(`${base}/${id}`, { version: 2, status: 'achieved' });
    expect(await objectivesDue(ctx().handle.db, orgId)).toEqual([]);

    const file = await download(owner, `${base}/export.xlsx`);
    expect(file.status).toBe(200);
    const rows = await sheetRows(file.bytes);
    expect(rows[0]).toContain('How results are evaluated');
    expect(rows[1]!.slice(0, 3)).toEqual(['OBJ-1', 'Raise scoring fairness', 'C.2.5']);
    expect((await owner.get(`${base}/export.csv`)).text.split('\n')[1]).toMatch(
      /^OBJ-1,Raise scoring fairness,C\.2\.5,/,
    );
  });

  it('opens one action per breach episode: out of threshold opens it, back within ends it', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Breach Org');
    const aiSystemId = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem())).body.id as string;
    const metric = await owner.post(`/api/orgs/${orgId}/metrics`, {
      name: 'Model accuracy',
      frequency: 'weekly',
      unit: '%',
      target: 95,
      lowerThreshold: 90,
      upperThreshold: null,
      ownerId: owner.user!.id,
      aiSystemId,
      controlRef: 'A.6.2.6',
    });
    expect(metric.status, metric.text).toBe(201);
    expect(metric.body).toMatchObject({ ref: 'M-1', latest: null, openBreach: null, aiSystem: { id: aiSystemId } });
    const pipeline = await measurementToken(owner);
    const push = (value: number, at: string) =>
      pipeline.post(`/api/orgs/${orgId}/metrics/M-1/measurements`, { value, at });
    const breachActions = async () =>
      (await owner.get(`/api/orgs/${orgId}/actions?sourceType=metric_breach`)).body.items as {
        title: string;
        ownerId: string;
        sourceRef: string;
      }[];

    expect((await push(93, '2027-01-07')).body.breach).toBe('none');
    const opened = await push(88.5, '2027-01-14');
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({
      breach: 'open',
      measurement: { source: 'api', state: 'below' },
      metric: { openBreach: { state: 'below', openingValue: 88.5 } },
    });
    expect((await push(87, '2027-01-21')).body.breach).toBe('none');
    // A back-filled value inside the thresholds does not end the episode: only the newest speaks for now.
    expect((await push(99, '2027-01-01')).body.breach).toBe('none');
    let actions = await breachActions();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ ownerId: owner.user!.id, sourceRef: 'M-1' });
    expect(actions[0]!.title).toBe('M-1 Model accuracy: 88.5 % is below the lower threshold (90 %)');
    expect((await owner.get('/api/me/tasks')).body.items.map((t: { sourceRef: string }) => t.sourceRef)).toContain(
      'M-1',
    );

    expect((await push(91, '2027-01-28')).body.breach).toBe('close');
    expect((await push(80, '2027-02-04')).body.breach).toBe('open');
    actions = await breachActions();
    expect(actions).toHaveLength(2);

    const list = await owner.get(`/api/orgs/${orgId}/metrics/${metric.body.id}/measurements`);
    expect(list.body.items.map((m: { value: number }) => m.value)).toEqual([99, 93, 88.5, 87, 91, 80]);
    expect(list.body.breaches.map((b: { closedAt: string | null }) => b.closedAt)).toEqual([
      '2027-01-28T00:00:00.000Z',
      null,
    ]);
    const history = (
      await owner.get(`/api/orgs/${orgId}/audit-events?entityType=metric&entityId=${metric.body.id}&limit=100`)
    ).body.items.map((e: { action: string }) => e.action);
    expect(history.filter((a: string) => a.startsWith('metric.breach'))).toHaveLength(3);

    // The measurements token records measurements and nothing else, whatever its user's role.
    expect((await pipeline.get(`/api/orgs/${orgId}/metrics`)).status).toBe(403);
    expect((await pipeline.post(`/api/orgs/${orgId}/actions`, { title: 'x' })).status).toBe(403);
    expect((await pipeline.get('/api/me')).status).toBe(403);

    const due = await metricsDue(ctx().handle.db, orgId);
    expect(due).toEqual([
      {
        kind: 'metric',
        id: metric.body.id,
        title: 'M-1 Model accuracy: next measurement',
        dueOn: '2027-02-11',
        assigneeUserId: owner.user!.id,
        href: `/orgs/${orgId}/metrics/${metric.body.id}`,
      },
    ]);

    const bad = await owner.post(`/api/orgs/${orgId}/metrics/M-1/measurements`, { value: 'high', at: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Value must be a number/);
    expect(bad.text).toMatch(/Measured at must be a date or a time/);
    expect(
      (await owner.post(`/api/orgs/${orgId}/metrics`, { name: 'Bad', lowerThreshold: 5, upperThreshold: 1 })).text,
    ).toMatch(/Lower threshold must not be above the upper threshold/);
    expect((await owner.post(`/api/orgs/${orgId}/metrics`, { name: 'Bad', controlRef: 'A.99' })).status).toBe(422);
    expect((await owner.delete(`/api/orgs/${orgId}/metrics/${metric.body.id}`)).status).toBe(422);

    const file = await download(owner, `/api/orgs/${orgId}/metrics/export.xlsx`);
    const rows = await sheetRows(file.bytes);
    expect(rows[1]!.slice(0, 2)).toEqual(['M-1', 'Model accuracy']);
    expect(rows[1]).toContain('below');
  });

  it('imports measurements from CSV: a dry run changes nothing, errors name the row, applying adds all and applies the breach rule', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Import Org');
    const m = (
      await owner.post(`/api/orgs/${orgId}/metrics`, {
        name: 'Complaints about AI decisions',
        frequency: 'monthly',
        upperThreshold: 10,
      })
    ).body;
    const url = `/api/orgs/${orgId}/metrics/${m.id}/measurements/import`;
    const good = csv('at,value,note\n2027-01-31,4,January\n2027-02-28,12,February spike\n2027-03-31,11,\n');
    const dry = await upload(owner, `${url}?dryRun=true`, good, { fileName: 'm.csv' });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true,
      count: 3,
      skipped: 0,
      first: '2027-01-31T00:00:00.000Z',
      last: '2027-03-31T00:00:00.000Z',
      outOfThreshold: 2,
      breach: 'none',
    });
    expect((await owner.get(`${url.replace('/import', '')}`)).body.items).toEqual([]);

    const broken = await upload(owner, url, csv('at,value\n2027-01-31,4\n2027-13-01,x\n'), { fileName: 'm.csv' });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('IMPORT_REJECTED');
    expect(
      broken.body.error.details.issues.map((i: { line: number; field: string }) => `${i.line}:${i.field}`),
    ).toEqual(['3:at', '3:value']);
    expect((await owner.get(`${url.replace('/import', '')}`)).body.items).toEqual([]);

    const applied = await upload(owner, url, good, { fileName: 'm.csv' });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body).toMatchObject({ dryRun: false, count: 3, breach: 'open' });
    expect((await owner.get(`/api/orgs/${orgId}/actions?sourceType=metric_breach`)).body.items).toHaveLength(1);
    expect(
      (await owner.get(`/api/orgs/${orgId}/metrics/${m.id}/measurements`)).body.items.map(
        (x: { source: string }) => x.source,
      ),
    ).toEqual(['import', 'import', 'import']);
  });

  it('opens exactly one action when many out-of-threshold measurements arrive at once (two instances on PostgreSQL)', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Parallel Org');
    const m = (
      await owner.post(`/api/orgs/${orgId}/metrics`, {
        name: 'Drift score',
        frequency: 'daily',
        upperThreshold: 0.2,
        ownerId: owner.user!.id,
      })
    ).body;
    const pipeline = await measurementToken(owner);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? elsewhere(pipeline) : pipeline).post(`/api/orgs/${orgId}/metrics/${m.id}/measurements`, {
          value: 0.5 + i / 100,
          at: new Date(Date.UTC(2027, 0, 1, 0, i)).toISOString(),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(16).fill(201));
    const actions = (await owner.get(`/api/orgs/${orgId}/actions?sourceType=metric_breach`)).body.items;
    expect(actions).toHaveLength(1);
    const breaches = (await owner.get(`/api/orgs/${orgId}/metrics/${m.id}/measurements`)).body.breaches;
    expect(breaches).toHaveLength(1);
    expect(results.filter((r) => r.body.breach === 'open')).toHaveLength(1);
  });

  it('keeps objectives, metrics and measurements of one organization from every other', async () => {
    const a = await newOrgOwner(ctx(), 'Tenant A');
    const b = await newOrgOwner(ctx(), 'Tenant B');
    const objective = (await a.owner.post(`/api/orgs/${a.orgId}/objectives`, { title: 'A only' })).body;
    const metric = (await a.owner.post(`/api/orgs/${a.orgId}/metrics`, { name: 'A only', upperThreshold: 1 })).body;
    // B's owner, on B's routes, naming A's records: not found.
    expect((await b.owner.get(`/api/orgs/${b.orgId}/objectives/${objective.id}`)).status).toBe(404);
    expect(
      (await b.owner.patch(`/api/orgs/${b.orgId}/objectives/${objective.id}`, { version: 1, title: 'taken' })).status,
    ).toBe(404);
    expect(
      (
        await b.owner.post(`/api/orgs/${b.orgId}/objectives/${objective.id}/progress`, {
          onDate: '2027-01-01',
          value: 1,
        })
      ).status,
    ).toBe(404);
    expect((await b.owner.get(`/api/orgs/${b.orgId}/metrics/${metric.id}`)).status).toBe(404);
    expect((await b.owner.post(`/api/orgs/${b.orgId}/metrics/${metric.id}/measurements`, { value: 5 })).status).toBe(
      404,
    );
    expect(
      (await b.owner.post(`/api/orgs/${b.orgId}/metrics`, { name: 'Link', objectiveId: objective.id })).status,
    ).toBe(422);
    // B's owner on A's routes: the organization does not exist for them; so for B's measurement token.
    expect((await b.owner.get(`/api/orgs/${a.orgId}/metrics`)).status).toBe(404);
    const bPipeline = await measurementToken(b.owner);
    expect((await bPipeline.post(`/api/orgs/${a.orgId}/metrics/M-1/measurements`, { value: 5 })).status).toBe(404);
    expect((await b.owner.get(`/api/orgs/${b.orgId}/metrics`)).body.items).toEqual([]);
    expect((await a.owner.get(`/api/orgs/${a.orgId}/metrics/${metric.id}/measurements`)).body.items).toEqual([]);
  });

  it('lets a contributor record measurements and a viewer only read them', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Roles Org');
    const m = (await owner.post(`/api/orgs/${orgId}/metrics`, { name: 'Latency p95', unit: 'ms', upperThreshold: 300 }))
      .body;
    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await contributor.post(`/api/orgs/${orgId}/metrics/${m.id}/measurements`, { value: 120 })).status).toBe(
      201,
    );
    expect((await viewer.post(`/api/orgs/${orgId}/metrics/${m.id}/measurements`, { value: 120 })).status).toBe(403);
    expect((await viewer.get(`/api/orgs/${orgId}/metrics/${m.id}/measurements`)).body.items).toHaveLength(1);
    // A viewer's measurements token is refused by the role, not only by the scope.
    expect(
      (await (await measurementToken(viewer)).post(`/api/orgs/${orgId}/metrics/${m.id}/measurements`, { value: 1 }))
        .status,
    ).toBe(403);
  });
});
