import { afterEach, beforeAll, expect, it } from 'vitest';
import { acceptanceState, addDays, RISK_LEVELS, riskNeedsAttention, type RiskLevel } from '@fortytwo/domain';
import { storeRiskPositions } from '../src/modules/risk/position';
import { clockFrom, setClock } from '../src/platform/clock';
import { DASHBOARD_LIST_LIMIT } from '../src/modules/risk/plan';
import { addMember, type Client, describeEachDialect, newOrgOwner } from './harness';

// Each risk's position is stored on its row (migration 0041) and the dashboard counts and lists from
// it in SQL, restating the domain's rules. Two things are checked here: every kind of write leaves
// the stored columns right, and the dashboard's SQL lists agree with the domain functions applied
// to the register, on a varied register with the boundary days (an acceptance ending today, on the
// last day of the warning window, the day after it; a review due today or yesterday).

type Risk = {
  id: string;
  number: number;
  kind: string;
  status: string;
  reviewDate: string | null;
  likelihood: number | null;
  consequence: number | null;
  inherentLevel: RiskLevel | null;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualLevel: RiskLevel | null;
  treatments: { id: string; version: number }[];
  acceptance: { level: RiskLevel; expiresAt: string } | null;
  version: number;
};

// The dates around "today" are the boundaries under test: the server's clock is pinned to noon of the
// day the test computes, so a run across midnight cannot put the two a day apart.
const pinToday = () => {
  const day = new Date().toISOString().slice(0, 10);
  setClock(clockFrom(`${day}T12:00:00.000Z`));
  return day;
};

