import { expect, it } from 'vitest';
import { loadReadinessSnapshot } from '../src/modules/certification/snapshot';
import { getPlan } from '../src/modules/risk/plan';
import { loadRisks } from '../src/modules/risk/read';
import { getSoa } from '../src/modules/soa/service';
import { sharingReads } from '../src/platform/read-once';
import { describeEachDialect, newOrgOwner, pinServerDay, serverToday, validAiSystem } from './harness';

// Within one read-only answer the register, the plan and the SoA are read once (platform/read-once.ts),
// and a filter by kind or status is taken from the whole register in memory. What must hold: every
// answer is the one the same loaders give reading afresh, on a register with every kind and status.
pinServerDay();

describeEachDialect('reads shared within one read-only answer', (ctx) => {
  it('gives the same register slices, plan, SoA and readiness snapshot as reading afresh', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Read Once Org');
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const ok = async (res: Promise<{ status: number; body: any; text: string }>, status = 201) => {
      const r = await res;
      expect(r.status, r.text).toBe(status);
      return r.body;
    };
    const aiSystemId = (await ok(owner.post(url('/ai-systems'), validAiSystem()))).id;
    const treated = await ok(
      owner.post(url('/risks'), { title: 'Unfair scores', aiSystemId, source: 'C.3.4', likelihood: 4, consequence: 4 }),
    );
    await ok(
      owner.post(url(`/risks/${treated.id}/treatments`), {
        option: 'modify',
        controlRefs: ['A.6.2.4'],
        residualLikelihood: 2,
        residualConsequence: 2,
      }),
    );
    await ok(owner.post(url('/risks'), { title: 'Unrated drift', source: 'C.2.1' }));
    await ok(owner.post(url('/risks'), { title: 'Reuse the model', kind: 'opportunity', source: 'C.3.1' }));
    const closing = await ok(
      owner.post(url('/risks'), { title: 'Old vendor', source: 'C.2.1', likelihood: 2, consequence: 2 }),
    );
    await ok(owner.patch(url(`/risks/${closing.id}`), { version: closing.version, status: 'closed' }), 200);

    const deps = { db: ctx().handle.db, dialect: ctx().handle.dialect };
    const read = () =>
      Promise.all([
        loadRisks(deps.db, orgId),
        loadRisks(deps.db, orgId, { status: 'open' }),
        loadRisks(deps.db, orgId, { status: 'open', kind: 'risk' }),
        loadRisks(deps.db, orgId, { kind: 'opportunity' }),
        getPlan(deps, orgId),
        getSoa(deps, orgId),
        loadReadinessSnapshot(deps, orgId, serverToday()),
      ]);
    const afresh = await read();
    const shared = await sharingReads(read);
    expect(afresh[0].map((r) => r.status).sort()).toEqual(['closed', 'open', 'open', 'open']);
    expect(afresh[3]).toHaveLength(1);
    expect(shared).toEqual(afresh);
    // Each caller gets an array of its own.
    await sharingReads(async () => {
      const [a, b] = await Promise.all([loadRisks(deps.db, orgId), loadRisks(deps.db, orgId)]);
      expect(a).not.toBe(b);
      expect(a).toEqual(b);
    });
  });
});
