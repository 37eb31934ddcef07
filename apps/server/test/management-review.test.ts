import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { addDays } from '@fortytwo/domain';
import { nowIso } from '../src/platform/clock';
import {
  addMember,
  Client,
  describeEachDialect,
  newOrgOwner,
  otherInstance,
  pinServerDay,
  serverToday,
} from './harness';
import { download } from './files';

// Management review (9.3) over HTTP on both dialects: the input pack compiled from the live
// registers with every 9.3.2 input present or flagged, the attendance warning, the pack frozen when
// the review is held, actions that become tasks and come back as the next review's first input,
// the chair's sign-off that makes the minutes a record, versioned writes, numbering under parallel
// requests, and tenant isolation.

// "Today" is the server's (pinned to noon for this file), never one computed apart from it.
pinServerDay();
const today = serverToday;
const inDays = (n: number) => addDays(serverToday(), n);
type Input = { key: string; state: string; figures: { label: string; value: string }[]; items: string[] };
const input = (body: { pack: Input[] }, key: string) => body.pack.find((i) => i.key === key)!;
const fig = (i: Input, label: string) => i.figures.find((f) => f.label === label)?.value;

/** An organization with something in every register the pack reads. */
async function populate(owner: Client, orgId: string) {
  const api = `/api/orgs/${orgId}`;
  const ok = (res: { status: number; text: string }) => expect(res.status, res.text).toBeLessThan(300);
  ok(
    await owner.post(`${api}/context-issues`, {
      kind: 'external',
      category: 'other',
      description: 'EU AI Act applies',
    }),
  );
  ok(await owner.post(`${api}/interested-parties`, { name: 'Regulator', category: 'other' }));
  ok(await owner.post(`${api}/objectives`, { title: 'Raise fairness', baseline: 0, target: 10 }));
  const metric = (await owner.post(`${api}/metrics`, { name: 'Drift', frequency: 'monthly', upperThreshold: 0.2 }))
    .body;
  ok(await owner.post(`${api}/metrics/${metric.id}/measurements`, { value: 0.5, at: nowIso() }));
  ok(await owner.post(`${api}/risks`, { title: 'Biased scoring', source: 'C.3.1', likelihood: 1, consequence: 2 }));
  ok(await owner.post(`${api}/risks`, { title: 'Reuse the model', kind: 'opportunity', source: 'C.3.1' }));
}