describeEachDialect('risk positions stored on the risk row', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const ok = async <T>(res: Promise<{ status: number; body: T }>, status = 200) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const stored = (id: string) =>
    ctx()
      .handle.db.selectFrom('risks')
      .select([
        'inherentLikelihood',
        'inherentConsequence',
        'inherentLevel',
        'residualLikelihood',
        'residualConsequence',
        'residualLevel',
        'currentLevel',
        'treated',
        'acceptanceLevel',
        'acceptedUntil',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
      .then((r) => ({ ...r, treated: Number(r.treated) }));
  const unrated = {
    inherentLikelihood: null,
    inherentConsequence: null,
    inherentLevel: null,
    residualLikelihood: null,
    residualConsequence: null,
    residualLevel: null,
    currentLevel: null,
    treated: 0,
    acceptanceLevel: null,
    acceptedUntil: null,
  };

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Positions Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
  });

  it('keeps the stored position right after every kind of write', async () => {
    const risk = await ok<Risk>(owner.post(url('/risks'), { title: 'Drift', source: 'C.3.4' }), 201);
    expect(await stored(risk.id)).toEqual(unrated);
    const rate = (likelihood: number, consequence: number) =>
      ok(owner.post(url(`/risks/${risk.id}/assessments`), { likelihood, consequence }), 201);
    await rate(4, 4);
    const high = { ...unrated, inherentLikelihood: 4, inherentConsequence: 4, inherentLevel: 'high' };
    expect(await stored(risk.id)).toEqual({ ...high, currentLevel: 'high' });
    await rate(5, 5);
    const critical = { ...unrated, inherentLikelihood: 5, inherentConsequence: 5, inherentLevel: 'critical' };
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical' });

    const first = await ok<{ id: string; version: number }>(
      owner.post(url(`/risks/${risk.id}/treatments`), { option: 'modify', controlRefs: ['A.6.2.4'] }),
      201,
    );
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical', treated: 1 });
    const residual = (l: number | null, c: number | null, version: number) =>
      ok<{ version: number }>(
        owner.patch(url(`/risks/${risk.id}/treatments/${first.id}`), {
          version,
          residualLikelihood: l,
          residualConsequence: c,
        }),
      );
    const rated = await residual(2, 2, first.version);
    const low = { residualLikelihood: 2, residualConsequence: 2, residualLevel: 'low', currentLevel: 'low' };
    expect(await stored(risk.id)).toEqual({ ...critical, ...low, treated: 1 });
    await residual(null, null, rated.version);
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical', treated: 1 });

    const second = await ok<{ id: string }>(
      owner.post(url(`/risks/${risk.id}/treatments`), {
        option: 'modify',
        controlRefs: ['A.7.4'],
        residualLikelihood: 3,
        residualConsequence: 3,
      }),
      201,
    );
    const medium = { residualLikelihood: 3, residualConsequence: 3, residualLevel: 'medium', currentLevel: 'medium' };
    expect(await stored(risk.id)).toEqual({ ...critical, ...medium, treated: 1 });
    await ok(owner.delete(url(`/risks/${risk.id}/treatments/${second.id}`)), 204);
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical', treated: 1 });
    await ok(owner.delete(url(`/risks/${risk.id}/treatments/${first.id}`)), 204);
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical' });

    // An acceptance covers the level it accepted or a better one; a worse rating needs a new one.
    await ok(approver.post(url(`/risks/${risk.id}/acceptances`), { rationale: 'Board', expiresAt: '2099-01-01' }), 201);
    const accepted = { acceptanceLevel: 'critical', acceptedUntil: '2099-01-01' };
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical', ...accepted });
    await rate(4, 4);
    expect(await stored(risk.id)).toEqual({ ...high, currentLevel: 'high', ...accepted });
    await ok(approver.post(url(`/risks/${risk.id}/acceptances`), { rationale: 'Again', expiresAt: '2098-01-01' }), 201);
    expect(await stored(risk.id)).toEqual({
      ...high,
      currentLevel: 'high',
      acceptanceLevel: 'high',
      acceptedUntil: '2098-01-01',
    });
    await rate(5, 5);
    expect(await stored(risk.id)).toEqual({ ...critical, currentLevel: 'critical', acceptanceLevel: 'high' });

    // Closing and reopening change the status, not the position.
    const before = await stored(risk.id);
    let version = (await ok<Risk>(owner.get(url(`/risks/${risk.id}`)))).version;
    version = (await ok<Risk>(owner.patch(url(`/risks/${risk.id}`), { version, status: 'closed' }))).version;
    expect(await stored(risk.id)).toEqual(before);
    await ok(owner.patch(url(`/risks/${risk.id}`), { version, status: 'open' }));
    expect(await stored(risk.id)).toEqual(before);

    // A risk created with its rating is stored with it.
    const rated2 = await ok<Risk>(
      owner.post(url('/risks'), { title: 'Bias', source: 'C.3.4', likelihood: 1, consequence: 2 }),
      201,
    );
    expect(await stored(rated2.id)).toEqual({
      ...unrated,
      inherentLikelihood: 1,
      inherentConsequence: 2,
      inherentLevel: 'low',
      currentLevel: 'low',
    });
  });

  it('concurrent writes to one risk leave its stored position as its rows say', async () => {
    const risk = await ok<Risk>(
      owner.post(url('/risks'), { title: 'Race', source: 'C.3.4', likelihood: 2, consequence: 2 }),
      201,
    );
    // Each write takes the risk's row first (touchRisk) and stores the position in its transaction,
    // so whichever order they run in, the last one to commit wrote what the rows now say.
    const writes = await Promise.all([
      ...[1, 2, 3, 4, 5].map((l) =>
        owner.post(url(`/risks/${risk.id}/assessments`), { likelihood: l, consequence: 6 - l }),
      ),
      ...[1, 2].map((l) =>
        owner.post(url(`/risks/${risk.id}/treatments`), {
          option: 'modify',
          controlRefs: ['A.6.2.4'],
          residualLikelihood: l,
          residualConsequence: 1,
        }),
      ),
      approver.post(url(`/risks/${risk.id}/acceptances`), { rationale: 'Board', expiresAt: '2099-01-01' }),
    ]);
    expect(writes.map((w) => w.status)).toEqual([201, 201, 201, 201, 201, 201, 201, 201]);
    const r = await ok<Risk>(owner.get(url(`/risks/${risk.id}`)));
    const level = r.residualLevel ?? r.inherentLevel;
    const covers = r.acceptance !== null && RISK_LEVELS.indexOf(r.acceptance.level) >= RISK_LEVELS.indexOf(level!);
    expect(await stored(risk.id)).toEqual({
      inherentLikelihood: r.likelihood,
      inherentConsequence: r.consequence,
      inherentLevel: r.inherentLevel,
      residualLikelihood: r.residualLikelihood,
      residualConsequence: r.residualConsequence,
      residualLevel: r.residualLevel,
      currentLevel: level,
      treated: 1,
      acceptanceLevel: r.acceptance!.level,
      acceptedUntil: covers ? '2099-01-01' : null,
    });
  });

  it('a write that fails leaves the stored position as it was (same transaction)', async () => {
    const risk = await ok<Risk>(
      owner.post(url('/risks'), { title: 'Leak', source: 'C.3.4', likelihood: 3, consequence: 3 }),
      201,
    );
    const before = await stored(risk.id);
    // A rating off the criteria's scale is refused after the risk was touched: nothing of it stays.
    expect((await owner.post(url(`/risks/${risk.id}/assessments`), { likelihood: 9, consequence: 9 })).status).toBe(
      422,
    );
    // An acceptance dated in the past is refused in the transaction that would have stored it.
    expect(
      (await approver.post(url(`/risks/${risk.id}/acceptances`), { rationale: 'x', expiresAt: '2020-01-01' })).status,
    ).toBe(422);
    expect(await stored(risk.id)).toEqual(before);
  });
});

