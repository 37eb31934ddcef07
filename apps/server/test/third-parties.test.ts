import { expect, it } from 'vitest';
import { describeEachDialect, newOrgOwner, pinServerDay, serverToday, validAiSystem, type Client } from './harness';

// Issue 16 items 3–5 over HTTP on both dialects: data sets (A.7) with their evidence and systems,
// the supplier register (A.10) with due diligence, reviews as tasks and exports, the EU AI Act
// classification with its obligations and the FRIA link, the A.10.4 split; versions, messages and
// tenant isolation.

const newSystem = async (owner: Client, orgId: string, over: Record<string, unknown> = {}) => {
  const res = await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem(over));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string };
};

// Reviews may not be dated in the future: "today" is the server's pinned day, not one computed apart.
pinServerDay();

describeEachDialect('data sets, suppliers and the EU AI Act', (ctx) => {
  it('documents the routes in OpenAPI', async () => {
    const { owner } = await newOrgOwner(ctx(), 'OpenAPI Org');
    const paths = Object.keys((await owner.get('/api/openapi.json')).body.paths);
    for (const p of [
      '/api/orgs/{orgId}/data-sets',
      '/api/orgs/{orgId}/data-sets/{id}',
      '/api/orgs/{orgId}/suppliers',
      '/api/orgs/{orgId}/suppliers/{id}/reviews',
      '/api/orgs/{orgId}/suppliers/export.csv',
      '/api/orgs/{orgId}/ai-systems/{id}/ai-act',
      '/api/orgs/{orgId}/ai-systems/{id}/customer-responsibilities',
    ])
      expect(paths).toContain(p);
  });

  it('keeps a data set with provenance, systems and its licence evidence; versions, rules and delete', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Data Org');
    const system = await newSystem(owner, orgId);
    const base = `/api/orgs/${orgId}/data-sets`;
    const created = await owner.post(base, {
      name: 'Loan applications 2019–2024',
      purpose: 'training',
      sourceKind: 'internal',
      source: 'Core banking system export',
      provenance: 'Exported by the data team on 2025-01-10 from the loans warehouse, snapshot v3',
      legalBasis: 'licence',
      personalData: true,
      specialCategories: ['health'],
      qualityChecks: [{ check: 'Duplicates removed', result: 'passed', checkedOn: '2025-01-12' }],
      preparation: 'Deduplicated, income normalised',
      retainUntil: '2030-12-31',
      aiSystemIds: [system.id],
    });
    expect(created.status, created.text).toBe(201);
    const ds = created.body;
    expect(ds).toMatchObject({ ref: 'DS-1', version: 1, aiSystems: [{ id: system.id, name: system.name }] });
    expect(ds.warnings.join(' ')).toMatch(/licence is not evidenced/);

    // The licence goes into the one evidence library, linked to the data set.
    const ev = await owner.post(`/api/orgs/${orgId}/evidence`, {
      title: 'Data licence agreement',
      url: 'https://contracts.example.com/dla-7',
    });
    expect(ev.status, ev.text).toBe(201);
    const link = await owner.post(`/api/orgs/${orgId}/evidence/${ev.body.id}/links`, {
      subjectType: 'data_set',
      subjectId: ds.id,
    });
    expect(link.status, link.text).toBeLessThan(300);
    const withEvidence = (await owner.get(`${base}/${ds.id}`)).body;
    expect(withEvidence.evidence.map((e: { title: string }) => e.title)).toEqual(['Data licence agreement']);
    expect(withEvidence.warnings.join(' ')).not.toMatch(/not evidenced/);

    // Filters: by system, by personal data.
    expect((await owner.get(`${base}?aiSystemId=${system.id}`)).body.items).toHaveLength(1);
    expect((await owner.get(`${base}?personalData=false`)).body.items).toHaveLength(0);

    // Versioned update: the stale one is refused and changes nothing.
    const ok = await owner.patch(`${base}/${ds.id}`, { version: 1, preparation: 'Deduplicated; labels re-checked' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await owner.patch(`${base}/${ds.id}`, { version: 1, preparation: 'lost' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    // Messages say what to fix.
    const noName = await owner.post(base, { name: ' ' });
    expect(noName.status).toBe(400);
    expect(noName.text).toMatch(/Name is required/);
    const special = await owner.patch(`${base}/${ds.id}`, { version: 2, personalData: false });
    expect(special.status).toBe(422);
    expect(special.body.error.message).toMatch(/Special categories are personal data/);
    const badBasis = await owner.post(base, { name: 'X', legalBasis: 'vibes' });
    expect(badBasis.status).toBe(400);
    expect(badBasis.text).toMatch(/Licence or consent basis must be one of/);

    // CSV export carries provenance.
    const csv = await owner.get(`${base}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toMatch(/Loans warehouse|loans warehouse/);

    // Delete: the evidence stays in the library.
    expect((await owner.delete(`${base}/${ds.id}`)).status).toBe(204);
    expect((await owner.get(`/api/orgs/${orgId}/evidence/${ev.body.id}`)).status).toBe(200);
    const events = (await owner.get(`/api/orgs/${orgId}/audit-events?entityType=data_set`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(events).toEqual(expect.arrayContaining(['data_set.created', 'data_set.updated', 'data_set.deleted']));
  });

  it('keeps suppliers with AI due diligence, filters in the address, CSV export, and an overdue review as a task', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Supplier Org');
    const system = await newSystem(owner, orgId);
    const base = `/api/orgs/${orgId}/suppliers`;
    const overdue = await owner.post(base, {
      name: 'Model Co',
      kind: 'model_api',
      supplies: 'Hosted large language model for the claims assistant',
      aiSystemIds: [system.id],
      trainsOnInputs: 'no',
      inputRetention: '30 days for abuse monitoring',
      modelChangeNotice: 'yes',
      incidentNotice: 'yes',
      dataLocation: 'EU (Frankfurt)',
      contractClauses: ['no_training_on_inputs', 'incident_notice'],
      reviewCadenceMonths: 12,
      lastReviewedOn: '2024-01-15',
      ownerId: owner.user!.id,
    });
    expect(overdue.status, overdue.text).toBe(201);
    expect(overdue.body).toMatchObject({
      ref: 'SUP-1',
      nextReviewOn: '2025-01-15',
      reviewState: 'overdue',
      warnings: [],
    });
    const current = await owner.post(base, {
      name: 'Label House',
      kind: 'labelling_service',
      trainsOnInputs: 'unknown',
      lastReviewedOn: serverToday(),
    });
    expect(current.status, current.text).toBe(201);
    expect(current.body.reviewState).toBe('current');
    expect(current.body.warnings.join(' ')).toMatch(/uses our inputs for training/);

    // Filters.
    const names = async (q: string) =>
      ((await owner.get(`${base}${q}`)).body.items as { name: string }[]).map((s) => s.name);
    expect(await names('?review=overdue')).toEqual(['Model Co']);
    expect(await names(`?aiSystemId=${system.id}`)).toEqual(['Model Co']);
    expect(await names('?kind=labelling_service')).toEqual(['Label House']);
    expect(await names('?q=claims')).toEqual(['Model Co']);
    const csv = await owner.get(`${base}/export.csv?review=overdue`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n')[0]).toMatch(/^ref,name,kind,supplies,systems,trainsOnInputs/);
    expect(csv.text).toMatch(/Model Co/);
    expect(csv.text).not.toMatch(/Label House/);

    // The overdue review is in the owner's tasks, from the one task system.
    const tasks = (await owner.get('/api/me/tasks')).body.items as {
      kind: string;
      title: string;
      dueState: string;
      href: string;
    }[];
    const review = tasks.find((t) => t.kind === 'supplier_review');
    expect(review).toMatchObject({ title: 'Review supplier SUP-1 Model Co', dueState: 'overdue' });
    expect(review!.href).toBe(`/orgs/${orgId}/suppliers/${overdue.body.id}`);

    // Recording a review moves it on; stale versions and future dates are refused.
    const today = serverToday();
    const future = await owner.post(`${base}/${overdue.body.id}/reviews`, { version: 1, reviewedOn: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toMatch(/cannot be in the future/);
    const reviewed = await owner.post(`${base}/${overdue.body.id}/reviews`, {
      version: 1,
      reviewedOn: today,
      note: 'SOC 2 report read',
    });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.body).toMatchObject({ reviewState: 'current', version: 2, lastReviewedOn: today });
    expect((await owner.post(`${base}/${overdue.body.id}/reviews`, { version: 1, reviewedOn: today })).status).toBe(
      409,
    );
    const after = (await owner.get('/api/me/tasks')).body.items as { kind: string; dueState: string }[];
    expect(after.find((t) => t.kind === 'supplier_review')?.dueState).not.toBe('overdue');

    // Messages.
    const cadence = await owner.post(base, { name: 'X', reviewCadenceMonths: 0 });
    expect(cadence.status).toBe(400);
    expect(cadence.text).toMatch(/Review every \(months\) must be at least 1/);
    const stranger = await owner.patch(`${base}/${current.body.id}`, { version: 1, aiSystemIds: ['nope'] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.message).toMatch(/not an AI system of this organization/);
  });

  it('classifies a system under the EU AI Act, lists its obligations with 42001 links, and links the FRIA', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Act Org');
    const system = await newSystem(owner, orgId, { aiRoles: ['customer'] });
    const url = `/api/orgs/${orgId}/ai-systems/${system.id}/ai-act`;
    const empty = (await owner.get(url)).body;
    expect(empty).toMatchObject({ version: 0, class: 'unscreened', fria: 'not_applicable' });

    const saved = await owner.put(url, {
      version: 0,
      prohibitedScreened: true,
      annexIIICategory: 'creditworthiness',
      roles: ['deployer'],
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, class: 'high_risk', fria: 'required' });
    expect(saved.body.obligations.map((o: { ref: string }) => o.ref)).toEqual(['Art. 4', 'Art. 26', 'Art. 27']);
    const art27 = saved.body.obligations.find((o: { ref: string }) => o.ref === 'Art. 27');
    expect(art27.title).toMatch(/Fundamental rights impact assessment/);
    expect(art27.iso42001.map((l: { ref: string }) => l.ref)).toContain('6.1.4');
    expect(saved.body.warnings.join(' ')).toMatch(/Art\. 27\) is required/);

    // The FRIA is a 42001 impact assessment of the same system.
    const otherSystem = await newSystem(owner, orgId, { name: 'Other' });
    const foreignIa = (
      await owner.post(`/api/orgs/${orgId}/impact-assessments`, { aiSystemId: otherSystem.id, trigger: 'new_system' })
    ).body;
    const wrong = await owner.put(url, {
      version: 1,
      prohibitedScreened: true,
      annexIIICategory: 'creditworthiness',
      roles: ['deployer'],
      friaImpactAssessmentId: foreignIa.id,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/impact assessment of this AI system/);
    const ia = (
      await owner.post(`/api/orgs/${orgId}/impact-assessments`, { aiSystemId: system.id, trigger: 'new_system' })
    ).body;
    const linked = await owner.put(url, {
      version: 1,
      prohibitedScreened: true,
      annexIIICategory: 'creditworthiness',
      roles: ['deployer'],
      friaImpactAssessmentId: ia.id,
    });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.body.friaImpactAssessment).toMatchObject({ id: ia.id, ref: ia.ref });
    expect(linked.body.warnings).toEqual([]);

    // Stale and bad input.
    expect((await owner.put(url, { version: 1, prohibitedScreened: true })).status).toBe(409);
    const bad = await owner.put(url, { version: 2, prohibitedScreened: true, roles: ['seller'] });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Role under the Act/);

    // In the AI system's history.
    const history = (await owner.get(`/api/orgs/${orgId}/ai-systems/${system.id}/history`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(history).toContain('ai_system.ai_act_classified');
  });

  it('keeps the split of responsibilities with customers for a provided system only', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Split Org');
    const provided = await newSystem(owner, orgId, { aiRoles: ['provider'] });
    const used = await newSystem(owner, orgId, { name: 'Bought', aiRoles: ['customer'] });
    const items = [{ topic: 'Human oversight of scores', ours: 'Document limits', customers: 'Review every refusal' }];
    const ok = await owner.put(`/api/orgs/${orgId}/ai-systems/${provided.id}/customer-responsibilities`, {
      version: 0,
      items,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ version: 1, applies: true, items });
    const refused = await owner.put(`/api/orgs/${orgId}/ai-systems/${used.id}/customer-responsibilities`, {
      version: 0,
      items,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/add the provider role/);
    const stale = await owner.put(`/api/orgs/${orgId}/ai-systems/${provided.id}/customer-responsibilities`, {
      version: 0,
      items: [],
    });
    expect(stale.status).toBe(409);
  });

  it("never shows or changes another organization's records", async () => {
    const a = await newOrgOwner(ctx(), 'Org A');
    const b = await newOrgOwner(ctx(), 'Org B');
    const systemA = await newSystem(a.owner, a.orgId);
    const ds = (await a.owner.post(`/api/orgs/${a.orgId}/data-sets`, { name: 'A data' })).body;
    const sup = (await a.owner.post(`/api/orgs/${a.orgId}/suppliers`, { name: 'A supplier' })).body;
    // B cannot reach A's records under A's organization…
    expect((await b.owner.get(`/api/orgs/${a.orgId}/data-sets`)).status).toBe(404);
    expect((await b.owner.get(`/api/orgs/${a.orgId}/suppliers/${sup.id}`)).status).toBe(404);
    // …nor under its own, nor link A's system to its records.
    expect((await b.owner.get(`/api/orgs/${b.orgId}/data-sets/${ds.id}`)).status).toBe(404);
    expect((await b.owner.patch(`/api/orgs/${b.orgId}/suppliers/${sup.id}`, { version: 1, name: 'x' })).status).toBe(
      404,
    );
    expect((await b.owner.get(`/api/orgs/${b.orgId}/ai-systems/${systemA.id}/ai-act`)).status).toBe(404);
    const steal = await b.owner.post(`/api/orgs/${b.orgId}/suppliers`, { name: 'B', aiSystemIds: [systemA.id] });
    expect(steal.status).toBe(422);
    expect((await b.owner.get(`/api/orgs/${b.orgId}/suppliers`)).body.items).toEqual([]);
    const evB = await b.owner.post(`/api/orgs/${b.orgId}/evidence`, {
      title: 'B evidence',
      url: 'https://b.example.com/x',
    });
    const linkB = await b.owner.post(`/api/orgs/${b.orgId}/evidence/${evB.body.id}/links`, {
      subjectType: 'data_set',
      subjectId: ds.id,
    });
    expect(linkB.status).toBe(404);
  });
});