describeEachDialect('management review', (ctx) => {
  let other: Server | undefined;
  beforeAll(async () => {
    if (ctx().dialect === 'postgres') other = await otherInstance(ctx());
  });
  afterAll(async () => {
    await other?.close();
  });

  it('documents the routes in OpenAPI', async () => {
    const { owner } = await newOrgOwner(ctx(), 'OpenAPI Org');
    const paths = Object.keys((await owner.get('/api/openapi.json')).body.paths);
    for (const p of ['', '/{id}', '/{id}/hold', '/{id}/sign-off', '/{id}/actions', '/{id}/minutes.pdf'])
      expect(paths).toContain(`/api/orgs/{orgId}/management-reviews${p}`);
  });

  it('flags every input an empty organization lacks, and warns without top management', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Empty Org');
    const res = await owner.post(`/api/orgs/${orgId}/management-reviews`, {
      title: 'Management review 2027',
      meetingDate: today(),
      attendeeIds: [owner.user!.id],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ ref: 'MR-1', status: 'planned', packFrozen: false, packSince: null });
    const states = Object.fromEntries(res.body.inputs.map((i: Input) => [i.key, i.state]));
    expect(states).toEqual({
      previous_actions: 'present', // the first review: nothing earlier to follow up
      context_changes: 'missing',
      nonconformities: 'empty', // none raised: minuted as nothing to report
      monitoring: 'missing',
      audit_results: 'missing',
      objectives: 'missing',
      risks: 'missing',
      improvement: 'empty',
    });
    const warnings = res.body.warnings.join('\n');
    expect(warnings).toMatch(/No member of top management attends/);
    expect(warnings).toMatch(/No chair named/);
    expect(warnings).toMatch(/Audit results \(9\.3\.2 d\) is missing: no internal audit recorded yet/);
    expect(warnings).toMatch(/Monitoring and measurement results .* is missing: no metrics defined/);

    // Naming the owner top management and chair clears the attendance warnings.
    const me = (await owner.get(`/api/orgs/${orgId}/members`)).body.items.find(
      (m: { user: { id: string } }) => m.user.id === owner.user!.id,
    );
    expect(
      (await owner.patch(`/api/orgs/${orgId}/members/${owner.user!.id}`, { version: me.version, topManagement: true }))
        .status,
    ).toBe(200);
    const chaired = await owner.patch(`/api/orgs/${orgId}/management-reviews/${res.body.id}`, {
      version: 1,
      chairId: owner.user!.id,
    });
    expect(chaired.status, chaired.text).toBe(200);
    expect(chaired.body.chair).toMatchObject({ id: owner.user!.id, topManagement: true });
    expect(chaired.body.warnings.join('\n')).not.toMatch(/top management|No chair/);
  });

  it('compiles the pack from live data, freezes it when held, and keeps the held meeting fixed', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Pack Org');
    const api = `/api/orgs/${orgId}`;
    await populate(owner, orgId);
    const created = await owner.post(`${api}/management-reviews`, {
      title: 'Management review 2027',
      meetingDate: today(),
      chairId: owner.user!.id,
    });
    expect(created.status, created.text).toBe(201);
    const r = created.body;
    expect(r.attendees.map((a: { id: string }) => a.id)).toEqual([owner.user!.id]); // the chair attends
    for (const key of ['context_changes', 'monitoring', 'objectives', 'risks', 'improvement'])
      expect(input(r, key).state, key).toBe('present');
    expect(fig(input(r, 'context_changes'), 'Issues added')).toBe('1');
    expect(fig(input(r, 'monitoring'), 'Latest value outside thresholds')).toBe('1');
    expect(fig(input(r, 'objectives'), 'Objectives')).toBe('1');
    expect(fig(input(r, 'risks'), 'Open risks')).toBe('1');
    expect(input(r, 'improvement').items.join()).toMatch(/Reuse the model/);

    // Future meetings cannot be held yet; a stale version is refused.
    const future = (
      await owner.post(`${api}/management-reviews`, {
        title: 'Later',
        meetingDate: inDays(30),
        attendeeIds: [owner.user!.id],
      })
    ).body;
    const early = await owner.post(`${api}/management-reviews/${future.id}/hold`, { version: 1 });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/in the future/);
    expect((await owner.post(`${api}/management-reviews/${r.id}/hold`, { version: 0 })).status).toBe(409);

    const held = await owner.post(`${api}/management-reviews/${r.id}/hold`, { version: 1 });
    expect(held.status, held.text).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', packFrozen: true, version: 2 });
    expect(held.body.heldAt).toBeTruthy();

    // The registers move on; the held pack does not.
    await owner.post(`${api}/objectives`, { title: 'Another objective' });
    await owner.post(`${api}/context-issues`, { kind: 'internal', category: 'other', description: 'New team' });
    const later = (await owner.get(`${api}/management-reviews/${r.id}`)).body;
    expect(fig(input(later, 'objectives'), 'Objectives')).toBe('1');
    expect(fig(input(later, 'context_changes'), 'Issues recorded')).toBe('1');
    expect(later.pack).toEqual(held.body.pack);

    const moved = await owner.patch(`${api}/management-reviews/${r.id}`, { version: 2, meetingDate: '2027-01-01' });
    expect(moved.status).toBe(422);
    expect(moved.body.error.message).toMatch(/held: its meetingDate are part of the record/);
    expect((await owner.post(`${api}/management-reviews/${r.id}/hold`, { version: 2 })).body.error.message).toMatch(
      /already held/,
    );
    expect((await owner.delete(`${api}/management-reviews/${r.id}`)).status).toBe(422);

    // Versioned update of the outputs: the stale one is refused with 409.
    const decided = await owner.patch(`${api}/management-reviews/${r.id}`, { version: 2, conclusion: 'Suitable' });
    expect(decided.status, decided.text).toBe(200);
    const stale = await owner.patch(`${api}/management-reviews/${r.id}`, { version: 2, conclusion: 'Other' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    // The audit trail holds the frozen pack.
    const events = (await owner.get(`${api}/audit-events?entityType=management_review&entityId=${r.id}`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['management_review.created', 'management_review.held', 'management_review.updated']),
    );
  });

  it('turns decided actions into tasks, and carries them into the next review', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Actions Org');
    const api = `/api/orgs/${orgId}`;
    const first = (
      await owner.post(`${api}/management-reviews`, {
        title: 'First',
        meetingDate: inDays(-60),
        chairId: owner.user!.id,
      })
    ).body;
    const bad = await owner.post(`${api}/management-reviews/${first.id}/actions`, { title: '', dueDate: '2027-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Action is required/);
    const action = await owner.post(`${api}/management-reviews/${first.id}/actions`, {
      title: 'Budget a fairness audit',
      ownerId: owner.user!.id,
      dueDate: inDays(-1),
    });
    expect(action.status, action.text).toBe(201);
    expect(action.body).toMatchObject({ sourceType: 'management_review', sourceId: first.id, sourceRef: 'MR-1' });
    const tasks = (await owner.get(`/api/me/tasks?orgId=${orgId}`)).body.items;
    const task = tasks.find((t: { id: string }) => t.id === action.body.id);
    expect(task).toMatchObject({
      title: 'Budget a fairness audit',
      href: `/orgs/${orgId}/management-reviews/${first.id}`,
    });
    expect((await owner.post(`${api}/management-reviews/${first.id}/hold`, { version: 1 })).status).toBe(200);

    const second = (
      await owner.post(`${api}/management-reviews`, { title: 'Second', meetingDate: today(), chairId: owner.user!.id })
    ).body;
    expect(second.ref).toBe('MR-2');
    expect(second.packSince).toBe(inDays(-60));
    const carried = input(second, 'previous_actions');
    expect(carried.state).toBe('present');
    expect(fig(carried, 'Open')).toBe('1');
    expect(fig(carried, 'Overdue')).toBe('1');
    expect(carried.items[0]).toMatch(/MR-1: Budget a fairness audit .*overdue/);
  });

  it('lets only the chair sign the minutes off, after a conclusion; then the review is a record', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Sign-off Org');
    const api = `/api/orgs/${orgId}`;
    const approver = await addMember(ctx(), owner, orgId, 'approver');
    const r = (
      await owner.post(`${api}/management-reviews`, {
        title: 'Review',
        meetingDate: today(),
        chairId: approver.user!.id,
        attendeeIds: [owner.user!.id],
      })
    ).body;
    expect(r.attendees).toHaveLength(2);
    expect((await approver.patch(`${api}/management-reviews/${r.id}`, { version: 1, notes: 'x' })).status).toBe(403);
    expect((await owner.post(`${api}/management-reviews/${r.id}/sign-off`, { version: 1 })).body.error.message).toMatch(
      /Hold the review/,
    );
    await owner.post(`${api}/management-reviews/${r.id}/hold`, { version: 1 });
    expect(
      (await approver.post(`${api}/management-reviews/${r.id}/sign-off`, { version: 2 })).body.error.message,
    ).toMatch(/conclusion/);
    await owner.patch(`${api}/management-reviews/${r.id}`, {
      version: 2,
      conclusion: 'The AIMS is suitable, adequate and effective',
      improvementDecisions: 'Automate drift monitoring',
    });
    await owner.post(`${api}/management-reviews/${r.id}/actions`, { title: 'Automate drift monitoring' });
    expect((await owner.post(`${api}/management-reviews/${r.id}/sign-off`, { version: 3 })).body.error.message).toMatch(
      /Only the chair/,
    );
    const signed = await approver.post(`${api}/management-reviews/${r.id}/sign-off`, { version: 3 });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed_off', signedOffBy: { id: approver.user!.id } });

    const frozen = await owner.patch(`${api}/management-reviews/${r.id}`, { version: 4, notes: 'late' });
    expect(frozen.status).toBe(422);
    expect(frozen.body.error.message).toMatch(/signed off/);
    expect((await owner.post(`${api}/management-reviews/${r.id}/actions`, { title: 'Late' })).status).toBe(422);

    const pdf = await download(owner, `${api}/management-reviews/${r.id}/minutes.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await download(owner, `${api}/management-reviews/${r.id}/minutes.docx`);
    expect(docx.status).toBe(200);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    // Signed off, the minutes are a record of the document model: one published version, its files kept.
    expect(signed.body.minutesDocumentId).toEqual(expect.any(String));
    const record = (await owner.get(`${api}/documents/${signed.body.minutesDocumentId}`)).body;
    expect(record).toMatchObject({
      typeId: 'management-review-minutes',
      kind: 'record',
      inForce: { label: '1.0', state: 'published', approvedBy: { id: approver.user!.id } },
    });
    expect(record.code).toMatch(/-MRM-001$/);
    expect(String(pdf.headers['content-disposition'])).toContain(`${record.code}-v1.0.pdf`);
    expect(pdf.headers['x-content-sha256']).toBe(record.inForce.pdfSha256);
    expect(docx.headers['x-content-sha256']).toBe(record.inForce.docxSha256);
    const version = (await owner.get(`${api}/documents/${record.id}/versions/${record.inForce.id}`)).body;
    expect(JSON.stringify(version.content.frozen.sections)).toContain('Attendees');
    expect((await owner.post(`${api}/documents/${record.id}/versions`, { material: true })).status).toBe(422);

    const list = (await owner.get(`${api}/management-reviews`)).body.items;
    expect(list).toEqual([
      expect.objectContaining({ ref: 'MR-1', status: 'signed_off', attendeeCount: 2, missingInputs: 5 }),
    ]);
  });

  it('refuses non-members as chair or attendee and says what to send', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Bad Input Org');
    const stranger = await newOrgOwner(ctx(), 'Stranger Org');
    const res = await owner.post(`/api/orgs/${orgId}/management-reviews`, {
      title: 'R',
      meetingDate: today(),
      chairId: stranger.owner.user!.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/chair must be a current member/);
    const bad = await owner.post(`/api/orgs/${orgId}/management-reviews`, { title: '', meetingDate: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Title is required/);
    expect(bad.text).toMatch(/Meeting date must be a real date/);
    expect((await owner.get(`/api/orgs/${orgId}/management-reviews`)).body.items).toEqual([]);
  });

  it('numbers reviews without gaps or duplicates under parallel requests', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Parallel Org');
    const elsewhere = other ? new Client(other, owner.auth, owner.user) : owner;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? elsewhere : owner).post(`/api/orgs/${orgId}/management-reviews`, {
          title: `R${i}`,
          meetingDate: today(),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(results.map((r) => r.body.ref).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `MR-${i + 1}`).sort());
  });

  it('keeps one organization’s reviews from every other', async () => {
    const a = await newOrgOwner(ctx(), 'Tenant A');
    const b = await newOrgOwner(ctx(), 'Tenant B');
    await populate(a.owner, a.orgId);
    const r = (await a.owner.post(`/api/orgs/${a.orgId}/management-reviews`, { title: 'A only', meetingDate: today() }))
      .body;
    const bApi = `/api/orgs/${b.orgId}/management-reviews`;
    expect((await b.owner.get(`${bApi}/${r.id}`)).status).toBe(404);
    expect((await b.owner.patch(`${bApi}/${r.id}`, { version: 1, notes: 'x' })).status).toBe(404);
    expect((await b.owner.post(`${bApi}/${r.id}/hold`, { version: 1 })).status).toBe(404);
    expect((await b.owner.post(`${bApi}/${r.id}/actions`, { title: 'x' })).status).toBe(404);
    expect((await download(b.owner, `${bApi}/${r.id}/minutes.pdf`)).status).toBe(404);
    // A non-member asking on A's routes is told nothing exists.
    expect((await b.owner.get(`/api/orgs/${a.orgId}/management-reviews/${r.id}`)).status).toBe(404);
    // B's pack sees nothing of A's registers.
    const mine = (await b.owner.post(bApi, { title: 'B', meetingDate: today() })).body;
    expect(mine.ref).toBe('MR-1');
    for (const key of ['context_changes', 'monitoring', 'objectives', 'risks'])
      expect(input(mine, key).state).toBe('missing');
  });
});
