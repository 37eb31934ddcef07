import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { dueItems } from '../src/modules/competence/due';
import { addMember, Client, describeEachDialect, newOrgOwner, otherInstance } from './harness';
import { upload } from './files';

// Competence, training and awareness (7.2, 7.3): competences required per AI role and RACI
// responsibility, people with and without an account, actions, assignments and completions, the
// matrix derived from them, awareness read from the documents' acknowledgements, exports, history.

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('competence, training and awareness', (ctx) => {
  let owner: Client;
  let orgId: string;
  let other: Server | undefined;
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const elsewhere = (c: Client) => (other ? new Client(other, c.auth, c.user) : c);

  beforeAll(async () => {
    if (ctx().dialect === 'postgres') other = await otherInstance(ctx());
  });
  // Each test its own organization: the matrix, the due items and the exports hold only what the test
  // recorded itself, whatever ran before (issue 22).
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Competence Org'));
  });

  /** Training records in the test's organization: a course passed by the owner, and the contractor's
   * bootcamp certified until ten days from now (so the matrix shows it expiring). */
  async function recordTraining() {
    const riskComp = (await owner.post(url('/competences'), { name: 'AI risk assessment method' })).body;
    const devComp = (
      await owner.post(url('/competences'), { name: 'Secure ML development', aiRoles: ['ai_developer'] })
    ).body;
    const contractor = await owner.post(url('/people'), {
      name: 'Carla Contractor',
      email: 'carla@example.com',
      organization: 'DataWorks Ltd',
      kind: 'external',
      aiRoles: ['ai_developer'],
    });
    expect(contractor.status, contractor.text).toBe(201);
    const course = (
      await owner.post(url('/development-actions'), {
        title: 'Risk method course',
        kind: 'course',
        competenceIds: [riskComp.id],
        validityMonths: 24,
      })
    ).body;
    const devCourse = (
      await owner.post(url('/development-actions'), {
        title: 'Secure ML bootcamp',
        kind: 'training',
        competenceIds: [devComp.id],
      })
    ).body;
    const assigned = (await owner.post(url('/training-assignments'), { personId: owner.user!.id, actionId: course.id }))
      .body;
    const passed = await owner.post(url(`/training-assignments/${assigned.id}/completions`), {
      version: assigned.version,
      completedOn: isoDay(-1),
      result: 'passed',
      evidenceKind: 'attestation',
      attestation: 'Passed the exam',
    });
    expect(passed.status, passed.text).toBe(201);
    const devAssigned = (
      await owner.post(url('/training-assignments'), { personId: contractor.body.id, actionId: devCourse.id })
    ).body;
    const certificate = await upload(owner, url('/evidence/files'), Buffer.from('Certificate of completion'), {
      fileName: 'certificate.txt',
    });
    expect(certificate.status, certificate.text).toBe(201);
    const withCert = await owner.post(url(`/training-assignments/${devAssigned.id}/completions`), {
      version: devAssigned.version,
      completedOn: isoDay(-700),
      result: 'passed',
      evidenceKind: 'certificate',
      expiresOn: isoDay(10),
      evidenceId: (certificate.body as { id: string }).id,
    });
    expect(withCert.status, withCert.text).toBe(201);
  }
  afterAll(async () => {
    await other?.close();
  });

  it('derives the matrix from AI roles and RACI responsibilities, and turns it green on a passed completion', async () => {
    const raci = (await owner.get(url('/raci'))).body.items as { id: string; name: string; version: number }[];
    const riskActivity = raci.find((a) => a.name === 'AI risk assessment')!;
    await owner.patch(url(`/raci/${riskActivity.id}`), {
      version: riskActivity.version,
      assignments: [{ assignee: { userId: owner.user!.id }, letter: 'A' }],
    });

    const riskComp = await owner.post(url('/competences'), {
      name: 'AI risk assessment method',
      description: 'Applies the criteria',
      raciActivityIds: [riskActivity.id],
    });
    expect(riskComp.status).toBe(201);
    expect(riskComp.body.raciActivities).toEqual([{ id: riskActivity.id, name: 'AI risk assessment' }]);
    const devComp = (
      await owner.post(url('/competences'), { name: 'Secure ML development', aiRoles: ['ai_developer'] })
    ).body;

    const contractor = await owner.post(url('/people'), {
      name: 'Carla Contractor',
      email: 'carla@example.com',
      organization: 'DataWorks Ltd',
      kind: 'external',
      aiRoles: ['ai_developer'],
    });
    expect(contractor.status).toBe(201);
    expect(contractor.body).toMatchObject({ member: false, userId: null, kind: 'external', active: true, version: 1 });

    const people = (await owner.get(url('/people'))).body.items as {
      id: string;
      name: string;
      member: boolean;
      raciResponsibilities: unknown[];
      version: number;
    }[];
    const me = people.find((p) => p.id === owner.user!.id)!;
    expect(me).toMatchObject({
      member: true,
      version: 0,
      raciResponsibilities: [{ id: riskActivity.id, name: 'AI risk assessment', letter: 'A' }],
    });

    const course = (
      await owner.post(url('/development-actions'), {
        title: 'Risk method course',
        kind: 'course',
        provider: 'Academy',
        competenceIds: [riskComp.body.id],
        validityMonths: 24,
      })
    ).body;
    const devCourse = (
      await owner.post(url('/development-actions'), {
        title: 'Secure ML bootcamp',
        kind: 'training',
        competenceIds: [devComp.id],
        validityMonths: null,
      })
    ).body;

    let matrix = (await owner.get(url('/competence-matrix'))).body;
    const cell = (personId: string, competenceId: string) =>
      matrix.rows
        .find((r: { person: { id: string } }) => r.person.id === personId)
        .cells.find((c: { competenceId: string }) => c.competenceId === competenceId);
    expect(cell(me.id, riskComp.body.id)).toMatchObject({
      required: true,
      state: 'gap',
      because: ['RACI: AI risk assessment'],
    });
    expect(cell(me.id, devComp.id)).toMatchObject({ required: false, state: 'not_required' });
    expect(cell(contractor.body.id, devComp.id)).toMatchObject({
      required: true,
      state: 'gap',
      because: ['AI developer'],
    });

    const assigned = await owner.post(url('/training-assignments'), {
      personId: me.id,
      actionId: course.id,
      dueOn: isoDay(14),
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({
      status: 'open',
      overdue: false,
      assignedBy: { name: expect.any(String) },
      person: { id: me.id },
    });
    const again = await owner.post(url('/training-assignments'), { personId: me.id, actionId: course.id, dueOn: null });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/already has "Risk method course" assigned/);

    // A failed attempt is kept and the assignment stays open.
    const failed = await owner.post(url(`/training-assignments/${assigned.body.id}/completions`), {
      version: assigned.body.version,
      completedOn: isoDay(-2),
      result: 'failed',
      evidenceKind: 'attestation',
      attestation: 'Sat the exam',
    });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ status: 'open', completions: [{ result: 'failed', expiresOn: null }] });
    const passed = await owner.post(url(`/training-assignments/${assigned.body.id}/completions`), {
      version: failed.body.version,
      completedOn: isoDay(-1),
      result: 'passed',
      evidenceKind: 'attestation',
      attestation: 'Passed the exam, signed by the trainer',
    });
    expect(passed.status).toBe(201);
    expect(passed.body.status).toBe('completed');
    expect(passed.body.completions[0]).toMatchObject({
      result: 'passed',
      expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(passed.body.completions[0].expiresOn.slice(0, 4)).toBe(String(Number(isoDay(-1).slice(0, 4)) + 2));

    // An expiring certificate: the contractor's bootcamp as stated on the certificate.
    // The certificate goes into the one evidence library and the completion attaches it.
    const devAssigned = (
      await owner.post(url('/training-assignments'), { personId: contractor.body.id, actionId: devCourse.id })
    ).body;
    const noFile = await owner.post(url(`/training-assignments/${devAssigned.id}/completions`), {
      version: devAssigned.version,
      completedOn: isoDay(-700),
      result: 'passed',
      evidenceKind: 'certificate',
    });
    expect(noFile.status).toBe(400);
    expect(JSON.stringify(noFile.body)).toMatch(/Certificate: upload the certificate/);
    const certificate = await upload(
      owner,
      url('/evidence/files'),
      Buffer.from('Certificate of completion: Secure ML bootcamp'),
      { fileName: 'certificate.txt' },
    );
    expect(certificate.status, certificate.text).toBe(201);
    const evidenceId = (certificate.body as { id: string }).id;
    const withCert = await owner.post(url(`/training-assignments/${devAssigned.id}/completions`), {
      version: devAssigned.version,
      completedOn: isoDay(-700),
      result: 'passed',
      evidenceKind: 'certificate',
      expiresOn: isoDay(10),
      evidenceId,
    });
    expect(withCert.status, withCert.text).toBe(201);
    const completionId = withCert.body.completions[0].id;
    expect(withCert.body.completions[0].evidence).toEqual([
      expect.objectContaining({ id: evidenceId, reference: expect.stringMatching(/^EV-\d+$/) }),
    ]);
    const links = (await owner.get(url(`/evidence/${evidenceId}`))).body.links;
    expect(links).toEqual([
      expect.objectContaining({
        subjectType: 'training_completion',
        subjectId: completionId,
        label: expect.stringContaining('Training completion: Secure ML bootcamp, Carla Contractor'),
      }),
    ]);

    matrix = (await owner.get(url('/competence-matrix'))).body;
    expect(cell(me.id, riskComp.body.id)).toMatchObject({ state: 'met' });
    expect(cell(contractor.body.id, devComp.id)).toMatchObject({ state: 'expiring', expiresOn: isoDay(10) });
    expect(matrix.rows.find((r: { person: { id: string } }) => r.person.id === me.id).awareness).toEqual({
      state: 'no_policy',
      at: null,
      versionLabel: null,
    });

    const due = await dueItems(ctx().handle.db, orgId);
    expect(due).toEqual([
      expect.objectContaining({
        kind: 'training',
        title: `Renew Secure ML development (Carla Contractor), expires ${isoDay(10)}`,
        dueOn: isoDay(10),
        assigneeUserId: null,
        href: `/orgs/${orgId}/people/${contractor.body.id}`,
      }),
    ]);

    const detail = await owner.get(url(`/people/${contractor.body.id}`));
    expect(detail.status).toBe(200);
    expect(detail.body.assignments).toHaveLength(1);
    expect(detail.body.matrix.find((c: { competenceId: string }) => c.competenceId === devComp.id)).toMatchObject({
      competence: 'Secure ML development',
      state: 'expiring',
    });
    expect(detail.body.awareness.state).toBe('no_policy');

    const events = (
      await owner.get(url(`/audit-events?entityType=training_assignment&entityId=${assigned.body.id}`))
    ).body.items.map((e: { action: string }) => e.action);
    expect(events.sort()).toEqual([
      'training_assignment.completed',
      'training_assignment.completed',
      'training_assignment.created',
    ]);
  });

  it('lists open assignments as due items for the assignee, and shows awareness of the AI policy from the acknowledgements', async () => {
    const { owner: o, orgId: id } = await newOrgOwner(ctx(), 'Awareness Org');
    const viewer = await addMember(ctx(), o, id, 'viewer');
    const action = (
      await o.post(`/api/orgs/${id}/development-actions`, { title: 'AI policy briefing', kind: 'training' })
    ).body;
    const a = (
      await o.post(`/api/orgs/${id}/training-assignments`, {
        personId: viewer.user!.id,
        actionId: action.id,
        dueOn: isoDay(-3),
      })
    ).body;
    expect(a.overdue).toBe(true);
    expect(await dueItems(ctx().handle.db, id)).toEqual([
      {
        kind: 'training',
        id: `training_assignment:${a.id}`,
        title: `AI policy briefing (${viewer.user!.name})`,
        dueOn: isoDay(-3),
        assigneeUserId: viewer.user!.id,
        href: `/orgs/${id}/people/${viewer.user!.id}`,
      },
    ]);

    const answers = {
      ambition: 'We use AI to serve customers fairly.',
      prohibitedUses: ['None'],
      restrictedUses: ['None'],
      thirdPartyStance: 'Assessed first.',
      relatedPolicies: ['Privacy policy'],
    };
    const doc = (await o.post(`/api/orgs/${id}/documents`, { typeId: 'ai-policy', answers })).body;
    const vurl = `/api/orgs/${id}/documents/${doc.id}/versions/${doc.latest.id}`;
    let v = (await o.get(vurl)).body;
    for (const step of ['submit', 'approve', 'publish']) {
      const res = await o.post(`${vurl}/${step}`, {
        version: v.version,
        ...(step === 'submit' ? { reviewerIds: [], dueDate: null, changeSummary: 'First issue' } : {}),
      });
      expect(res.status, `${step}: ${res.text}`).toBe(200);
      v = res.body;
    }
    expect((await viewer.post(`${vurl}/acknowledgements`)).status).toBe(200);

    const matrix = (await o.get(`/api/orgs/${id}/competence-matrix`)).body;
    expect(matrix.policy).toMatchObject({ documentId: doc.id });
    const awareness = Object.fromEntries(
      matrix.rows.map((r: { person: { id: string }; awareness: { state: string } }) => [
        r.person.id,
        r.awareness.state,
      ]),
    );
    expect(awareness).toEqual({ [o.user!.id]: 'pending', [viewer.user!.id]: 'acknowledged' });
  });

  it('refuses bad input with the field named, stale versions, and deletes only what holds no records', async () => {
    const bad = await owner.post(url('/competences'), { name: '', aiRoles: ['wizard'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/Name is required/);
    expect(JSON.stringify(bad.body)).toMatch(/AI roles: each must be one of/);
    expect((await owner.post(url('/competences'), { name: 'Dup' })).status).toBe(201);
    expect((await owner.post(url('/competences'), { name: 'Dup' })).body.error.message).toBe(
      'There is already a competence called "Dup"',
    );
    const badAction = await owner.post(url('/development-actions'), { title: 'X', kind: 'course', validityMonths: 0 });
    expect(badAction.status).toBe(400);
    expect(JSON.stringify(badAction.body)).toMatch(/Valid for \(months\) must be at least 1/);
    expect(
      (await owner.post(url('/development-actions'), { title: 'X', kind: 'course', competenceIds: ['nope'] })).body
        .error.message,
    ).toMatch(/Competences given: each must be a competence/);

    const p = (await owner.post(url('/people'), { name: 'Temp' })).body;
    const stale = await owner.patch(url(`/people/${p.id}`), { version: p.version + 5, organization: 'X' });
    expect(stale.status).toBe(409);
    const action = (
      await owner.post(url('/development-actions'), { title: 'Mentoring by the lead', kind: 'mentoring' })
    ).body;
    const a = (await owner.post(url('/training-assignments'), { personId: p.id, actionId: action.id })).body;
    const future = await owner.post(url(`/training-assignments/${a.id}/completions`), {
      version: a.version,
      completedOn: isoDay(5),
      result: 'passed',
      evidenceKind: 'attestation',
      attestation: 'x',
    });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toBe('Completed on cannot be in the future');
    expect((await owner.delete(url(`/people/${p.id}`))).body.error.message).toMatch(/has training records/);
    expect((await owner.delete(url(`/development-actions/${action.id}`))).status).toBe(422);
    const left = await owner.patch(url(`/people/${p.id}`), { version: p.version, active: false });
    expect(left.body.active).toBe(false);
    expect(
      (await owner.post(url('/training-assignments'), { personId: p.id, actionId: action.id })).body.error.message,
    ).toMatch(/no longer active/);
    expect(
      (await owner.patch(url(`/people/${owner.user!.id}`), { version: 0, name: 'Someone else' })).body.error.message,
    ).toMatch(/come from their account/);
    const cancelled = await owner.patch(url(`/training-assignments/${a.id}`), {
      version: a.version,
      status: 'cancelled',
    });
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('exports the matrix and the registers as CSV and XLSX', async () => {
    await recordTraining();
    const csv = await owner.get(url('/competence-matrix/export.csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toContain('competence:AI risk assessment method');
    expect(csv.text).toContain('Carla Contractor');
    expect(csv.text).toMatch(/Expiring \(until \d{4}-\d{2}-\d{2}\)/);
    const records = await owner.get(url('/training-assignments/export.csv'));
    expect(records.text).toContain('Risk method course');
    for (const path of [
      '/competence-matrix',
      '/training-assignments',
      '/competences',
      '/people',
      '/development-actions',
    ]) {
      const x = await owner.get(url(`${path}/export.xlsx`));
      expect(x.status, path).toBe(200);
      expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    }
  });

  it('keeps each organization to its own records', async () => {
    await recordTraining();
    const { owner: stranger, orgId: theirs } = await newOrgOwner(ctx(), 'Stranger Org');
    const mine = (await owner.get(url('/people'))).body.items.find((p: { member: boolean }) => !p.member);
    const myAction = (await owner.get(url('/development-actions'))).body.items[0];
    expect((await stranger.get(url('/people'))).status).toBe(404);
    expect((await stranger.get(`/api/orgs/${theirs}/people/${mine.id}`)).status).toBe(404);
    expect(
      (
        await stranger.patch(`/api/orgs/${theirs}/people/${mine.id}`, {
          version: mine.version,
          organization: 'Hijacked',
        })
      ).status,
    ).toBe(404);
    expect(
      (await stranger.post(`/api/orgs/${theirs}/training-assignments`, { personId: mine.id, actionId: myAction.id }))
        .status,
    ).toBe(422);
    const theirPerson = (await stranger.post(`/api/orgs/${theirs}/people`, { name: 'Theirs' })).body;
    expect(
      (
        await stranger.post(`/api/orgs/${theirs}/training-assignments`, {
          personId: theirPerson.id,
          actionId: myAction.id,
        })
      ).body.error.message,
    ).toMatch(/Development action: choose/);
    // Another organization's certificate cannot be attached: the completion is refused as a whole.
    const theirAction = (
      await stranger.post(`/api/orgs/${theirs}/development-actions`, { title: 'Theirs', kind: 'course' })
    ).body;
    const theirAssignment = (
      await stranger.post(`/api/orgs/${theirs}/training-assignments`, {
        personId: theirPerson.id,
        actionId: theirAction.id,
      })
    ).body;
    const myEvidence = (await owner.get(url('/evidence'))).body.items[0];
    const borrowed = await stranger.post(`/api/orgs/${theirs}/training-assignments/${theirAssignment.id}/completions`, {
      version: theirAssignment.version,
      completedOn: isoDay(-1),
      result: 'passed',
      evidenceKind: 'certificate',
      evidenceId: myEvidence.id,
    });
    expect(borrowed.status).toBe(404);
    expect((await stranger.get(`/api/orgs/${theirs}/training-assignments`)).body.items[0]).toMatchObject({
      status: 'open',
      completions: [],
    });
    expect(
      (await stranger.get(`/api/orgs/${theirs}/competence-matrix`)).body.rows.map(
        (r: { person: { name: string } }) => r.person.name,
      ),
    ).not.toContain('Carla Contractor');
  });

  it('creates one open assignment when the same one is sent many times at once (two instances on PostgreSQL)', async () => {
    const p = (await owner.post(url('/people'), { name: 'Parallel Person' })).body;
    const action = (await owner.post(url('/development-actions'), { title: 'Parallel course', kind: 'course' })).body;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? elsewhere(owner) : owner).post(url('/training-assignments'), { personId: p.id, actionId: action.id }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422, 422, 422]);
    // A member's first edit (version 0) from two places at once: one wins, the other is told to reload.
    const member = await addMember(ctx(), owner, orgId, 'contributor');
    const edits = await Promise.all([
      owner.patch(url(`/people/${member.user!.id}`), { version: 0, aiRoles: ['ai_operator'] }),
      elsewhere(owner).patch(url(`/people/${member.user!.id}`), { version: 0, aiRoles: ['ai_developer'] }),
    ]);
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
