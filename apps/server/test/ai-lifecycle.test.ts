import { expect, it } from 'vitest';
import { pendingReassessments } from '../src/modules/ai-lifecycle/reassessments';
import { addMember, Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

// The AI system life cycle over HTTP on both dialects (issue 16 items 1, 2): a significant change
// reopens the risk and impact assessments with a task for each owner; releases with their V&V and
// deployment, a deployment without V&V flagged; versioned writes; the releases token; tenant isolation.

const allAreasPassed = [
  { area: 'performance', criterion: 'AUC ≥ 0.80 on the hold-out set', result: 'AUC 0.83', passed: true },
  { area: 'fairness', criterion: 'Approval-rate gap ≤ 5 points', result: '3.1 points', passed: true },
  { area: 'robustness', criterion: 'AUC drop ≤ 0.02 under noise', result: '0.01', passed: true },
  { area: 'security', criterion: 'No high finding in the model scan', result: 'none', passed: true },
];

describeEachDialect('AI system life cycle', (ctx) => {
  async function setUp() {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Lifecycle Org');
    const riskOwner = await addMember(ctx(), owner, orgId, 'contributor');
    const sys = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ ownerId: owner.user!.id }))).body;
    const risk = await owner.post(`/api/orgs/${orgId}/risks`, {
      title: 'Unfair denials',
      source: 'C.3.1',
      likelihood: 2,
      consequence: 3,
      aiSystemId: sys.id,
      ownerId: riskOwner.user!.id,
    });
    expect(risk.status, risk.text).toBe(201);
    const ia = await owner.post(`/api/orgs/${orgId}/impact-assessments`, { aiSystemId: sys.id, trigger: 'new_system' });
    expect(ia.status, ia.text).toBe(201);
    const url = (p: string) => `/api/orgs/${orgId}/ai-systems/${sys.id}${p}`;
    return { owner, orgId, riskOwner, sys, risk: risk.body, ia: ia.body, url };
  }

  it('documents the routes in OpenAPI', async () => {
    const { owner } = await newOrgOwner(ctx(), 'OpenAPI Org');
    const paths = Object.keys((await owner.get('/api/openapi.json')).body.paths);
    for (const p of [
      '/api/orgs/{orgId}/ai-systems/{id}/releases',
      '/api/orgs/{orgId}/ai-systems/{id}/releases/{releaseId}/verification',
      '/api/orgs/{orgId}/ai-systems/{id}/releases/{releaseId}/deployment',
      '/api/orgs/{orgId}/ai-systems/{id}/changes',
      '/api/orgs/{orgId}/ai-systems/{id}/changes/{changeId}/significance',
      '/api/orgs/{orgId}/reassessments',
    ])
      expect(paths).toContain(p);
  });

  it('reopens both assessments on a significant vendor model update, with a task for each owner', async () => {
    const { owner, orgId, riskOwner, sys, ia, url } = await setUp();
    const res = await owner.post(url('/changes'), {
      kind: 'vendor_model_update',
      title: 'Vendor moved to model v5',
      occurredOn: '2026-12-01',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ significant: true, rule: { significant: true }, override: null });
    expect(res.body.reassessments).toHaveLength(2);
    const byKind = Object.fromEntries(res.body.reassessments.map((r: { kind: string }) => [r.kind, r]));
    expect(byKind.risk_assessment).toMatchObject({ status: 'due', assignee: { id: riskOwner.user!.id } });
    expect(byKind.impact_assessment).toMatchObject({ status: 'due', assignee: { id: owner.user!.id } });
    expect(byKind.impact_assessment.text).toBe(
      'Re-assessment due because of change “Vendor moved to model v5” (Vendor model update, 2026-12-01)',
    );

    // Both assessments show it; the readiness check's question answers it.
    const due = (await owner.get(`/api/orgs/${orgId}/reassessments?aiSystemId=${sys.id}&status=due`)).body.items;
    expect(due.map((r: { kind: string }) => r.kind).sort()).toEqual(['impact_assessment', 'risk_assessment']);
    expect((await pendingReassessments(ctx().handle.db, orgId)).length).toBe(2);

    // Two tasks: one for the risks' owner, one for the impact assessment's author.
    const mine = (await riskOwner.get(`/api/me/tasks?orgId=${orgId}&kind=reassessment`)).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toMatch(/^Risk assessment of Credit scoring model: Re-assessment due because of change/);
    const ownerTasks = (await owner.get(`/api/me/tasks?orgId=${orgId}&kind=reassessment`)).body.items;
    expect(ownerTasks).toHaveLength(1);
    expect(ownerTasks[0].href).toBe(`/orgs/${orgId}/impact-assessments/${ia.id}`);

    // Recording it again does not double the tasks; a second change opens its own.
    const again = await owner.post(url('/changes'), {
      kind: 'new_jurisdiction',
      title: 'Austria',
      occurredOn: '2026-12-02',
    });
    expect(again.body.reassessments).toHaveLength(2);
    expect((await pendingReassessments(ctx().handle.db, orgId)).length).toBe(4);
  });

  it('follows the rule unless a person overrides it with a reason; an override opens or cancels re-assessments', async () => {
    const { owner, orgId, url } = await setUp();
    const noReason = await owner.post(url('/changes'), {
      kind: 'retraining',
      title: 'Monthly retrain',
      occurredOn: '2026-12-01',
      override: { significant: true, reason: '' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toMatch(/reason/);

    const retrain = await owner.post(url('/changes'), {
      kind: 'retraining',
      title: 'Monthly retrain',
      occurredOn: '2026-12-01',
    });
    expect(retrain.body).toMatchObject({ significant: false, reassessments: [] });
    const up = await owner.put(url(`/changes/${retrain.body.id}/significance`), {
      version: retrain.body.version,
      override: { significant: true, reason: 'New label definitions' },
    });
    expect(up.status, up.text).toBe(200);
    expect(up.body).toMatchObject({
      significant: true,
      rule: { significant: false },
      override: { significant: true, reason: 'New label definitions', byName: owner.user!.name },
    });
    expect(up.body.reassessments.map((r: { status: string }) => r.status)).toEqual(['due', 'due']);

    // Stale: 409, nothing changes.
    const stale = await owner.put(url(`/changes/${retrain.body.id}/significance`), {
      version: retrain.body.version,
      override: null,
    });
    expect(stale.status).toBe(409);

    const down = await owner.put(url(`/changes/${retrain.body.id}/significance`), {
      version: up.body.version,
      override: null,
    });
    expect(down.body.significant).toBe(false);
    expect(down.body.reassessments.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(await pendingReassessments(ctx().handle.db, orgId)).toEqual([]);
  });

  it('closes a re-assessment when its owner records it, or when the register shows the work done', async () => {
    const { owner, orgId, riskOwner, sys, risk, url } = await setUp();
    const change = (
      await owner.post(url('/changes'), { kind: 'new_purpose', title: 'Also for leases', occurredOn: '2026-12-01' })
    ).body;
    const impact = change.reassessments.find((r: { kind: string }) => r.kind === 'impact_assessment');
    const noNote = await owner.post(url(`/reassessments/${impact.id}/complete`), { version: impact.version, note: '' });
    expect(noNote.status).toBe(400);
    const done = await owner.post(url(`/reassessments/${impact.id}/complete`), {
      version: impact.version,
      note: 'Leases add no new affected group',
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', closedByName: owner.user!.name });
    expect(
      (await owner.post(url(`/reassessments/${impact.id}/complete`), { version: impact.version, note: 'x' })).status,
    ).toBe(409);

    // The risk owner re-rates the system's risk: the risk re-assessment is answered by it.
    const rerate = await riskOwner.post(`/api/orgs/${orgId}/risks/${risk.id}/assessments`, {
      likelihood: 3,
      consequence: 3,
    });
    expect(rerate.status, rerate.text).toBe(201);
    expect(await pendingReassessments(ctx().handle.db, orgId, sys.id)).toEqual([]);
    const risky = (await owner.get(`/api/orgs/${orgId}/reassessments?aiSystemId=${sys.id}`)).body.items;
    expect(risky.find((r: { kind: string }) => r.kind === 'risk_assessment').satisfiedBy).toMatch(
      /^R-\d+ assessed on /,
    );
  });

  it('records releases with their V&V and deployment, and flags a release deployed without V&V', async () => {
    const { owner, url } = await setUp();
    const bare = await owner.post(url('/releases'), {
      version: '1.0.0',
      releasedOn: '2026-11-01',
      whatChanged: 'First release',
      modelVersion: 'xgb-2026-10',
      dataVersion: 'loans-2026Q3',
      approvedById: owner.user!.id,
    });
    expect(bare.status, bare.text).toBe(201);
    expect(bare.body).toMatchObject({
      approvedBy: { name: owner.user!.name },
      verification: null,
      flags: [],
      source: 'manual',
    });
    const deployed = await owner.post(url(`/releases/${bare.body.id}/deployment`), {
      version: bare.body.version,
      deployedOn: '2026-11-02',
      environment: 'production',
    });
    expect(deployed.status, deployed.text).toBe(200);
    expect(deployed.body.flags).toEqual(['deployed_without_verification']);
    expect(deployed.body.deployment).toMatchObject({ deployedOn: '2026-11-02', environment: 'production' });
    const twice = await owner.post(url(`/releases/${bare.body.id}/deployment`), {
      version: deployed.body.version,
      deployedOn: '2026-11-03',
      environment: 'production',
    });
    expect(twice.status).toBe(422);

    // Recording V&V afterwards clears the flag.
    const vv = await owner.put(url(`/releases/${bare.body.id}/verification`), {
      version: deployed.body.version,
      tests: allAreasPassed,
      decision: 'deploy',
      decidedOn: '2026-11-02',
      decidedById: owner.user!.id,
    });
    expect(vv.status, vv.text).toBe(200);
    expect(vv.body.flags).toEqual([]);
    expect(vv.body.verification).toMatchObject({ decidedBy: { name: owner.user!.name }, problems: [] });

    // A second release verified first, with a gap: flagged as such, not as unverified.
    const gap = await owner.post(url('/releases'), {
      version: '1.1.0',
      releasedOn: '2026-12-01',
      verification: { tests: [allAreasPassed[0]], decision: 'deploy', decidedOn: '2026-12-01', decidedByName: 'CI' },
    });
    expect(gap.status, gap.text).toBe(201);
    expect(gap.body.verification.problems).toEqual(['Not tested: fairness, robustness, security']);
    expect(gap.body.flags).toEqual(['verification_gaps']);

    const list = (await owner.get(url('/releases'))).body.items;
    expect(list.map((r: { releaseVersion: string }) => r.releaseVersion)).toEqual(['1.1.0', '1.0.0']);
    const hist = (await owner.get(url('/history'))).body.items.map((e: { action: string }) => e.action);
    expect(hist).toEqual(expect.arrayContaining(['ai_release.created', 'ai_release.deployed', 'ai_release.verified']));
  });

  it('refuses a duplicate release version and stale writes (409), and bad input with what to fix', async () => {
    const { owner, url } = await setUp();
    const r = (await owner.post(url('/releases'), { version: '2.0.0', releasedOn: '2026-11-01' })).body;
    const dup = await owner.post(url('/releases'), { version: '2.0.0', releasedOn: '2026-11-05' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(/already has a release "2.0.0"/);
    const ok = await owner.patch(url(`/releases/${r.id}`), { version: r.version, whatChanged: 'Threshold moved' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.version).toBe(r.version + 1);
    const stale = await owner.patch(url(`/releases/${r.id}`), { version: r.version, whatChanged: 'Other' });
    expect(stale.status).toBe(409);
    expect((await owner.get(url(`/releases/${r.id}`))).body.whatChanged).toBe('Threshold moved');
    const staleVv = await owner.put(url(`/releases/${r.id}/verification`), {
      version: r.version,
      tests: allAreasPassed,
      decision: 'deploy',
      decidedOn: '2026-11-01',
      decidedByName: 'Ada',
    });
    expect(staleVv.status).toBe(409);
    const early = await owner.post(url(`/releases/${r.id}/deployment`), {
      version: ok.body.version,
      deployedOn: '2026-10-01',
      environment: 'production',
    });
    expect(early.status).toBe(422);
    // In the form's words, on the form's field (issue 18).
    expect(early.body.error).toMatchObject({
      message: 'Deployed on must not be before the release date (2026-11-01)',
      details: { field: 'deployedOn' },
    });
    const bad = await owner.post(url('/releases'), { version: '3', releasedOn: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Release date must be a real date/);
    const noDecider = await owner.post(url('/releases'), {
      version: '3',
      releasedOn: '2026-12-01',
      verification: { tests: allAreasPassed, decision: 'deploy', decidedOn: '2026-12-01' },
    });
    expect(noDecider.status).toBe(422);
    expect((await owner.get(url('/releases'))).body.items).toHaveLength(1);
  });

  it('lets a CI job record a release with its test results through a releases token, and nothing else', async () => {
    const { owner, orgId, url } = await setUp();
    const tok = await owner.post('/api/tokens', { name: 'ci', scope: 'releases' });
    expect(tok.status, tok.text).toBe(201);
    const ci = new Client(owner.server, { bearer: tok.body.token }, owner.user);
    const res = await ci.post(url('/releases'), {
      version: '4.2.0',
      releasedOn: '2026-12-03',
      modelVersion: 'run-8812',
      verification: {
        tests: allAreasPassed,
        decision: 'deploy',
        decidedOn: '2026-12-03',
        decidedByName: 'Release manager',
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      source: 'api',
      flags: [],
      verification: { decidedBy: { name: 'Release manager' } },
    });
    const read = await ci.get(url('/releases'));
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/only record AI system releases/);
    expect((await ci.get(`/api/orgs/${orgId}/ai-systems`)).status).toBe(403);
  });

  it('keeps organizations apart', async () => {
    const a = await setUp();
    const b = await newOrgOwner(ctx(), 'Other Org');
    const rel = (await a.owner.post(a.url('/releases'), { version: '1', releasedOn: '2026-11-01' })).body;
    const chg = (
      await a.owner.post(a.url('/changes'), { kind: 'new_user_group', title: 'Teens', occurredOn: '2026-11-01' })
    ).body;
    // B under its own organization, with A's ids: not found; under A's organization: not a member.
    const bUrl = (p: string) => `/api/orgs/${b.orgId}/ai-systems/${a.sys.id}${p}`;
    expect((await b.owner.get(bUrl('/releases'))).status).toBe(404);
    expect((await b.owner.post(bUrl('/releases'), { version: '9', releasedOn: '2026-11-01' })).status).toBe(404);
    expect((await b.owner.post(bUrl('/changes'), { kind: 'other', title: 'x', occurredOn: '2026-11-01' })).status).toBe(
      404,
    );
    expect((await b.owner.patch(bUrl(`/releases/${rel.id}`), { version: 1, whatChanged: 'x' })).status).toBe(404);
    expect((await b.owner.put(bUrl(`/changes/${chg.id}/significance`), { version: 1, override: null })).status).toBe(
      404,
    );
    expect((await b.owner.get(a.url('/releases'))).status).toBe(404);
    expect((await b.owner.get(`/api/orgs/${b.orgId}/reassessments`)).body.items).toEqual([]);
    expect((await pendingReassessments(ctx().handle.db, b.orgId)).length).toBe(0);
    const r = chg.reassessments[0];
    expect((await b.owner.post(bUrl(`/reassessments/${r.id}/complete`), { version: 1, note: 'x' })).status).toBe(404);
    // A release of another system of A's cannot be linked to a change.
    const other = (await a.owner.post(`/api/orgs/${a.orgId}/ai-systems`, validAiSystem({ name: 'Chatbot' }))).body;
    const wrongRelease = await a.owner.post(`/api/orgs/${a.orgId}/ai-systems/${other.id}/changes`, {
      kind: 'other',
      title: 'x',
      occurredOn: '2026-11-01',
      releaseId: rel.id,
    });
    expect(wrongRelease.status).toBe(422);
  });
  it('keeps an operation plan and event-log specification, its retention checked against the organization rule', async () => {
    const { owner, orgId, url } = await setUp();
    const empty = (await owner.get(url('/operation-plan'))).body;
    expect(empty).toMatchObject({ version: 0, logRetentionMonths: null });
    expect(empty.problems).toHaveLength(3);
    const saved = await owner.put(url('/operation-plan'), {
      version: 0,
      monitoringPlan: 'Weekly drift and fairness review; on-call for incidents',
      loggedEvents: 'Inputs, scores, decisions, human overrides',
      logRetentionMonths: 6,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, problems: [] });
    expect((await owner.put(url('/operation-plan'), { version: 0, logRetentionMonths: 3 })).status).toBe(409);
    const rule = await owner.put(`/api/orgs/${orgId}/ai-log-retention-rule`, {
      version: 0,
      minMonths: 12,
      maxMonths: 60,
    });
    expect(rule.status, rule.text).toBe(200);
    expect((await owner.put(`/api/orgs/${orgId}/ai-log-retention-rule`, { version: 0, minMonths: 1 })).status).toBe(
      409,
    );
    expect((await owner.get(url('/operation-plan'))).body.problems).toEqual([
      "Logs kept 6 months, less than the organization's minimum of 12",
    ]);
    const bad = await owner.put(`/api/orgs/${orgId}/ai-log-retention-rule`, {
      version: 1,
      minMonths: 12,
      maxMonths: 6,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Maximum retention must not be below the minimum retention/);
    const other = await newOrgOwner(ctx(), 'Other Org');
    expect(
      (await other.owner.get(`/api/orgs/${other.orgId}/ai-systems/${url('').split('/').pop()}/operation-plan`)).status,
    ).toBe(404);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/ai-log-retention-rule`)).body).toMatchObject({
      minMonths: null,
      version: 0,
    });
  });
});
