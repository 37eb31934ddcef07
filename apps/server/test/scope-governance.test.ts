import { beforeEach, expect, it } from 'vitest';
import { parseCsv } from '@fortytwo/domain';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';
import { download, sheetRows } from './files';

describeEachDialect('scope, governance framework and RACI', (ctx) => {
  let owner: Client;
  let orgId: string;
  let live: { id: string; version: number };

  // Every test its own organization (any order, any subset: `--sequence.shuffle`, `-t`).
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Scope Org'));
    live = (
      await owner.post(
        `/api/orgs/${orgId}/ai-systems`,
        validAiSystem({
          name: 'Claims triage model',
          lifecycleStage: 'operation',
          intendedPurpose: 'Route insurance claims to the right team.',
        }),
      )
    ).body;
    await owner.patch(`/api/orgs/${orgId}/context`, {
      version: 0,
      aiRoles: [{ role: 'provider', reason: 'We provide claims triage to our group companies.' }],
    });
  });

  it('warns about a live AI system outside the scope until it is in scope or has a reason', async () => {
    const first = await owner.get(`/api/orgs/${orgId}/scope`);
    expect(first.body).toMatchObject({ version: 0, status: 'draft', approved: null });
    expect(first.body.warnings).toEqual([
      expect.objectContaining({ aiSystemId: live.id, name: 'Claims triage model' }),
    ]);
    expect(first.body.warnings[0].message).toContain('is in operation but outside the scope');

    const out = await owner.patch(`/api/orgs/${orgId}/scope`, {
      version: 0,
      outOfScope: [{ aiSystemId: live.id, reason: 'Run and governed by our parent company under its own AIMS.' }],
    });
    expect(out.status).toBe(200);
    expect(out.body.warnings).toEqual([]);
    expect(out.body.statement).toContain('Claims triage model: Run and governed by our parent company');

    const both = await owner.patch(`/api/orgs/${orgId}/scope`, { version: 1, aiSystemIds: [live.id] });
    expect(both.status).toBe(422);
    expect(both.body.error.message).toContain('both in scope and out of scope');
    const unknown = await owner.patch(`/api/orgs/${orgId}/scope`, { version: 1, aiSystemIds: ['nope'] });
    expect(unknown.status).toBe(422);
    const noReason = await owner.patch(`/api/orgs/${orgId}/scope`, {
      version: 1,
      exclusions: [{ item: 'Marketing analytics', justification: '' }],
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('needs a justification');
  });

  it('composes the statement, and only an approver or owner approves it into a numbered revision', async () => {
    const s = await owner.get(`/api/orgs/${orgId}/scope`);
    const built = await owner.patch(`/api/orgs/${orgId}/scope`, {
      version: s.body.version,
      aiSystemIds: [live.id],
      outOfScope: [],
      units: ['Claims department'],
      sites: ['Lyon head office'],
      processes: ['Claims intake'],
      exclusions: [{ item: 'HR analytics', justification: 'No AI is used in HR.' }],
    });
    expect(built.status).toBe(200);
    expect(built.body.statement).toContain(
      'The AI management system of Scope Org covers the Claims department at Lyon head office in its role as AI provider.',
    );
    expect(built.body.statement).toContain('- Claims triage model: Route insurance claims to the right team.');
    expect(built.body.statement).toContain('- HR analytics: No AI is used in HR.');

    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    expect((await contributor.post(`/api/orgs/${orgId}/scope/approve`, { version: built.body.version })).status).toBe(
      403,
    );
    const approver = await addMember(ctx(), owner, orgId, 'approver');
    const approved = await approver.post(`/api/orgs/${orgId}/scope/approve`, { version: built.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approved: { revision: 1, approvedByName: 'approver person' },
    });
    expect((await approver.post(`/api/orgs/${orgId}/scope/approve`, { version: approved.body.version })).status).toBe(
      422,
    );
    expect(
      (await approver.patch(`/api/orgs/${orgId}/scope`, { version: approved.body.version, sites: ['x'] })).status,
    ).toBe(403);

    const edited = await owner.patch(`/api/orgs/${orgId}/scope`, {
      version: approved.body.version,
      sites: ['Lyon head office', 'Paris branch'],
    });
    expect(edited.body).toMatchObject({ status: 'draft', approved: { revision: 1 } });
    const second = await owner.post(`/api/orgs/${orgId}/scope/approve`, { version: edited.body.version });
    expect(second.body.approved.revision).toBe(2);
    const revisions = await owner.get(`/api/orgs/${orgId}/scope/revisions`);
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(revisions.body.items[1].content.sites).toEqual(['Lyon head office']);
  });

  it('refuses approval while a warning stands', async () => {
    const { owner: o, orgId: id } = await newOrgOwner(ctx(), 'Unscoped Org');
    const bot = (
      await o.post(`/api/orgs/${id}/ai-systems`, validAiSystem({ name: 'Live bot', lifecycleStage: 'deployment' }))
    ).body as { id: string };
    // A system still at the idea stage is not live: leaving it out of the scope needs no reason.
    const idea = await o.post(
      `/api/orgs/${id}/ai-systems`,
      validAiSystem({ name: 'Pricing idea', lifecycleStage: 'idea' }),
    );
    expect(idea.status).toBe(201);
    const s = await o.patch(`/api/orgs/${id}/scope`, { version: 0, units: ['IT'] });
    expect(s.body.warnings.map((w: { aiSystemId: string }) => w.aiSystemId)).toEqual([bot.id]);
    const refused = await o.post(`/api/orgs/${id}/scope/approve`, { version: s.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('Resolve the warnings before approval: Live bot is in deployment');
    expect(refused.body.error.message).not.toContain('Pricing idea');
    expect((await o.get(`/api/orgs/${id}/scope`)).body).toMatchObject({ version: s.body.version, approved: null });
  });

  it('shows per pillar the controls it covers and how the latest gap assessment rates them', async () => {
    const before = await owner.get(`/api/orgs/${orgId}/governance`);
    expect(before.body.items.map((p: { pillar: string }) => p.pillar)).toEqual([
      'ethics_accountability',
      'risk_management',
      'transparency_explainability',
      'human_oversight',
      'data_governance',
      'continuous_monitoring',
    ]);
    const risk = before.body.items.find((p: { pillar: string }) => p.pillar === 'risk_management');
    expect(risk.coverage.items.map((i: { ref: string }) => i.ref)).toEqual(
      expect.arrayContaining(['6.1.2', '6.1.3', '8.2']),
    );
    expect(risk.coverage).toMatchObject({ readiness: null, assessmentId: null });

    const a = (await owner.post(`/api/orgs/${orgId}/gap-assessments`, { name: 'Readiness' })).body;
    const answer = async (ref: string, result: string) => {
      const item = a.items.find((i: { ref: string }) => i.ref === ref);
      expect(
        (
          await owner.patch(`/api/orgs/${orgId}/gap-assessments/${a.id}/items/${ref}`, {
            version: item.version,
            result,
          })
        ).status,
      ).toBe(200);
    };
    await answer('6.1.2', 'conformant');
    await answer('6.1.3', 'partially_conformant');
    const after = (await owner.get(`/api/orgs/${orgId}/governance`)).body.items.find(
      (p: { pillar: string }) => p.pillar === 'risk_management',
    );
    expect(after.coverage.assessmentId).toBe(a.id);
    expect(after.coverage.items.find((i: { ref: string }) => i.ref === '6.1.2').result).toBe('conformant');
    const n = after.coverage.items.filter((i: { source: string }) => i.source === 'iso42001').length;
    expect(after.coverage.readiness).toBe(Math.round((1000 * 1.5) / n) / 10);
    expect(after.coverage.answered).toBe(2);

    const saved = await owner.patch(`/api/orgs/${orgId}/governance/risk_management`, {
      version: 0,
      ownerId: owner.user!.id,
      objectives: ['Every AI system has a current risk assessment'],
      policyStatements: ['High risks need board acceptance'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 1,
      ownerId: owner.user!.id,
      people: { [owner.user!.id]: { id: owner.user!.id, email: owner.user!.email } },
      objectives: ['Every AI system has a current risk assessment'],
    });
    expect(
      (await owner.patch(`/api/orgs/${orgId}/governance/risk_management`, { version: 0, objectives: [] })).status,
    ).toBe(409);
    expect((await owner.patch(`/api/orgs/${orgId}/governance/astrology`, { version: 0 })).status).toBe(400);
  });

  it('starts the RACI with the usual activities and flags none or several Accountable', async () => {
    const list = await owner.get(`/api/orgs/${orgId}/raci`);
    expect(list.body.items.length).toBeGreaterThanOrEqual(10);
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining([
        'AI risk assessment',
        'AI system impact assessment',
        'Internal audit',
        'Management review',
        'Document control',
      ]),
    );
    const risk = list.body.items.find((a: { name: string }) => a.name === 'AI risk assessment');
    expect(risk.problems.map((p: { code: string }) => p.code)).toEqual(['no_accountable', 'no_responsible']);
    expect((await owner.get(`/api/orgs/${orgId}/raci`)).body.items).toHaveLength(list.body.items.length);

    const manager = await addMember(ctx(), owner, orgId, 'manager');
    const two = await owner.patch(`/api/orgs/${orgId}/raci/${risk.id}`, {
      version: risk.version,
      assignments: [
        { assignee: { userId: owner.user!.id }, letter: 'A' },
        { assignee: { userId: manager.user!.id }, letter: 'A' },
        { assignee: { role: 'contributor' }, letter: 'R' },
      ],
    });
    expect(two.status).toBe(200);
    expect(two.body.problems).toEqual([
      { code: 'several_accountable', message: expect.stringContaining('More than one Accountable') },
    ]);
    const fixed = await owner.patch(`/api/orgs/${orgId}/raci/${risk.id}`, {
      version: two.body.version,
      assignments: [
        { assignee: { userId: manager.user!.id }, letter: 'A' },
        { assignee: { role: 'contributor' }, letter: 'R' },
      ],
    });
    expect(fixed.body.problems).toEqual([]);
    expect(fixed.body.assignments[0].assignee).toEqual({ userId: manager.user!.id, name: 'manager person' });

    const badRole = await owner.patch(`/api/orgs/${orgId}/raci/${risk.id}`, {
      version: fixed.body.version,
      assignments: [{ assignee: { role: 'wizard' }, letter: 'A' }],
    });
    expect(badRole.status).toBe(422);
    const outsider = await newOrgOwner(ctx(), 'Outsider Org');
    const notMember = await owner.patch(`/api/orgs/${orgId}/raci/${risk.id}`, {
      version: fixed.body.version,
      assignments: [{ assignee: { userId: outsider.owner.user!.id }, letter: 'A' }],
    });
    expect(notMember.status).toBe(422);
    const dup = await owner.post(`/api/orgs/${orgId}/raci`, { name: 'AI risk assessment' });
    expect(dup.status).toBe(422);
    const added = await owner.post(`/api/orgs/${orgId}/raci`, {
      name: 'Model inventory upkeep',
      assignments: [
        { assignee: { role: 'manager' }, letter: 'A' },
        { assignee: { role: 'contributor' }, letter: 'R' },
      ],
    });
    expect(added.status).toBe(201);
    expect(added.body.problems).toEqual([]);
    const rows = parseCsv((await owner.get(`/api/orgs/${orgId}/raci/export.csv`)).text).map((r) => r.cells);
    expect(rows[0]).toEqual(['activity', 'who', 'as', 'problems']);
    expect(rows).toContainEqual(['AI risk assessment', 'manager person', 'Accountable', '']);
    const sheet = await sheetRows((await download(owner, `/api/orgs/${orgId}/raci/export.xlsx`)).bytes);
    expect(sheet[0]).toEqual(['Activity', 'Who', 'As', 'Problems']);
    expect(sheet.slice(1)).toEqual(rows.slice(1));
    expect((await owner.delete(`/api/orgs/${orgId}/raci/${added.body.id}`)).status).toBe(204);
    expect((await outsider.owner.get(`/api/orgs/${orgId}/raci`)).status).toBe(404);
  });
});
