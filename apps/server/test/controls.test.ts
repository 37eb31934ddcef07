import { sql, Migrator } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from '../src/server';
import type { DbHandle } from '../src/platform/db/connect';
import { migrationsFor } from '../src/platform/db/migrations';
import { newId, nowIso } from '../src/platform/ids';
import { dueItems } from '../src/modules/controls/due';
import {
  addMember,
  anonymous,
  Client,
  describeEachDialect,
  newOrgOwner,
  PASSWORD,
  signIn,
  startTestServer,
  uniqueEmail,
  type DialectName,
  type TestServer,
} from './harness';

// Control implementation in operation (issue 12): the register, the implementation with its
// versioned updates, recorded occurrences and the facts computed from them, the SoA reading its
// status from here, exports, tenant isolation and concurrent first saves.

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('controls in operation', (ctx) => {
  let owner: Client;
  let contributor: Client;
  let viewer: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;

  // Each test starts from an organization of its own whose SoA includes A.6.2.4 and CC-1 and excludes
  // A.10.4; a test that needs a later point of the control's story builds it with the steps below
  // (issue 22: no test reads what an earlier one wrote).
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Controls Org'));
    contributor = await addMember(ctx(), owner, orgId, 'contributor');
    viewer = await addMember(ctx(), owner, orgId, 'viewer');
    await owner.post(url('/custom-controls'), {
      ref: 'CC-1',
      title: 'Model cards for every release',
      description: 'A model card is published with each release.',
    });
    await owner.patch(url('/soa/items/A.6.2.4'), { version: 0, included: true, justification: 'Release gate' });
    await owner.patch(url('/soa/items/CC-1'), { version: 0, included: true });
    await owner.patch(url('/soa/items/A.10.4'), { version: 0, included: false, justification: 'No customers' });
  });

  /** The story's first step: the contributor sets up A.6.2.4 (version 1, implementing, overdue). */
  async function implemented() {
    const saved = await contributor.put(url('/controls/A.6.2.4/implementation'), {
      version: 0,
      ownerId: contributor.user!.id,
      description: 'Release checklist signed by QA',
      status: 'implementing',
      dueOn: daysAgo(1),
      cadenceMonths: 3,
    });
    expect(saved.status, saved.text).toBe(200);
  }

  /** Then it operates (version 2) and ran twice: 40 days ago (ok) and 5 days ago (issues found). */
  async function operating() {
    await implemented();
    const op = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, status: 'operating' });
    expect(op.status, op.text).toBe(200);
    const runs = [
      { performedOn: daysAgo(40), outcome: 'ok', notes: 'All releases had a signed checklist' },
      { performedOn: daysAgo(5), outcome: 'issues_found', notes: 'One checklist late', performedById: owner.user!.id },
    ];
    for (const run of runs) {
      const res = await contributor.post(url('/controls/A.6.2.4/occurrences'), run);
      expect(res.status, res.text).toBe(201);
    }
  }

  /** Then it was sent back for rework (version 3) and operates again (version 4). */
  async function reworkedAndBack() {
    await operating();
    for (const [version, status] of [
      [2, 'needs_rework'],
      [3, 'operating'],
    ] as const) {
      const res = await owner.put(url('/controls/A.6.2.4/implementation'), { version, status });
      expect(res.status, res.text).toBe(200);
    }
  }

  /** CC-1's status set through the SoA: planned. */
  async function cc1Planned() {
    const item = (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'CC-1');
    const res = await owner.patch(url('/soa/items/CC-1'), { version: item.version, implementationStatus: 'planned' });
    expect(res.status, res.text).toBe(200);
  }

  it('lists the controls the SoA includes, not started until someone sets them up', async () => {
    const res = await viewer.get(url('/controls'));
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { ref: string }) => c.ref)).toEqual(['A.6.2.4', 'CC-1']);
    expect(res.body.items[0]).toMatchObject({
      included: true,
      status: null,
      version: 0,
      ownerId: null,
      operatingSince: null,
      overdue: false,
    });
    expect((await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.6.2.4')).toMatchObject({
      implementationStatus: null,
      controlStatus: null,
    });
  });

  it('sets up an implementation (owner, how, due date, cadence) and the SoA reads its status from it', async () => {
    const saved = await contributor.put(url('/controls/A.6.2.4/implementation'), {
      version: 0,
      ownerId: contributor.user!.id,
      description: 'Release checklist signed by QA',
      status: 'implementing',
      dueOn: daysAgo(1),
      cadenceMonths: 3,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 1,
      status: 'implementing',
      ownerId: contributor.user!.id,
      people: { [contributor.user!.id]: { id: contributor.user!.id, email: contributor.user!.email } },
      description: 'Release checklist signed by QA',
      cadenceMonths: 3,
      overdue: true,
      justification: 'Release gate',
    });
    const item = (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.6.2.4');
    expect(item).toMatchObject({ implementationStatus: 'in_progress', controlStatus: 'implementing' });
    expect((await owner.get(url('/controls?overdue=true'))).body.items.map((c: { ref: string }) => c.ref)).toEqual([
      'A.6.2.4',
    ]);
    expect((await owner.get(url(`/controls?ownerId=${contributor.user!.id}`))).body.items).toHaveLength(1);
    expect((await owner.get(url('/controls?status=none'))).body.items.map((c: { ref: string }) => c.ref)).toEqual([
      'CC-1',
    ]);
    expect((await owner.get(url('/controls?kind=custom'))).body.items.map((c: { ref: string }) => c.ref)).toEqual([
      'CC-1',
    ]);
  });

  it('refuses a stale version, leaving the implementation as it was', async () => {
    await implemented();
    const stale = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 0, description: 'Other words' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await owner.get(url('/controls/A.6.2.4'))).body.description).toBe('Release checklist signed by QA');
  });

  it('names the field and what to fix on bad input', async () => {
    await implemented();
    const bad = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, cadenceMonths: 0 });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Cadence must be at least 1 month');
    const date = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, dueOn: '2027-02-30' });
    expect(date.text).toContain('Due date must be a real date');
    const status = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, status: 'done' });
    expect(status.text).toContain('Status must be one of: Planned, Implementing, Operating, Needs rework');
    const doc = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, documentIds: ['nope'] });
    expect(doc.status).toBe(422);
    expect(doc.text).toContain('Linked documents');
    const outsider = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, ownerId: newId() });
    expect(outsider.status).toBe(422);
    expect((await owner.put(url('/controls/A.10.4/implementation'), { version: 0, status: 'planned' })).text).toContain(
      'excluded from the Statement of Applicability',
    );
    expect((await owner.put(url('/controls/A.99/implementation'), { version: 0 })).status).toBe(404);
  });

  it('records occurrences: operating since, last performed, next due are computed from them', async () => {
    await implemented();
    const before = await owner.post(url('/controls/CC-1/occurrences'), { performedOn: daysAgo(3), outcome: 'ok' });
    expect(before.status).toBe(422);
    expect(before.text).toContain('before recording that it ran');
    const op = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 1, status: 'operating' });
    expect(op.body).toMatchObject({
      status: 'operating',
      operatingSince: null,
      nextDue: op.body.statusSince,
      version: 2,
    });
    const first = await contributor.post(url('/controls/A.6.2.4/occurrences'), {
      performedOn: daysAgo(40),
      outcome: 'ok',
      notes: 'All releases had a signed checklist',
    });
    expect(first.status).toBe(201);
    const second = await contributor.post(url('/controls/A.6.2.4/occurrences'), {
      performedOn: daysAgo(5),
      outcome: 'issues_found',
      notes: 'One checklist late',
      performedById: owner.user!.id,
    });
    expect(second.body).toMatchObject({
      operatingSince: daysAgo(40),
      lastPerformed: daysAgo(5),
      overdue: false,
      occurrenceCount: 2,
      version: 2,
    });
    expect(second.body.occurrences[0]).toMatchObject({
      performedOn: daysAgo(5),
      outcome: 'issues_found',
      performedBy: { id: owner.user!.id },
    });
    expect(second.body.nextDue > daysAgo(0)).toBe(true);
    expect(
      (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.6.2.4').implementationStatus,
    ).toBe('implemented');
    const future = await owner.post(url('/controls/A.6.2.4/occurrences'), { performedOn: '2999-01-01', outcome: 'ok' });
    expect(future.status).toBe(422);
    expect(future.text).toContain('Date performed cannot be in the future');
    expect(
      (await owner.post(url('/controls/A.6.2.4/occurrences'), { performedOn: daysAgo(1), outcome: 'fine' })).text,
    ).toContain('Outcome must be OK or Issues found');
  });

  it('a control sent back for rework stops operating: operating since starts again with the next run', async () => {
    await operating();
    const rework = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 2, status: 'needs_rework' });
    expect(rework.body).toMatchObject({ status: 'needs_rework', operatingSince: null, nextDue: null });
    expect((await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.6.2.4')).toMatchObject({
      implementationStatus: 'in_progress',
      controlStatus: 'needs_rework',
    });
    const back = await owner.put(url('/controls/A.6.2.4/implementation'), { version: 3, status: 'operating' });
    expect(back.body).toMatchObject({ operatingSince: null, lastPerformed: daysAgo(5) });
  });

  it('writes a status sent through the SoA to the implementation (one source), and refuses clearing it there', async () => {
    const item = (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'CC-1');
    const res = await owner.patch(url('/soa/items/CC-1'), { version: item.version, implementationStatus: 'planned' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ implementationStatus: 'planned', controlStatus: 'planned' });
    expect((await owner.get(url('/controls/CC-1'))).body).toMatchObject({ status: 'planned', version: 1 });
    const cleared = await owner.patch(url('/soa/items/CC-1'), {
      version: res.body.version,
      implementationStatus: null,
    });
    expect(cleared.status).toBe(422);
    expect(cleared.text).toContain("kept on the control's own page");
  });

  it('keeps the history: every change and run is an audit event of the control', async () => {
    await reworkedAndBack();
    const trail = (await owner.get(url('/audit-events?entityType=control&entityId=A.6.2.4'))).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(trail).toEqual([
      'control_implementation.updated',
      'control_implementation.updated',
      'control_occurrence.created',
      'control_occurrence.created',
      'control_implementation.updated',
      'control_implementation.created',
    ]);
  });

  it('attaches evidence from the one library to the control and to a run; shows it on the control', async () => {
    await operating();
    const run = (await owner.get(url('/controls/A.6.2.4'))).body.occurrences[1];
    const onRun = await contributor.post(url('/evidence'), {
      title: 'Signed release checklist',
      url: 'https://tickets.example.com/REL-12',
      subjectType: 'control_occurrence',
      subjectId: run.id,
    });
    expect(onRun.status).toBe(201);
    const onControl = await contributor.post(url('/evidence'), {
      title: 'Release procedure',
      url: 'https://wiki.example.com/release',
      subjectType: 'control',
      subjectId: 'CC-1',
    });
    expect(onControl.status).toBe(201);
    const detail = (await viewer.get(url('/controls/A.6.2.4'))).body;
    expect(detail.occurrences[1].evidence.map((e: { title: string }) => e.title)).toEqual(['Signed release checklist']);
    expect((await viewer.get(url('/controls/CC-1'))).body.evidence.map((e: { title: string }) => e.title)).toEqual([
      'Release procedure',
    ]);
    // Another organization's run is not a subject here.
    const other = await newOrgOwner(ctx(), 'Evidence Outsider Org');
    expect(
      (
        await other.owner.post(`/api/orgs/${other.orgId}/evidence`, {
          title: 'x',
          url: 'https://x.example.com',
          subjectType: 'control_occurrence',
          subjectId: run.id,
        })
      ).status,
    ).toBe(404);
  });

  it('deletes an occurrence recorded by mistake, with an audit event', async () => {
    await operating();
    const detail = (await owner.get(url('/controls/A.6.2.4'))).body;
    expect((await viewer.delete(url(`/controls/A.6.2.4/occurrences/${detail.occurrences[0].id}`))).status).toBe(403);
    expect((await owner.delete(url(`/controls/A.6.2.4/occurrences/${detail.occurrences[0].id}`))).status).toBe(204);
    expect((await owner.get(url('/controls/A.6.2.4'))).body.occurrenceCount).toBe(1);
    expect((await owner.delete(url(`/controls/A.6.2.4/occurrences/${detail.occurrences[0].id}`))).status).toBe(404);
  });

  it('lets viewers read but not write', async () => {
    expect((await viewer.get(url('/controls/A.6.2.4'))).status).toBe(200);
    expect((await viewer.put(url('/controls/CC-1/implementation'), { version: 1, description: 'x' })).status).toBe(403);
    expect(
      (await viewer.post(url('/controls/A.6.2.4/occurrences'), { performedOn: daysAgo(1), outcome: 'ok' })).status,
    ).toBe(403);
  });

  it('lists due items: the next run of operating controls, the implementation of the others', async () => {
    await operating();
    await cc1Planned();
    const items = await dueItems(ctx().handle.db, orgId);
    expect(items.map((i) => [i.kind, i.title.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['control_occurrence', 'Run control A.6.2.4'],
      ['control_implementation', 'Implement control CC-1'],
    ]);
    expect(items[0]).toMatchObject({ assigneeUserId: contributor.user!.id, href: `/orgs/${orgId}/controls/A.6.2.4` });
    expect((await viewer.get(url('/controls/due'))).body.items).toHaveLength(2);
  });

  it('exports the register as CSV and XLSX', async () => {
    await operating();
    const csv = await viewer.get(url('/controls/export.csv'));
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n')[0]).toContain('operatingSince');
    expect(csv.text).toContain('A.6.2.4');
    const xlsx = await viewer.get(url('/controls/export.xlsx'));
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
  });

  it('keeps each organization to its own controls: another organization gets 404 and writes nothing', async () => {
    await implemented();
    const other = await newOrgOwner(ctx(), 'Other Controls Org');
    const theirs = (p: string) => `/api/orgs/${orgId}${p}`;
    expect((await other.owner.get(theirs('/controls'))).status).toBe(404);
    expect((await other.owner.get(theirs('/controls/A.6.2.4'))).status).toBe(404);
    expect(
      (await other.owner.put(theirs('/controls/A.6.2.4/implementation'), { version: 4, description: 'hijack' })).status,
    ).toBe(404);
    expect(
      (await other.owner.post(theirs('/controls/A.6.2.4/occurrences'), { performedOn: daysAgo(1), outcome: 'ok' }))
        .status,
    ).toBe(404);
    // Their own register knows nothing of ours.
    expect((await other.owner.get(`/api/orgs/${other.orgId}/controls`)).body.items).toEqual([]);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/controls/A.6.2.4`)).body).toMatchObject({
      status: null,
      occurrences: [],
    });
    expect((await owner.get(url('/controls/A.6.2.4'))).body.description).toBe('Release checklist signed by QA');
  });

  describe('concurrent saves', () => {
    let otherServer: Server | undefined;
    const elsewhere = (c: Client) => (otherServer ? new Client(otherServer, c.auth, c.user) : c);
    beforeAll(async () => {
      if (ctx().dialect === 'postgres') {
        const { otherInstance } = await import('./harness');
        otherServer = await otherInstance(ctx());
      }
    });
    afterAll(async () => {
      await otherServer?.close();
    });

    it('lets one of several first saves (version 0) and one of several same-version updates win; the others get 409', async () => {
      await owner.patch(url('/soa/items/A.7.4'), { version: 0, included: true });
      const firsts = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? elsewhere(owner) : owner).put(url('/controls/A.7.4/implementation'), {
            version: 0,
            description: `First ${i}`,
          }),
        ),
      );
      expect(firsts.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const updates = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? elsewhere(owner) : owner).put(url('/controls/A.7.4/implementation'), {
            version: 1,
            description: `Second ${i}`,
          }),
        ),
      );
      expect(updates.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const now = (await owner.get(url('/controls/A.7.4'))).body;
      expect(now.version).toBe(2);
      expect(updates.find((r) => r.status === 200)!.body.description).toBe(now.description);
    });
  });
});

/** A database as it was before migration 0017: SoA decisions carrying their own implementation status. */
async function olderDatabase(handle: DbHandle, userId: string) {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor(handle.dialect)) },
  });
  const { error } = await migrator.migrateTo('0014-documents');
  if (error) throw error;
  const orgId = newId();
  const now = nowIso();
  await handle.db
    .insertInto('organizations')
    .values({ id: orgId, name: 'Older Org', createdAt: now, updatedAt: now, version: 1 })
    .execute();
  const decisions: [string, string, string | null][] = [
    ['A.2.2', 'included', 'implemented'],
    ['A.6.2.4', 'included', 'in_progress'],
    ['A.7.4', 'included', 'planned'],
    ['A.8.2', 'included', 'not_started'],
    ['A.9.2', 'included', null],
  ];
  for (const [ref, decision, status] of decisions)
    await sql`insert into soa_decisions (org_id, ref, decision, justification, implementation_status, version, updated_at, updated_by) values (${orgId}, ${ref}, ${decision}, ${''}, ${status}, ${1}, ${'2026-03-01T10:00:00.000Z'}, ${userId})`.execute(
      handle.db,
    );
  return orgId;
}

for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
  const run = dialect === 'postgres' && !process.env.TEST_DATABASE_URL ? describe.skip : describe;
  run(
    `migration 0017 on an older database [${dialect}]${run === describe ? '' : ' (skipped: TEST_DATABASE_URL not set)'}`,
    () => {
      let server: TestServer;
      let orgId = '';
      let owner: Client;

      beforeAll(async () => {
        server = await startTestServer(dialect, {
          beforeStart: async (handle) => void (orgId = await olderDatabase(handle, newId())),
        });
        const email = uniqueEmail('owner');
        expect(
          (
            await anonymous(server).post('/api/setup', {
              email,
              password: PASSWORD,
              name: 'Olivia Owner',
              organizationName: 'New Org',
            })
          ).status,
        ).toBe(201);
        owner = await signIn(server, email);
        const now = nowIso();
        await server.handle.db
          .insertInto('memberships')
          .values({
            orgId,
            userId: owner.user!.id,
            role: 'owner',
            expiresAt: null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
      });
      afterAll(async () => {
        await server?.stop();
      });

      it('moves the SoA statuses into control implementations; the SoA reads the same words back (not started becomes planned)', async () => {
        const items = (await owner.get(`/api/orgs/${orgId}/soa`)).body.items as {
          ref: string;
          implementationStatus: string | null;
          controlStatus: string | null;
        }[];
        const of = (ref: string) => items.find((i) => i.ref === ref);
        expect(of('A.2.2')).toMatchObject({ implementationStatus: 'implemented', controlStatus: 'operating' });
        expect(of('A.6.2.4')).toMatchObject({ implementationStatus: 'in_progress', controlStatus: 'implementing' });
        expect(of('A.7.4')).toMatchObject({ implementationStatus: 'planned', controlStatus: 'planned' });
        expect(of('A.8.2')).toMatchObject({ implementationStatus: 'planned', controlStatus: 'planned' });
        expect(of('A.9.2')).toMatchObject({ implementationStatus: null, controlStatus: null });
        const controls = (await owner.get(`/api/orgs/${orgId}/controls`)).body.items as {
          ref: string;
          status: string | null;
          statusSince: string | null;
          version: number;
        }[];
        expect(controls.map((c) => [c.ref, c.status, c.version])).toEqual([
          ['A.2.2', 'operating', 1],
          ['A.6.2.4', 'implementing', 1],
          ['A.7.4', 'planned', 1],
          ['A.8.2', 'planned', 1],
          ['A.9.2', null, 0],
        ]);
        expect(controls[0]!.statusSince).toBe('2026-03-01');
      });
    },
  );
}