describeEachDialect('risk dashboard lists agree with the domain rules', (ctx) => {
  afterEach(() => setClock(null));
  it.each([1, 2, 3])('register %i: lists, totals, counts and cells', async (register) => {
    // A small deterministic generator: the same varied register for each number, in any test order.
    let seed = 19 * register;
    const rnd = (n: number) => {
      // mulberry32: the low bits of a power-of-two LCG repeat too soon for small n.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const { owner, orgId } = await newOrgOwner(ctx(), 'Dashboard Rules Org');
    const approver = await addMember(ctx(), owner, orgId, 'approver');
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const now = pinToday();
    // Review dates and acceptance ends around today: the boundaries of "overdue" and "expiring".
    const days = [-1, 0, 1, 29, 30, 31, 400];
    const rewrites: { riskId: string; expiresAt: string; level?: RiskLevel }[] = [];
    const n = 24;
    for (let i = 0; i < n; i++) {
      const rated = rnd(6) !== 0;
      const res = await owner.post(url('/risks'), {
        title: `Risk ${i}`,
        source: 'C.3.4',
        kind: rnd(8) === 0 ? 'opportunity' : 'risk',
        // Every boundary day in turn, so each register has them all.
        reviewDate: i % 4 === 3 ? null : addDays(now, days[i % days.length]!),
        ...(rated ? { likelihood: 1 + rnd(5), consequence: 1 + rnd(5) } : {}),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = (res.body as Risk).id;
      if (rated && rnd(2) === 0) {
        const residual = rnd(3);
        const t = await owner.post(url(`/risks/${id}/treatments`), {
          option: 'modify',
          controlRefs: ['A.6.2.4'],
          ...(residual > 0 ? { residualLikelihood: 1 + rnd(5), residualConsequence: 1 + rnd(5) } : {}),
        });
        expect(t.status).toBe(201);
        if (rnd(4) === 0) expect((await owner.delete(url(`/risks/${id}/treatments/${t.body.id}`))).status).toBe(204);
      }
      if (rated && rnd(2) === 0) {
        const a = await approver.post(url(`/risks/${id}/acceptances`), { rationale: 'Board', expiresAt: '2099-01-01' });
        expect(a.status).toBe(201);
        // Time passes: the acceptance ends on a boundary day, or it accepted a lower level than the risk has.
        rewrites.push({
          riskId: id,
          expiresAt: addDays(now, days[rewrites.length % days.length]!),
          ...(rnd(4) === 0 ? { level: 'low' as const } : {}),
        });
        if (rnd(3) === 0) await owner.post(url(`/risks/${id}/assessments`), { likelihood: 5, consequence: 5 });
      }
      if (rnd(10) === 0) {
        const r = (await owner.get(url(`/risks/${id}`))).body as Risk;
        expect((await owner.patch(url(`/risks/${id}`), { version: r.version, status: 'closed' })).status).toBe(200);
      }
    }
    // And one plain critical risk per boundary day, reviewed and accepted until that day.
    for (const d of days) {
      const res = await owner.post(url('/risks'), {
        title: `Boundary ${d}`,
        source: 'C.3.4',
        reviewDate: addDays(now, d),
        likelihood: 5,
        consequence: 5,
      });
      expect(res.status).toBe(201);
      const a = await approver.post(url(`/risks/${res.body.id}/acceptances`), {
        rationale: 'Board',
        expiresAt: '2099-01-01',
      });
      expect(a.status).toBe(201);
      rewrites.push({ riskId: res.body.id, expiresAt: addDays(now, d) });
    }
    for (const w of rewrites)
      await ctx()
        .handle.db.updateTable('riskAcceptances')
        .set({ expiresAt: w.expiresAt, ...(w.level ? { level: w.level } : {}) })
        .where('riskId', '=', w.riskId)
        .execute();
    // Those rows were rewritten around the module, as time passing would: their positions with them.
    await storeRiskPositions(ctx().handle.db, orgId);

    const all = (await owner.get(url('/risks?limit=500'))).body.items as Risk[];
    const criteria = (await owner.get(url('/risk-criteria'))).body.inForce as { acceptanceLevel: RiskLevel };
    expect(RISK_LEVELS).toContain(criteria.acceptanceLevel);
    const open = all.filter((r) => r.status === 'open' && r.kind === 'risk');
    // The domain's rules, applied here to the register as the API returns it.
    const level = (r: Risk) => r.residualLevel ?? r.inherentLevel;
    const state = (r: Risk) => acceptanceState(r.acceptance, level(r), now);
    const covers = (r: Risk) =>
      r.acceptance !== null &&
      level(r) !== null &&
      RISK_LEVELS.indexOf(r.acceptance.level) >= RISK_LEVELS.indexOf(level(r)!);
    const attention = (r: Risk) =>
      riskNeedsAttention(
        {
          id: r.id,
          ref: '',
          title: '',
          kind: r.kind as 'risk',
          status: r.status,
          level: r.inherentLevel,
          residualLevel: r.residualLevel,
          treated: r.treatments.length > 0,
          acceptedUntil: covers(r) ? r.acceptance!.expiresAt : null,
        },
        criteria,
        now,
      );
    const rank = (r: Risk) => (level(r) ? RISK_LEVELS.indexOf(level(r)!) : -1);
    const byNumber = (a: Risk, b: Risk) => a.number - b.number;
    const expected = {
      unrated: open.filter((r) => r.inherentLevel === null).sort(byNumber),
      reviewOverdue: open
        .filter((r) => r.reviewDate !== null && r.reviewDate < now)
        .sort((a, b) => a.reviewDate!.localeCompare(b.reviewDate!) || byNumber(a, b)),
      acceptancesExpiring: open.filter((r) => state(r) === 'expiring').sort(byNumber),
      needsAttention: open.filter(attention).sort((a, b) => rank(b) - rank(a) || byNumber(a, b)),
    };
    const d = (await owner.get(url('/risk-dashboard'))).body;
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    for (const [name, rows] of Object.entries(expected)) {
      expect(ids(d[name]), name).toEqual(ids(rows.slice(0, DASHBOARD_LIST_LIMIT)));
      expect(d.listTotals[name], name).toBe(rows.length);
      // The register filtered by the list holds the same risks (in number order), all of them.
      const page = await owner.get(url(`/risks?list=${name}&limit=500`));
      expect(page.status, name).toBe(200);
      expect(ids(page.body.items), name).toEqual(ids([...rows].sort(byNumber)));
    }
    expect(d.counts.total).toBe(all.length);
    expect(d.counts.open).toBe(open.length);
    for (const l of RISK_LEVELS) expect(d.counts.byLevel[l], l).toBe(open.filter((r) => level(r) === l).length);
    const count = (pick: (r: Risk) => [number | null, number | null], l: number, c: number) =>
      open.filter((r) => pick(r)[0] === l && pick(r)[1] === c).length;
    type Cell = { likelihood: number; consequence: number; count: number };
    for (const cell of d.inherent as Cell[])
      expect(cell.count).toBe(count((r) => [r.likelihood, r.consequence], cell.likelihood, cell.consequence));
    for (const cell of d.residual as Cell[])
      expect(cell.count).toBe(
        count(
          (r) => (r.residualLevel ? [r.residualLikelihood, r.residualConsequence] : [r.likelihood, r.consequence]),
          cell.likelihood,
          cell.consequence,
        ),
      );
    // The register this run built reaches the boundaries the rules turn on.
    expect(open.some((r) => r.reviewDate === now)).toBe(true);
    expect(open.some((r) => state(r) === 'expiring' && r.acceptance!.expiresAt === now)).toBe(true);
    expect(open.some((r) => state(r) === 'expired')).toBe(true);
    expect(open.some((r) => attention(r) && r.inherentLevel !== null)).toBe(true);
  });
});
