import { expect, it } from 'vitest';
import { addMember, describeEachDialect, newOrgOwner, validAiSystem, type Client } from './harness';
import { download } from './files';

// Step 6, items 4 and 5, over HTTP on both dialects: the CB's audits and their findings (majors and
// minors raise nonconformities in the one register with the CB's deadline, an OFI goes to the
// improvement log), the certification decision refused while a major is open or a minor has no
// accepted plan, the certificate scheduling the three-year cycle, reminders in the task list, the
// status report PDF, versions, audit events and tenant isolation; and "no significant change".

/** Takes a nonconformity from open to closed through the one register: owner plans, reviewer closes. */
async function closeNc(owner: Client, reviewer: Client, api: string, ncId: string) {
  const url = `${api}/nonconformities/${ncId}`;
  const nc = (await owner.get(url)).body;
  const analysed = await owner.patch(url, {
    version: nc.version,
    correction: 'Re-ran the assessment',
    rootCause: 'No trigger for re-assessment after retraining',
  });
  expect(analysed.status, analysed.text).toBe(200);
  const withAction = await owner.post(`${url}/actions`, {
    title: 'Add retraining as a significant change',
    ownerId: owner.user!.id,
    dueDate: '2027-01-31',
  });
  expect(withAction.status, withAction.text).toBe(201);
  const planned = await owner.post(`${url}/plan`, { version: withAction.body.version });
  expect(planned.status, planned.text).toBe(200);
  const act = planned.body.actions[0];
  expect((await owner.patch(`${api}/actions/${act.id}`, { version: act.version, status: 'done' })).status).toBe(200);
  const reviewing = await owner.post(`${url}/start-review`, { version: planned.body.version });
  expect(reviewing.status, reviewing.text).toBe(200);
  const reviewed = await reviewer.post(`${url}/review`, {
    version: reviewing.body.version,
    effective: true,
    notes: 'Two retrainings since: both re-assessed',
  });
  expect(reviewed.status, reviewed.text).toBe(200);
  // The CB's auditor raised it, not a member: anyone independent of the owner may close it.
  const closed = await reviewer.post(`${url}/close`, { version: reviewed.body.version });
  expect(closed.status, closed.text).toBe(200);
}

