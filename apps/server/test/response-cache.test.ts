import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { addDays } from '@fortytwo/domain';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { API_MODULES } from '../src/modules';
import { SYSTEM_ACTOR } from '../src/platform/audit';
import { clockFrom, setClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { buildHttpApp } from '../src/platform/http/app';
import { CACHE_HEADER } from '../src/platform/http/response-cache';
import { inTransaction } from '../src/platform/transaction';
import type { Server } from '../src/server';
import { addMember, Client, describeEachDialect, newOrgOwner, otherInstance, TEST_ENV } from './harness';

// The heaviest pages (risk register, risk dashboard, one gap assessment, treatment plan, SoA, overview) are kept per organization
// data version: the head of its audit chain, plus the day and the reader (platform/http/response-cache.ts).
// What must hold: a kept answer is always the one the handler would build now. Each check compares the
// caching server's answer with a server on the same database that keeps nothing.

describeEachDialect('answers kept per organization data version', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  let uncachedApp: FastifyInstance;
  let uncached: Server;
  let assessmentId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const pages = () => [
    url('/risks'),
    url('/risk-dashboard'),
    url(`/gap-assessments/${assessmentId}`),
    url('/risk-treatment-plan'),
    url('/soa'),
    url('/overview'),
  ];
  const as = (c: Client, server: Server) => new Client(server, c.auth, c.user);
  const ok = async <T = any>(res: Promise<{ status: number; body: T; text: string }>, status = 200) => {
    const r = await res;
    expect(r.status, r.text).toBe(status);
    return r.body;
  };

  /** Reads each page twice from the caching server and once from the one that keeps nothing: all three agree. */
  const expectFresh = async (reader: Client = owner, step = '') => {
    for (const page of pages()) {
      const truth = await as(reader, uncached).get(page);
      expect(truth.status).toBe(200);
      expect(truth.headers[CACHE_HEADER], 'the comparison server keeps nothing').toBeUndefined();
      const first = await reader.get(page);
      const again = await reader.get(page);
      expect(first.body, `${step}: ${page}`).toEqual(truth.body);
      expect(again.body, `${step}: ${page} (kept)`).toEqual(truth.body);
      expect(again.headers[CACHE_HEADER], `${step}: ${page}`).toBe('hit');
    }
  };

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Cache Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    assessmentId = (await ok(owner.post(url('/gap-assessments'), { name: 'Baseline' }), 201)).id;
    // A second app on the very same database handle, keeping nothing: what the handlers build now.
    uncachedApp = await buildHttpApp(
      {
        db: ctx().handle.db,
        dialect: ctx().handle.dialect,
        config: {
          ...loadConfig({ DATA_DIR: ctx().dataDir, ...TEST_ENV, RESPONSE_CACHE_MB: '0' }),
          webDist: path.join(ctx().dataDir, 'no-web'),
        },
      },
      API_MODULES,
      { logger: false },
    );
    await uncachedApp.ready();
    uncached = { ...ctx(), app: uncachedApp };
  });
  afterAll(async () => {
    await uncachedApp?.close();
  });
  afterEach(() => setClock(null));

  it('answers again from what it kept while nothing changes, byte for byte', async () => {
    await ok(owner.post(url('/risks'), { title: 'Something new', source: 'C.3.4' }), 201);
    const first = await owner.get(url('/risk-dashboard'));
    expect(first.headers[CACHE_HEADER]).toBe('miss');
    const again = await owner.get(url('/risk-dashboard'));
    expect(again.headers[CACHE_HEADER]).toBe('hit');
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['cache-control']).toBe('no-store');
    // A different address (a filter, the next page) is an answer of its own.
    expect((await owner.get(url('/risks?status=open'))).headers[CACHE_HEADER]).toBe('miss');
  });

  it('sees every kind of write to what the pages show, from any module', async () => {
    await expectFresh(owner, 'start');
    const risk = await ok(owner.post(url('/risks'), { title: 'Drift', source: 'C.3.4' }), 201);
    await expectFresh(owner, 'risk recorded');
    await ok(owner.post(url(`/risks/${risk.id}/assessments`), { likelihood: 4, consequence: 5 }), 201);
    await expectFresh(owner, 'risk rated');
    const treatment = await ok(
      owner.post(url(`/risks/${risk.id}/treatments`), {
        option: 'modify',
        controlRefs: ['A.6.2.4'],
        residualLikelihood: 2,
        residualConsequence: 2,
      }),
      201,
    );
    await expectFresh(owner, 'treated');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await ok(approver.post(url(`/risks/${risk.id}/acceptances`), { rationale: 'Tolerable', expiresAt: tomorrow }), 201);
    await expectFresh(owner, 'accepted');
    const current = await ok(owner.get(url(`/risks/${risk.id}`)));
    await ok(owner.patch(url(`/risks/${risk.id}`), { version: current.version, title: 'Seasonal drift' }));
    await expectFresh(owner, 'renamed');
    await ok(owner.delete(url(`/risks/${risk.id}/treatments/${treatment.id}`)), 204);
    await expectFresh(owner, 'treatment removed');

    // The criteria in force change every level shown.
    const draft = (await ok(owner.get(url('/risk-criteria')))).draft;
    const stricter = await ok(
      owner.put(url('/risk-criteria/draft'), {
        version: draft.version,
        likelihoodLabels: draft.likelihoodLabels,
        consequenceLabels: draft.consequenceLabels,
        levels: [
          { level: 'low', maxScore: 2 },
          { level: 'medium', maxScore: 4 },
          { level: 'high', maxScore: 9 },
          { level: 'critical', maxScore: 25 },
        ],
        acceptanceLevel: 'low',
        method: 'Stricter',
      }),
    );
    await ok(approver.post(url('/risk-criteria/approve'), { version: stricter.draft.version }));
    await expectFresh(owner, 'criteria approved');

    // The assessment: an answered item, then an action made from its gap and closed in the actions module.
    const assessment = await ok(owner.get(url(`/gap-assessments/${assessmentId}`)));
    const item = assessment.items.find((i: { ref: string }) => i.ref === '4.4');
    await ok(
      owner.patch(url(`/gap-assessments/${assessmentId}/items/4.4`), {
        version: item.version,
        result: 'nonconformant',
        notes: 'No AIMS yet',
      }),
    );
    await expectFresh(owner, 'item answered');
    const made = await ok(owner.post(url(`/gap-assessments/${assessmentId}/actions`), { refs: ['4.4'] }), 201);
    await expectFresh(owner, 'action made');
    const action = made.items[0];
    await ok(owner.patch(url(`/actions/${action.id}`), { version: action.version, status: 'done' }));
    await expectFresh(owner, 'action done');

    await ok(owner.delete(url(`/risks/${risk.id}`)), 204);
    await expectFresh(owner, 'risk deleted');
  });

  it('sees writes from the other modules the SoA and the overview read', async () => {
    await expectFresh(owner, 'start');
    await ok(owner.patch(url('/soa/items/A.6.2.4'), { version: 0, included: false }));
    await expectFresh(owner, 'control excluded in the SoA');
    await ok(
      owner.post(url('/interested-parties'), {
        name: 'Regulator',
        category: 'regulators',
        requirements: [{ kind: 'legal', description: 'x', addressed: false }],
      }),
      201,
    );
    await expectFresh(owner, 'interested party added');
    await ok(owner.post(url('/objectives'), { title: 'Raise fairness', baseline: 0, target: 10 }), 201);
    await expectFresh(owner, 'objective set');
    await ok(owner.post(url('/raci'), { name: 'Approve models' }), 201);
    await expectFresh(owner, 'RACI activity added');
  });

  it('keeps the day in the key: a review falls overdue at midnight with no write', async () => {
    // Noon today, then one second past midnight: a day on, as sessions still allow.
    const day = new Date().toISOString().slice(0, 10);
    setClock(clockFrom(`${day}T12:00:00.000Z`));
    const risk = await ok(owner.post(url('/risks'), { title: 'Review me', source: 'C.2.1', reviewDate: day }), 201);
    await ok(owner.post(url(`/risks/${risk.id}/assessments`), { likelihood: 2, consequence: 2 }), 201);
    const overdue = async () =>
      ((await ok(owner.get(url('/risk-dashboard')))).reviewOverdue as { id: string }[]).some((r) => r.id === risk.id);
    expect(await overdue()).toBe(false);
    expect(await overdue()).toBe(false); // kept
    setClock(clockFrom(`${addDays(day, 1)}T00:00:01.000Z`));
    expect(await overdue()).toBe(true);
    await ok(owner.delete(url(`/risks/${risk.id}`)), 204);
  });

  it('keeps each reader apart, and checks access before answering from what it kept', async () => {
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    await owner.get(url('/risk-dashboard'));
    const first = await viewer.get(url('/risk-dashboard'));
    expect(first.headers[CACHE_HEADER]).toBe('miss');
    expect((await viewer.get(url('/risk-dashboard'))).headers[CACHE_HEADER]).toBe('hit');
    // Another organization's member never reaches it, kept or not.
    const stranger = await newOrgOwner(ctx(), 'Stranger Org');
    expect((await stranger.owner.get(url('/risk-dashboard'))).status).toBe(404);
    // Removed from the organization: refused, though the answer is still kept for the others.
    await ok(owner.delete(url(`/members/${viewer.user!.id}`)), 204);
    expect((await viewer.get(url('/risk-dashboard'))).status).toBe(404);
  });

  it('sends a kept answer compressed to a client that asks, as the same JSON', async () => {
    const get = (acceptEncoding?: string) =>
      ctx().app.inject({
        method: 'GET',
        url: url('/risks'),
        headers: {
          ...(owner.auth.bearer ? { authorization: `Bearer ${owner.auth.bearer}` } : {}),
          ...(owner.auth.cookie ? { cookie: `ft_session=${owner.auth.cookie}` } : {}),
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      });
    for (let i = 0; i < 4; i++)
      await ok(owner.post(url('/risks'), { title: 'Padding '.repeat(20), source: 'C.3.4' }), 201);
    const plain = await get();
    expect(plain.statusCode).toBe(200);
    expect(plain.body.length, 'above the 1 KB compression threshold').toBeGreaterThan(1024);
    const br = await get('br');
    expect(br.headers[CACHE_HEADER]).toBe('hit');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
  });

  it('holds every module to the rule it rests on: a transaction writing what a kept page reads without an audit event fails and leaves nothing', async () => {
    const risk = await ok(owner.post(url('/risks'), { title: 'Untouched', source: 'C.3.4' }), 201);
    const deps = { db: ctx().handle.db, dialect: ctx().handle.dialect };
    const rename = (withAudit: boolean) =>
      inTransaction(deps, async (tx, audit) => {
        await tx.updateTable('risks').set({ title: 'Renamed quietly' }).where('id', '=', risk.id).execute();
        if (withAudit)
          await audit({ orgId, actor: SYSTEM_ACTOR, action: 'risk.updated', entityType: 'risk', entityId: risk.id });
      });
    await expect(rename(false)).rejects.toThrow(/wrote risks without an audit event/);
    expect((await ok(owner.get(url(`/risks/${risk.id}`)))).title).toBe('Untouched');
    await rename(true);
    await expectFresh(owner, 'renamed with an audit event');
    expect((await ok(owner.get(url(`/risks/${risk.id}`)))).title).toBe('Renamed quietly');
  });

  it('keeps nothing with RESPONSE_CACHE_MB=0', async () => {
    const res = await as(owner, uncached).get(url('/risk-dashboard'));
    expect(res.status).toBe(200);
    expect(res.headers[CACHE_HEADER]).toBeUndefined();
  });

  it('sees a write made through another instance (PostgreSQL), also under parallel writes and reads', async () => {
    if (ctx().dialect !== 'postgres') {
      console.info('[response-cache] second instance: PostgreSQL only (SQLite serves one process)');
      return;
    }
    const other = await otherInstance(ctx());
    try {
      const there = as(owner, other);
      await expectFresh(owner, 'before');
      await ok(there.post(url('/risks'), { title: 'Written elsewhere', source: 'C.3.4' }), 201);
      await expectFresh(owner, 'written on the other instance');

      // Writes on both instances interleaved with reads on both: once they settle, every instance answers
      // what the handlers build now.
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 12; i++) {
        const writer = i % 2 ? there : owner;
        work.push(ok(writer.post(url('/risks'), { title: `Parallel ${i}`, source: 'C.3.4' }), 201));
        for (const reader of [owner, there]) for (const page of pages()) work.push(ok(reader.get(page)));
      }
      await Promise.all(work);
      await expectFresh(owner, 'after parallel writes (this instance)');
      for (const page of pages()) {
        const truth = (await as(owner, uncached).get(page)).body;
        expect((await there.get(page)).body, page).toEqual(truth);
      }
      const register = await ok(owner.get(url('/risks?limit=500')));
      expect(register.items.filter((r: { title: string }) => r.title.startsWith('Parallel '))).toHaveLength(12);
    } finally {
      await other.close();
    }
  });
});
