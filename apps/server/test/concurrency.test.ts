import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { addMember, Client, describeEachDialect, newOrgOwner, otherInstance, validAiSystem } from './harness';

// Several server instances may share one PostgreSQL: numbers, the "last owner" rule and versioned
// updates must hold when requests arrive at the same moment. Each case fires real parallel requests
// (through two instances on PostgreSQL); SQLite serves one process, whose writers take turns.

const statuses = (results: { status: number }[]) => results.map((r) => r.status).sort((a, b) => a - b);

describeEachDialect('concurrent requests', (ctx) => {
  let other: Server | undefined;
  /** The same signed-in person on the second instance (PostgreSQL), or on the same one (SQLite). */
  const elsewhere = (c: Client) => (other ? new Client(other, c.auth, c.user) : c);

  beforeAll(async () => {
    if (ctx().dialect === 'postgres') other = await otherInstance(ctx());
  });
  afterAll(async () => {
    await other?.close();
  });

  it('numbers 20 risks created at once R-1 … R-20, each once', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Numbers Org');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(`/api/orgs/${orgId}/risks`, {
          title: `Risk ${i}`,
          source: 'C.3.4',
          likelihood: 2,
          consequence: 2,
        }),
      ),
    );
    expect(statuses(results)).toEqual(Array(20).fill(201));
    expect(results.map((r) => r.body.ref as string).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))).toEqual(
      Array.from({ length: 20 }, (_, i) => `R-${i + 1}`),
    );
  });

  it('numbers impact assessments and the risks created from them at once, each once', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Impact Numbers Org');
    const aiSystemId = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem())).body.id as string;
    const impacts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(`/api/orgs/${orgId}/impact-assessments`, {
          aiSystemId,
          trigger: 'periodic',
        }),
      ),
    );
    expect(statuses(impacts)).toEqual(Array(12).fill(201));
    expect(new Set(impacts.map((r) => r.body.ref)).size).toBe(12);
    const id = impacts[0]!.body.id as string;
    const risks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(`/api/orgs/${orgId}/impact-assessments/${id}/risks`, {
          title: `From impact ${i}`,
          source: 'C.3.3',
          likelihood: 2,
          consequence: 2,
        }),
      ),
    );
    expect(statuses(risks)).toEqual(Array(12).fill(201));
    const refs = (await owner.get(`/api/orgs/${orgId}/risks?limit=100`)).body.items.map((r: { ref: string }) => r.ref);
    expect(new Set(refs).size).toBe(12);
  });

  it("never gives a deleted record's number to a new one", async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'No Reuse Org');
    const risk = (title: string) =>
      owner.post(`/api/orgs/${orgId}/risks`, { title, source: 'C.3.4', likelihood: 2, consequence: 2 });
    await risk('first');
    const second = (await risk('second')).body;
    expect(second.ref).toBe('R-2');
    expect((await owner.delete(`/api/orgs/${orgId}/risks/${second.id}`)).status).toBe(204);
    expect((await risk('third')).body.ref).toBe('R-3');
  });

  it('keeps every re-assessment of one risk when several arrive at once', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Reassess Org');
    const risk = (
      await owner.post(`/api/orgs/${orgId}/risks`, { title: 'Drift', source: 'C.3.4', likelihood: 2, consequence: 2 })
    ).body;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(`/api/orgs/${orgId}/risks/${risk.id}/assessments`, {
          likelihood: 1 + (i % 5),
          consequence: 3,
          note: `Review ${i}`,
        }),
      ),
    );
    expect(statuses(results)).toEqual(Array(8).fill(201));
    const after = (await owner.get(`/api/orgs/${orgId}/risks/${risk.id}`)).body;
    const inherent = after.assessments.filter((a: { kind: string }) => a.kind === 'inherent');
    expect(inherent).toHaveLength(9);
    expect(after.version).toBe(risk.version + 8);
  });

  it('keeps one owner when two owners remove each other at the same moment', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const { owner: a, orgId } = await newOrgOwner(ctx(), `Owners ${trial}`);
      const b = await addMember(ctx(), a, orgId, 'owner');
      const [ra, rb] = await Promise.all([
        a.delete(`/api/orgs/${orgId}/members/${b.user!.id}`),
        elsewhere(b).delete(`/api/orgs/${orgId}/members/${a.user!.id}`),
      ]);
      expect(statuses([ra, rb]).filter((s) => s === 204)).toHaveLength(1);
      const owners = (await (ra.status === 204 ? a : b).get(`/api/orgs/${orgId}/members`)).body.items.filter(
        (m: { role: string }) => m.role === 'owner',
      );
      expect(owners).toHaveLength(1);
    }
  });

  it('keeps one owner when two owners demote each other at the same moment', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const { owner: a, orgId } = await newOrgOwner(ctx(), `Demotions ${trial}`);
      const b = await addMember(ctx(), a, orgId, 'owner');
      const [ra, rb] = await Promise.all([
        a.patch(`/api/orgs/${orgId}/members/${b.user!.id}`, { version: 1, role: 'viewer' }),
        elsewhere(b).patch(`/api/orgs/${orgId}/members/${a.user!.id}`, { version: 1, role: 'viewer' }),
      ]);
      expect(statuses([ra, rb]).filter((s) => s === 200)).toHaveLength(1);
      const members = (await a.get(`/api/orgs/${orgId}/members`)).body.items as { role: string }[];
      expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
    }
  });

  it('accepts one of two renames of a gap assessment made from the same version, and 409s the other', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Rename Org');
    const gap = (await owner.post(`/api/orgs/${orgId}/gap-assessments`, { name: 'Baseline' })).body;
    for (let trial = 0; trial < 5; trial++) {
      const version = (await owner.get(`/api/orgs/${orgId}/gap-assessments/${gap.id}`)).body.version as number;
      const results = await Promise.all([
        owner.patch(`/api/orgs/${orgId}/gap-assessments/${gap.id}`, { version, name: `A ${trial}` }),
        elsewhere(owner).patch(`/api/orgs/${orgId}/gap-assessments/${gap.id}`, { version, name: `B ${trial}` }),
      ]);
      expect(statuses(results)).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body.name;
      expect((await owner.get(`/api/orgs/${orgId}/gap-assessments/${gap.id}`)).body).toMatchObject({
        name: winner,
        version: version + 1,
      });
    }
    const renames = (
      await owner.get(`/api/orgs/${orgId}/audit-events?entityType=gap_assessment&limit=100`)
    ).body.items.filter((e: { action: string }) => e.action === 'gap_assessment.renamed');
    expect(renames).toHaveLength(5);
  });

  it('accepts one of two saves of the risk criteria draft made from the same version, and 409s the other', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Criteria Org');
    for (let trial = 0; trial < 5; trial++) {
      const draft = (await owner.get(`/api/orgs/${orgId}/risk-criteria`)).body.draft;
      const body = (method: string) => ({
        version: draft.version,
        likelihoodLabels: draft.likelihoodLabels,
        consequenceLabels: draft.consequenceLabels,
        levels: draft.levels,
        acceptanceLevel: draft.acceptanceLevel,
        method,
      });
      const results = await Promise.all([
        owner.put(`/api/orgs/${orgId}/risk-criteria/draft`, body(`A ${trial}`)),
        elsewhere(owner).put(`/api/orgs/${orgId}/risk-criteria/draft`, body(`B ${trial}`)),
      ]);
      expect(statuses(results)).toEqual([200, 409]);
    }
  });

  it('starts one next criteria draft when two people start one at the same moment', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Next Draft Org');
    const draft = (await owner.get(`/api/orgs/${orgId}/risk-criteria`)).body.draft;
    const content = {
      likelihoodLabels: draft.likelihoodLabels,
      consequenceLabels: draft.consequenceLabels,
      levels: draft.levels,
      acceptanceLevel: draft.acceptanceLevel,
    };
    expect((await owner.post(`/api/orgs/${orgId}/risk-criteria/approve`, { version: draft.version })).status).toBe(200);
    const results = await Promise.all([
      owner.put(`/api/orgs/${orgId}/risk-criteria/draft`, { ...content, version: 0, method: 'A' }),
      elsewhere(owner).put(`/api/orgs/${orgId}/risk-criteria/draft`, { ...content, version: 0, method: 'B' }),
    ]);
    expect(statuses(results)).toEqual([200, 409]);
  });

  it('approves a scope revision once when two approvers press at the same moment', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Scope Org');
    const edited = (await owner.patch(`/api/orgs/${orgId}/scope`, { version: 0, units: ['Lending'] })).body;
    const results = await Promise.all([
      owner.post(`/api/orgs/${orgId}/scope/approve`, { version: edited.version }),
      elsewhere(owner).post(`/api/orgs/${orgId}/scope/approve`, { version: edited.version }),
    ]);
    expect(statuses(results)).toEqual([200, 409]);
    expect((await owner.get(`/api/orgs/${orgId}/scope/revisions`)).body.items).toHaveLength(1);
  });

  it('approves the treatment plan once when two approvers press at the same moment', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Plan Org');
    await owner.post(`/api/orgs/${orgId}/risks`, {
      title: 'Drift',
      source: 'C.3.4',
      likelihood: 2,
      consequence: 2,
      ownerId: owner.user!.id,
    });
    const number = (await owner.get(`/api/orgs/${orgId}/risk-treatment-plan`)).body.number as number;
    const results = await Promise.all([
      owner.post(`/api/orgs/${orgId}/risk-treatment-plan/approve`, { number }),
      elsewhere(owner).post(`/api/orgs/${orgId}/risk-treatment-plan/approve`, { number }),
    ]);
    expect(statuses(results)).toEqual([200, 422]);
  });

  it('answers 422 to every duplicate RACI activity name sent at once, and keeps one', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'RACI Org');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(`/api/orgs/${orgId}/raci`, { name: 'Approve model release' }),
      ),
    );
    expect(statuses(results)).toEqual([201, ...Array(9).fill(422)]);
    expect(results.find((r) => r.status === 422)!.body.error.message).toContain('already');
  });

  it('keeps the audit chain whole after all of it', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Chain Org');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(`/api/orgs/${orgId}/risks`, {
          title: `Risk ${i}`,
          source: 'C.3.4',
          likelihood: 2,
          consequence: 2,
        }),
      ),
    );
    expect((await owner.get(`/api/orgs/${orgId}/audit-events/verify`)).body).toMatchObject({ ok: true });
  });
});