describeEachDialect('certification cycle: CB audits, findings, certificate, cycle', (ctx) => {
  it('documents the routes in OpenAPI', async () => {
    const { owner } = await newOrgOwner(ctx(), 'Cycle OpenAPI Org');
    const paths = Object.keys((await owner.get('/api/openapi.json')).body.paths);
    for (const p of [
      '/api/orgs/{orgId}/certification-engagements/{id}/cycle',
      '/api/orgs/{orgId}/certification-engagements/{id}/audits',
      '/api/orgs/{orgId}/certification-engagements/{id}/certificate',
      '/api/orgs/{orgId}/certification-engagements/{id}/status-report.pdf',
      '/api/orgs/{orgId}/certification-audits/{auditId}/findings',
      '/api/orgs/{orgId}/certification-findings/{findingId}',
      '/api/orgs/{orgId}/certificates/{certificateId}',
      '/api/orgs/{orgId}/ai-systems/{id}/no-change-confirmations',
    ])
      expect(paths).toContain(p);
  });

  it('runs stage 1 and stage 2 with findings to closure, refuses the decision until then, and schedules the cycle', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Cycle Org');
    const manager = await addMember(ctx(), owner, orgId, 'manager');
    const api = `/api/orgs/${orgId}`;
    const cb = await owner.post(`${api}/certification-engagements`, {
      cbName: 'Example Certification',
      accredited: true,
      accreditationBody: 'UKAS',
      auditTeam: [{ name: 'Ada Auditor', role: 'Lead auditor' }],
      submittedScope: 'Claims AI',
    });
    expect(cb.status, cb.text).toBe(201);
    const cycleUrl = `${api}/certification-engagements/${cb.body.id}/cycle`;

    // Stage 1, done, with one minor and one OFI.
    const s1 = await owner.post(`${api}/certification-engagements/${cb.body.id}/audits`, {
      kind: 'stage1',
      status: 'done',
      startDate: '2026-09-01',
      endDate: '2026-09-02',
      conclusion: 'Ready for stage 2 with one concern',
    });
    expect(s1.status, s1.text).toBe(201);
    expect(s1.body).toMatchObject({ title: 'Stage 1', team: [{ name: 'Ada Auditor' }] });
    expect((await owner.get(`${api}/certification-engagements/${cb.body.id}`)).body.status).toBe('stage1_done');
    const ofi = await owner.post(`${api}/certification-audits/${s1.body.id}/findings`, {
      grade: 'ofi',
      clauseRef: 'A.6.2.6',
      title: 'Monitoring dashboards could alert on drift',
    });
    expect(ofi.status, ofi.text).toBe(201);
    expect(ofi.body).toMatchObject({ state: 'noted', nonconformity: null, improvement: { ref: 'IMP-1' } });

    const bad = await owner.post(`${api}/certification-audits/${s1.body.id}/findings`, { grade: 'minor', title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Clause or control');

    // Stage 2 with a major and a minor: each a nonconformity from the certification audit.
    const s2 = await owner.post(`${api}/certification-engagements/${cb.body.id}/audits`, {
      kind: 'stage2',
      status: 'planned',
      startDate: '2026-11-02',
      endDate: '2026-11-04',
    });
    const major = await owner.post(`${api}/certification-audits/${s2.body.id}/findings`, {
      grade: 'major',
      clauseRef: '8.4',
      title: 'Impact assessment not re-run after retraining',
      evidence: 'Model v3 deployed 2026-08-01; AIIA-2 signed off 2026-03-10',
      ownerId: owner.user!.id,
    });
    expect(major.status, major.text).toBe(201);
    expect(major.body).toMatchObject({ ref: 'CF-2', state: 'open', cbDeadline: '2027-02-02' });
    const minor = await owner.post(`${api}/certification-audits/${s2.body.id}/findings`, {
      grade: 'minor',
      clauseRef: '7.5.3',
      title: 'AI policy review date passed',
      ownerId: owner.user!.id,
      cbDeadline: '2026-12-15',
    });
    expect(minor.status, minor.text).toBe(201);
    const nc = (await owner.get(`${api}/nonconformities/${major.body.nonconformity.id}`)).body;
    expect(nc).toMatchObject({
      source: 'certification_audit',
      sourceRef: 'CF-2 Stage 2',
      grade: 'major',
      clauseRef: '8.4',
      responseDue: '2027-02-02',
      // The CB's auditor is not a member: no person to link, the name as recorded.
      raisedBy: null,
      raisedByName: 'Ada Auditor, Example Certification',
    });
    expect(nc.statement).toContain('Evidence: Model v3 deployed');

    // The decision is refused: stage 2 not done, the major open, the minor without an accepted plan.
    const certBody = { certificateNumber: 'AIMS-0042', decisionDate: '2026-12-20', issueDate: '2026-12-21' };
    let refused = await owner.post(`${api}/certification-engagements/${cb.body.id}/certificate`, certBody);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.blockers).toHaveLength(3);
    const done = await owner.patch(`${api}/certification-audits/${s2.body.id}`, { version: 1, status: 'done' });
    expect(done.status, done.text).toBe(200);
    const stale = await owner.patch(`${api}/certification-audits/${s2.body.id}`, { version: 1, conclusion: 'x' });
    expect(stale.status).toBe(409);

    await closeNc(owner, manager, api, major.body.nonconformity.id);
    const accepted = await owner.patch(`${api}/certification-findings/${minor.body.id}`, {
      version: minor.body.version,
      cbAcceptedOn: '2026-12-10',
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.state).toBe('plan_accepted');
    let cycle = (await owner.get(cycleUrl)).body;
    expect(cycle.decisionBlockers).toEqual([]);
    expect(cycle.counts).toMatchObject({ openMajors: 0, openMinors: 1 });

    // The status report for the CB shows the plan and the evidence of closure.
    const pdf = await download(owner, `${api}/certification-engagements/${cb.body.id}/status-report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // The certificate: three years, and the cycle's audits planned.
    const cert = await owner.post(`${api}/certification-engagements/${cb.body.id}/certificate`, certBody);
    expect(cert.status, cert.text).toBe(201);
    expect(cert.body).toMatchObject({
      expiryDate: '2029-12-19',
      cbName: 'Example Certification',
      accredited: true,
      scope: 'Claims AI',
      status: 'active',
    });
    cycle = (await owner.get(cycleUrl)).body;
    expect(cycle.engagement.status).toBe('certified');
    const planned = cycle.audits.filter((a: { status: string }) => a.status === 'planned');
    expect(planned.map((a: { kind: string; dueBy: string }) => [a.kind, a.dueBy])).toEqual([
      ['surveillance1', '2027-12-20'],
      ['surveillance2', '2028-12-20'],
      ['recertification', '2029-12-18'],
    ]);
    const kinds = cycle.timeline.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['audit', 'decision', 'expiry', 'improvement', 'nonconformity']));
    expect(cycle.timeline.find((t: { kind: string }) => t.kind === 'improvement').phase).toBe('act');

    // Reminders in the task list of whoever recorded the certificate: the planned surveillance audits.
    const tasks = (await owner.get('/api/me/tasks?limit=100')).body.items as { kind: string; title: string }[];
    expect(tasks.some((t) => t.kind === 'certification_audit' && t.title.startsWith('Surveillance 1 audit'))).toBe(
      true,
    );

    // A surveillance audit takes its own findings; the portfolio counts the open ones.
    const surveillance = planned[0];
    const sf = await owner.post(`${api}/certification-audits/${surveillance.id}/findings`, {
      grade: 'minor',
      clauseRef: '9.1',
      title: 'Monitoring gap in March',
    });
    expect(sf.status, sf.text).toBe(201);
    const portfolio = (await owner.get('/api/me/portfolio')).body.items.find(
      (i: { orgId: string }) => i.orgId === orgId,
    );
    expect(portfolio).toMatchObject({ openMajors: 0, openMinors: 2 });
    // An audit with findings stays on record.
    expect((await owner.delete(`${api}/certification-audits/${surveillance.id}`)).status).toBe(422);

    const events = (await owner.get(`${api}/audit-events?entityType=certification_finding`)).body.items as {
      action: string;
    }[];
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['certification_finding.recorded', 'certification_finding.plan_accepted']),
    );
    expect((await owner.get(`${api}/audit-events?entityType=certificate`)).body.items[0].action).toBe(
      'certificate.recorded',
    );

    // Another organization sees none of it; a viewer cannot write.
    const other = await newOrgOwner(ctx(), 'Other Cycle Org');
    expect((await other.owner.get(`/api/orgs/${other.orgId}/certification-audits/${s2.body.id}`)).status).toBe(404);
    expect((await other.owner.get(`/api/orgs/${orgId}/certification-engagements/${cb.body.id}/cycle`)).status).toBe(
      404,
    );
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await viewer.get(cycleUrl)).status).toBe(200);
    expect(
      (
        await viewer.post(`${api}/certification-audits/${s2.body.id}/findings`, {
          grade: 'ofi',
          clauseRef: '1',
          title: 'x',
        })
      ).status,
    ).toBe(403);
    refused = await owner.post(`${api}/certification-engagements/nope/certificate`, certBody);
    expect(refused.status).toBe(404);
  });

  it('lets an unchanged organization confirm "no significant change" instead of lacking data', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Unchanged Org');
    const api = `/api/orgs/${orgId}`;
    const sys = await owner.post(`${api}/ai-systems`, validAiSystem({ name: 'Claims triage' }));
    expect(sys.status, sys.text).toBe(201);
    const scope = (await owner.get(`${api}/scope`)).body;
    const put = await owner.patch(`${api}/scope`, { version: scope.version ?? 0, aiSystemIds: [sys.body.id] });
    expect([200, 201], put.text).toContain(put.status);
    const rule = async () =>
      (await owner.get(`${api}/readiness`)).body.findings.find(
        (f: { id: string }) => f.id === 'reassessed-after-change',
      );
    expect(await rule()).toMatchObject({ status: 'lacks_data' });
    expect((await rule()).reasons[0].message).toContain('Claims triage');

    const confirmed = await owner.post(`${api}/ai-systems/${sys.body.id}/no-change-confirmations`, {
      note: 'No release, data or supplier change since the last assessment',
    });
    expect(confirmed.status, confirmed.text).toBe(201);
    expect(confirmed.body).toMatchObject({ aiSystemName: 'Claims triage' });
    expect(await rule()).toMatchObject({ status: 'passed' });
    expect((await owner.get(`${api}/no-change-confirmations`)).body.items).toHaveLength(1);
    const trail = (await owner.get(`${api}/audit-events?entityType=ai_system&entityId=${sys.body.id}`)).body.items;
    expect(trail.map((e: { action: string }) => e.action)).toContain('ai_system.no_change_confirmed');
    expect(
      (await owner.post(`${api}/ai-systems/${sys.body.id}/no-change-confirmations`, { confirmedOn: '2026-13-01' }))
        .status,
    ).toBe(400);
    const other = await newOrgOwner(ctx(), 'Other Unchanged Org');
    expect(
      (await other.owner.post(`/api/orgs/${other.orgId}/ai-systems/${sys.body.id}/no-change-confirmations`, {})).status,
    ).toBe(404);
  });
});
