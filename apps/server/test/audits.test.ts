import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { auditResultsSince } from '../src/modules/audits/summary';
import { nonconformitySummary } from '../src/modules/nonconformities/summary';
import { dueItems as ncDue } from '../src/modules/nonconformities/due';
import { addMember, Client, describeEachDialect, newOrgOwner, otherInstance } from './harness';

// Internal audit (9.2) and nonconformity and corrective action (10.2) over HTTP on both dialects:
// programme coverage and approval, the independence check, checklist from scope, findings raising
// nonconformities, the corrective-action cycle with closure by someone else, summaries for the
// management review, numbering under parallel requests (PostgreSQL, two instances), isolation.

describeEachDialect('Internal audit and nonconformities', (ctx) => {
  let other: Server | undefined;
  beforeAll(async () => {
    if (ctx().dialect === 'postgres') other = await otherInstance(ctx());
  });
  afterAll(async () => {
    await other?.close();
  });

  it('documents the routes in OpenAPI', async () => {
    const { owner } = await newOrgOwner(ctx(), 'Audit OpenAPI Org');
    const paths = Object.keys((await owner.get('/api/openapi.json')).body.paths);
    for (const p of [
      '/api/orgs/{orgId}/audit-programme',
      '/api/orgs/{orgId}/audits/{id}/checklist/{itemId}',
      '/api/orgs/{orgId}/audits/{id}/findings',
      '/api/orgs/{orgId}/nonconformities/{id}/close',
      '/api/orgs/{orgId}/improvements',
    ])
      expect(paths).toContain(p);
  });

  it('runs programme → plan with independence → checklist → minor NC → corrective action → review → closure by someone else', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const { owner, orgId } = await newOrgOwner(ctx(), 'Audit Org');
    const auditor = await addMember(ctx(), owner, orgId, 'internal_auditor');
    const auditee = await addMember(ctx(), owner, orgId, 'contributor');
    const manager = await addMember(ctx(), owner, orgId, 'manager');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const api = `/api/orgs/${orgId}`;

    // Programme: coverage of clauses 4–10 and the controls; approval needs an acknowledgement while some are uncovered.
    const prog0 = (await owner.get(`${api}/audit-programme`)).body;
    expect(prog0.version).toBe(0);
    expect(
      prog0.coverage.filter((r: { kind: string }) => r.kind === 'clause').map((r: { unit: string }) => r.unit),
    ).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    expect(prog0.coverage.every((r: { state: string }) => r.state === 'never')).toBe(true);
    expect(prog0.coverage.some((r: { unit: string }) => r.unit === 'A.6.2.4')).toBe(true);
    const saved = await auditor.put(`${api}/audit-programme`, { version: 0, cycleStart: '2026-01-01', cycleYears: 3 });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ cycleEnd: '2028-12-31', status: 'draft', version: 1 });
    expect((await auditor.post(`${api}/audit-programme/approve`, { version: 1 })).status).toBe(403);
    const unacked = await owner.post(`${api}/audit-programme/approve`, { version: 1 });
    expect(unacked.status).toBe(422);
    expect(unacked.body.error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const approved = await owner.post(`${api}/audit-programme/approve`, {
      version: 1,
      acknowledgement: 'First cycle: the remaining audits are planned during the year',
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedRevision: 1 });

    // Independence: the auditor is Responsible for an activity in the RACI; auditing clause 6 warns.
    const raci = await owner.post(`${api}/raci`, {
      name: 'Run the AI risk assessment',
      assignments: [
        { assignee: { userId: auditor.user!.id }, letter: 'R' },
        { assignee: { userId: owner.user!.id }, letter: 'A' },
      ],
    });
    expect(raci.status, raci.text).toBe(201);
    const plan = {
      title: 'Risk management',
      objectives: 'Confirm risk assessment and treatment conform',
      scope: { refs: ['6.1.2', 'A.6.2.4'], units: ['Data science'] },
      leadId: auditor.user!.id,
      auditees: ['Head of data science'],
      method: 'remote',
      plannedStart: '2026-12-10',
      plannedEnd: '2026-12-11',
    };
    const warned = await auditor.post(`${api}/audits`, plan);
    expect(warned.status).toBe(422);
    expect(warned.body.error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    expect(warned.body.error.message).toMatch(/Responsible for "Run the AI risk assessment"/);
    expect((await viewer.post(`${api}/audits`, plan)).status).toBe(403);
    const badRef = await auditor.post(`${api}/audits`, { ...plan, scope: { refs: ['Z.9'] } });
    expect(badRef.status).toBe(422);
    expect(badRef.text).toMatch(/Unknown clause or control: Z.9/);
    // The organization's own documents in scope are listed with the version to sample.
    const methodology = await owner.post(`${api}/documents`, { typeId: 'risk-methodology' });
    expect(methodology.status, methodology.text).toBe(201);
    const created = await auditor.post(`${api}/audits`, {
      ...plan,
      independenceJustification: 'Only trained auditor; the RACI duty is clerical. Reviewed by the owner.',
    });
    expect(created.status, created.text).toBe(201);
    const audit = created.body;
    expect(audit).toMatchObject({ ref: 'AUD-1', status: 'planned', method: 'remote', lead: { id: auditor.user!.id } });
    expect(audit.independenceWarnings).toHaveLength(1);
    expect(audit.checklist.map((i: { ref: string }) => i.ref)).toEqual(['6.1.2', 'A.6.2.4']);
    expect(audit.checklist[0].looksFor.length).toBeGreaterThan(10);
    expect(audit.checklist[0].sources.expectedEvidence.length).toBeGreaterThan(0);
    expect(audit.checklist[0].sources.documents).toEqual([
      {
        id: methodology.body.id,
        title: methodology.body.title,
        version: `${methodology.body.code} v1.0 (draft)`,
      },
    ]);

    // Checklist entry with a sample and evidence from the library; entering starts the audit.
    const ev = await owner.post(`${api}/evidence`, {
      title: 'Risk register export',
      url: 'https://wiki.example/risks',
    });
    expect(ev.status, ev.text).toBe(201);
    const [item1, item2] = audit.checklist;
    const answered = await auditor.patch(`${api}/audits/${audit.id}/checklist/${item1.id}`, {
      version: item1.version,
      result: 'finding',
      notes: 'Two of five risks lack a treatment decision',
      sampled: 'Risks of the credit model',
      sampleSize: 5,
      population: '23 risks in the register',
      evidenceIds: [ev.body.id],
    });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body).toMatchObject({ result: 'finding', sampleSize: 5, evidenceIds: [ev.body.id], version: 2 });
    expect((await auditor.patch(`${api}/audits/${audit.id}/checklist/${item1.id}`, { version: 1 })).status).toBe(409);
    expect(
      (await auditor.patch(`${api}/audits/${audit.id}/checklist/${item2.id}`, { version: 1, evidenceIds: ['nope'] }))
        .status,
    ).toBe(422);
    expect((await viewer.patch(`${api}/audits/${audit.id}/checklist/${item2.id}`, { version: 1 })).status).toBe(403);

    // A minor NC with evidence raises NC-1 for the auditee; an OFI enters the improvement log.
    const finding = await auditor.post(`${api}/audits/${audit.id}/findings`, {
      grade: 'minor',
      checklistItemId: item1.id,
      requirement: 'Risk treatment options are selected for every assessed risk',
      evidence: 'R-4 and R-9 have no treatment decision (register of 2026-12-10)',
      statement: 'Two sampled risks lack a treatment decision',
      ownerId: auditee.user!.id,
      evidenceIds: [ev.body.id],
    });
    expect(finding.status, finding.text).toBe(201);
    const f = finding.body.findings[0];
    expect(f).toMatchObject({ ref: 'F-1', grade: 'minor', clauseRef: '6.1.2', evidenceIds: [ev.body.id] });
    expect(f.nonconformityId).toBeTruthy();
    const ofi = await auditor.post(`${api}/audits/${audit.id}/findings`, {
      grade: 'ofi',
      ref: 'A.6.2.4',
      statement: 'Automate the link between risks and controls',
    });
    expect(ofi.status, ofi.text).toBe(201);
    expect(
      (await auditor.post(`${api}/audits/${audit.id}/findings`, { grade: 'major', statement: 'No ref' })).status,
    ).toBe(422);
    const log = (await viewer.get(`${api}/improvements`)).body.items;
    expect(log.map((i: { ref: string }) => i.ref).sort()).toEqual(['IMP-1', 'NC-1']);
    // An open nonconformity against 6.1.2 puts clause 6 on a yearly audit.
    const withNc = (await viewer.get(`${api}/audit-programme`)).body.coverage.find(
      (r: { unit: string }) => r.unit === '6',
    );
    expect(withNc.frequency.weight).toBe('high');
    expect(withNc.frequency.reasons).toContain('Open nonconformity: NC-1');

    // The corrective action cycle.
    const ncUrl = `${api}/nonconformities/${f.nonconformityId}`;
    let nc = (await auditee.get(ncUrl)).body;
    expect(nc).toMatchObject({
      ref: 'NC-1',
      source: 'internal_audit',
      sourceRef: 'AUD-1 F-1',
      grade: 'minor',
      status: 'open',
      ownerId: auditee.user!.id,
      people: { [auditee.user!.id]: { id: auditee.user!.id } },
      raisedBy: { id: auditor.user!.id },
    });
    expect(nc.responseDue).toMatch(/^\d{4}-\d\d-\d\d$/);
    const tasks = (await auditee.get('/api/me/tasks')).body.items as { kind: string; title: string; href: string }[];
    expect(tasks.find((t) => t.kind === 'nonconformity')).toMatchObject({
      title: expect.stringContaining('Respond to NC-1'),
      href: `/orgs/${orgId}/nonconformities/${nc.id}`,
    });
    const early = await auditee.post(`${ncUrl}/plan`, { version: nc.version });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/Record the correction/);
    nc = (
      await auditee.patch(ncUrl, {
        version: nc.version,
        correction: 'Decided treatments for R-4 and R-9',
        rootCauseMethod: 'five_whys',
        whys: ['No decision recorded', 'Review meeting skipped', 'No owner for the review'],
        causeCategories: ['process', 'governance'],
        rootCause: 'The risk review has no owner',
        similarCases: 'Checked all 23 risks: no other case',
      })
    ).body;
    expect(nc.whys).toHaveLength(3);
    const action = await auditee.post(`${ncUrl}/actions`, {
      title: 'Name an owner for the monthly risk review',
      ownerId: auditee.user!.id,
      dueDate: '2027-01-31',
    });
    expect(action.status, action.text).toBe(201);
    expect(action.body.actions).toHaveLength(1);
    const planned = await auditee.post(`${ncUrl}/plan`, { version: action.body.version });
    expect(planned.status, planned.text).toBe(200);
    expect(planned.body.status).toBe('actions_planned');
    const act = planned.body.actions[0];
    expect((await auditee.get('/api/me/tasks')).body.items.some((t: { id: string }) => t.id === act.id)).toBe(true);
    expect((await auditee.post(`${ncUrl}/start-review`, { version: planned.body.version })).status).toBe(422);
    expect((await auditee.patch(`${api}/actions/${act.id}`, { version: act.version, status: 'done' })).status).toBe(
      200,
    );
    const reviewing = await auditee.post(`${ncUrl}/start-review`, { version: planned.body.version });
    expect(reviewing.status, reviewing.text).toBe(200);
    expect(reviewing.body.status).toBe('effectiveness_review');
    expect(reviewing.body.reviewDue).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(
      (await auditee.post(`${ncUrl}/review`, { version: reviewing.body.version, effective: true, notes: 'x' })).status,
    ).toBe(403);
    const reviewed = await auditor.post(`${ncUrl}/review`, {
      version: reviewing.body.version,
      effective: true,
      notes: 'Sampled three monthly reviews: all held with decisions',
    });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'verified', effective: true });
    // Nobody closes their own: the auditor raised it; the owner has no close permission anyway.
    const ownClose = await auditor.post(`${ncUrl}/close`, { version: reviewed.body.version });
    expect(ownClose.status).toBe(403);
    expect(ownClose.body.error.message).toMatch(/whoever raised it cannot close/);
    expect((await auditee.post(`${ncUrl}/close`, { version: reviewed.body.version })).status).toBe(403);
    const closed = await manager.post(`${ncUrl}/close`, { version: reviewed.body.version });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedByName: 'manager person' });
    expect((await auditee.patch(ncUrl, { version: closed.body.version, correction: 'late' })).status).toBe(422);

    // Complete the audit: every item needs a result and the conclusion; then it is frozen.
    let a = (await auditor.get(`${api}/audits/${audit.id}`)).body;
    expect(a.status).toBe('in_progress');
    const notReady = await auditor.patch(`${api}/audits/${audit.id}`, {
      version: a.version,
      status: 'completed',
      conclusion: 'Conforms except F-1',
    });
    expect(notReady.status).toBe(422);
    expect(notReady.body.error.message).toMatch(/A.6.2.4 are not checked/);
    await auditor.patch(`${api}/audits/${audit.id}/checklist/${item2.id}`, { version: 1, result: 'conforms' });
    a = (await auditor.get(`${api}/audits/${audit.id}`)).body;
    const done = await auditor.patch(`${api}/audits/${audit.id}`, {
      version: a.version,
      status: 'completed',
      conclusion: 'The risk process conforms except F-1',
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.findingCounts).toEqual({ major: 0, minor: 1, observation: 0, ofi: 1 });
    expect(
      (await auditor.post(`${api}/audits/${audit.id}/findings`, { grade: 'observation', statement: 'Late' })).status,
    ).toBe(422);

    // Coverage now shows 6 and A.6.2.4 audited; the summaries feed the management review.
    const prog = (await viewer.get(`${api}/audit-programme`)).body;
    const state = (u: string) => prog.coverage.find((r: { unit: string }) => r.unit === u).state;
    expect([state('6'), state('A.6.2.4'), state('7')]).toEqual(['covered', 'covered', 'never']);
    // Frequency weighted by importance and past results, with the reasons the coverage view shows.
    const frequency = (u: string) => prog.coverage.find((r: { unit: string }) => r.unit === u).frequency;
    expect(frequency('6')).toMatchObject({
      weight: 'high',
      intervalMonths: 12,
      overdue: false,
      reasons: [
        '1 nonconformity found at its last audit',
        'Key process of the AIMS (AI risk and impact assessment, operation)',
      ],
    });
    expect(frequency('7')).toMatchObject({ weight: 'normal', intervalMonths: 36, overdue: true });
    expect(frequency('7').reasons).toEqual(['Never audited', 'Once in the 3-year cycle']);
    expect(frequency('A.6.2.4')).toMatchObject({ weight: 'normal', intervalMonths: 36, overdue: false });
    const results = await auditResultsSince(ctx().handle.db, orgId, since);
    expect(results).toMatchObject({ completed: 1, findingsByGrade: { major: 0, minor: 1, observation: 0, ofi: 1 } });
    expect(results.audits[0]!.ref).toBe('AUD-1');
    const summary = await nonconformitySummary(ctx().handle.db, orgId, since);
    expect(summary).toMatchObject({ open: 0, closed: 1, raised: 1, overdue: 0 });
    expect(summary.bySource.internal_audit).toEqual({ open: 0, closed: 1, raised: 1 });
    expect(await ncDue(ctx().handle.db, orgId)).toEqual([]);

    const pdf = await viewer.get(`${api}/audits/${audit.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    const docx = await viewer.get(`${api}/audits/${audit.id}/report.docx`);
    expect(docx.status).toBe(200);
    // Signed off, the report is a record of the document model: one published version, its files kept.
    expect(done.body.reportDocumentId).toEqual(expect.any(String));
    const record = (await viewer.get(`${api}/documents/${done.body.reportDocumentId}`)).body;
    expect(record).toMatchObject({
      typeId: 'internal-audit-report',
      kind: 'record',
      title: 'Internal audit report AUD-1: Risk management',
      inForce: { label: '1.0', state: 'published', approvedBy: { id: auditor.user!.id } },
    });
    expect(record.code).toMatch(/-IAR-001$/);
    expect(String(docx.headers['content-disposition'])).toContain(`${record.code}-v1.0.docx`);
    expect(docx.headers['x-content-sha256']).toBe(record.inForce.docxSha256);
    expect(pdf.headers['x-content-sha256']).toBe(record.inForce.pdfSha256);
    const version = (await viewer.get(`${api}/documents/${record.id}/versions/${record.inForce.id}`)).body;
    expect(version.content.kind).toBe('record');
    expect(JSON.stringify(version.content.frozen.sections)).toContain('The risk process conforms except F-1');
    const listed = (await viewer.get(`${api}/documents`)).body.items.map((d: { id: string }) => d.id);
    expect(listed).toContain(record.id);
    const master = (await viewer.get(`${api}/documented-information`)).body.items;
    expect(master.find((i: { key: string }) => i.key === 'internal-audit-records')).toMatchObject({
      state: 'records',
      records: '1 approved revision of the audit programme, 1 signed-off audit report',
    });
    // A record never changes: no new version, no withdrawal.
    const redraft = await owner.post(`${api}/documents/${record.id}/versions`, { material: true });
    expect(redraft.status).toBe(422);
    expect(redraft.body.error.message).toMatch(/record/);
    const withdraw = await owner.post(`${api}/documents/${record.id}/versions/${record.inForce.id}/withdraw`, {
      version: version.version,
      comment: 'Try',
    });
    expect(withdraw.status).toBe(422);
    expect(withdraw.body.error.message).toMatch(/never withdrawn/);
    const csv = await viewer.get(`${api}/nonconformities/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toMatch(/NC-1/);
    expect((await viewer.get(`${api}/audits/export.csv`)).text).toMatch(/AUD-1/);
  });

  it('numbers nonconformities without gaps or duplicates under parallel requests', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'NC Numbers Org');
    const clients = [owner, other ? new Client(other, owner.auth, owner.user) : owner];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        clients[i % clients.length]!.post(`/api/orgs/${orgId}/nonconformities`, {
          source: 'incident',
          grade: 'minor',
          title: `Incident ${i}`,
        }),
      ),
    );
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(results.map((r) => r.body.ref as string).sort((x, y) => Number(x.slice(3)) - Number(y.slice(3)))).toEqual(
      Array.from({ length: 10 }, (_, i) => `NC-${i + 1}`),
    );
    const summary = await nonconformitySummary(ctx().handle.db, orgId, '2000-01-01');
    expect(summary.bySource.incident.open).toBe(10);
  });

  it('keeps audits and nonconformities to their organization', async () => {
    const a = await newOrgOwner(ctx(), 'Audit Tenant A');
    const b = await newOrgOwner(ctx(), 'Audit Tenant B');
    const audit = (await a.owner.post(`/api/orgs/${a.orgId}/audits`, { title: 'A only', scope: { refs: ['9'] } })).body;
    expect(audit.ref).toBe('AUD-1');
    expect((await b.owner.get(`/api/orgs/${a.orgId}/audits/${audit.id}`)).status).toBe(404);
    expect((await b.owner.get(`/api/orgs/${b.orgId}/audits/${audit.id}`)).status).toBe(404);
    const nc = (
      await a.owner.post(`/api/orgs/${a.orgId}/nonconformities`, {
        source: 'monitoring',
        grade: 'major',
        title: 'Drift',
      })
    ).body;
    expect((await b.owner.get(`/api/orgs/${b.orgId}/nonconformities/${nc.id}`)).status).toBe(404);
    const foreignOwner = await b.owner.post(`/api/orgs/${a.orgId}/nonconformities`, {
      source: 'monitoring',
      grade: 'major',
      title: 'X',
    });
    expect(foreignOwner.status).toBe(404);
    const badOwner = await a.owner.post(`/api/orgs/${a.orgId}/nonconformities`, {
      source: 'monitoring',
      grade: 'major',
      title: 'X',
      ownerId: b.owner.user!.id,
    });
    expect(badOwner.status).toBe(422);
  });
});
