import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RACI_ACTIVITIES, DEFAULT_RACI_MEMBER_COLUMNS, NEW_ORGANIZATION_RACI } from '@fortytwo/domain';
import { verifyChain } from '../src/platform/audit';
import type { DbHandle } from '../src/platform/db/connect';
import { migrationsFor } from '../src/platform/db/migrations';
import { newId, nowIso } from '../src/platform/ids';
import { inTransaction } from '../src/platform/transaction';
import {
  addMember,
  anonymous,
  type Client,
  describeEachDialect,
  newOrgOwner,
  PASSWORD,
  signIn,
  startTestServer,
  type DialectName,
  type TestServer,
  uniqueEmail,
} from './harness';

// The RACI's activities are seeded when an organization is created (never by a read), and the
// columns of the matrix are organization data: one choice, versioned, audited, shared by everyone.

const DEFAULT_NAMES = DEFAULT_RACI_ACTIVITIES.map((a) => a.name);
/** A new organization also gets the two 5.3 assignments (issue 15). */
const NEW_NAMES = NEW_ORGANIZATION_RACI.map((a) => a.name);

describeEachDialect('RACI activities and columns', (ctx) => {
  let owner: Client;
  let orgId: string;
  const url = (path = '') => `/api/orgs/${orgId}/raci${path}`;
  const events = async (c: Client, id: string, query = '') =>
    (await c.get(`/api/orgs/${id}/audit-events?limit=500${query}`)).body.items as {
      action: string;
      entityType: string;
      before: unknown;
      after: unknown;
      actor: { name: string };
    }[];

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Raci Org'));
  });

  it('seeds the usual activities when the organization is created, and a read writes nothing', async () => {
    const seeded = (await events(owner, orgId)).filter((e) => e.action === 'raci.seeded');
    expect(seeded).toEqual([
      expect.objectContaining({
        entityType: 'raci_activity',
        after: { activities: NEW_NAMES },
        actor: expect.objectContaining({ name: 'system' }),
      }),
    ]);
    const countBefore = (await events(owner, orgId)).length;
    const list = await owner.get(url());
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(NEW_NAMES);
    expect((await events(owner, orgId)).length).toBe(countBefore);
  });

  it('keeps an emptied RACI empty: reading never seeds again', async () => {
    const { owner: o, orgId: id } = await newOrgOwner(ctx(), 'Emptied Org');
    for (const a of (await o.get(`/api/orgs/${id}/raci`)).body.items as { id: string }[])
      expect((await o.delete(`/api/orgs/${id}/raci/${a.id}`)).status).toBe(204);
    expect((await o.get(`/api/orgs/${id}/raci`)).body.items).toEqual([]);
    expect((await o.get(`/api/orgs/${id}/raci`)).body.items).toEqual([]);
  });

  it('starts with the first current members by name as columns, until someone chooses', async () => {
    const { owner: o, orgId: id } = await newOrgOwner(ctx(), 'Big Team Org');
    const people = [o.user!];
    for (let i = 0; i < DEFAULT_RACI_MEMBER_COLUMNS + 1; i++)
      people.push((await addMember(ctx(), o, id, 'contributor')).user!);
    // Someone whose access has ended is not offered.
    const auditor = await addMember(ctx(), o, id, 'external_auditor', {
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await ctx()
      .handle.db.updateTable('memberships')
      .set({ expiresAt: '2000-01-01T00:00:00.000Z' })
      .where('orgId', '=', id)
      .where('userId', '=', auditor.user!.id)
      .execute();
    const first = await o.get(`/api/orgs/${id}/raci/columns`);
    expect(first.status).toBe(200);
    expect(first.body.chosen).toBe(false);
    expect(first.body.version).toBe(0);
    // What the page showed before the choice was kept: the first current members, in the order of the member list.
    const listed = (
      (await o.get(`/api/orgs/${id}/members`)).body.items as { user: { id: string; name: string }; expired: boolean }[]
    ).filter((m) => !m.expired);
    expect(listed).toHaveLength(people.length);
    expect(first.body.columns).toEqual(
      listed.slice(0, DEFAULT_RACI_MEMBER_COLUMNS).map((m) => ({ userId: m.user.id, name: m.user.name })),
    );
  });

  it('saves the columns for the whole organization, with a version and an audit event', async () => {
    // An organization of its own: the versions and the audit trail below count from nobody's choice yet.
    const { owner, orgId } = await newOrgOwner(ctx(), 'Columns Org');
    const url = (path: string) => `/api/orgs/${orgId}/raci${path}`;
    const colleague = await addMember(ctx(), owner, orgId, 'contributor');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const start = (await owner.get(url('/columns'))).body;
    expect(start).toMatchObject({ chosen: false, version: 0 });
    const columns = [{ userId: owner.user!.id }, { role: 'approver' }, { userId: colleague.user!.id }];
    const saved = await owner.put(url('/columns'), { version: start.version, columns });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      chosen: true,
      version: 1,
      columns: [
        { userId: owner.user!.id, name: owner.user!.name },
        { role: 'approver' },
        { userId: colleague.user!.id, name: 'contributor person' },
      ],
    });
    // A colleague (and a viewer) opening the matrix elsewhere sees the same choice.
    expect((await colleague.get(url('/columns'))).body).toEqual(saved.body);
    expect((await viewer.get(url('/columns'))).body).toEqual(saved.body);

    const changed = await colleague.put(url('/columns'), { version: 1, columns: [{ role: 'approver' }] });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    const stale = await owner.put(url('/columns'), { version: 1, columns: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details.current).toEqual(changed.body);

    const trail = await events(owner, orgId, '&entityType=raci_columns');
    expect(trail.map((e) => e.action)).toEqual(['raci_columns.updated', 'raci_columns.updated']);
    expect(trail[0]).toMatchObject({
      before: { columns: saved.body.columns, version: 1 },
      after: { columns: [{ role: 'approver' }], version: 2 },
    });
    expect(trail[1]).toMatchObject({ before: { chosen: false, version: 0 }, after: { chosen: true, version: 1 } });
  });

  it('refuses a column that is not a role, not a member, or repeated (422, saying what to fix)', async () => {
    const { version } = (await owner.get(url('/columns'))).body;
    const outsider = await newOrgOwner(ctx(), 'Stranger Org');
    const cases: [unknown[], RegExp][] = [
      [[{ role: 'wizard' }], /"wizard" is not a role; use one of: owner, manager/],
      [[{ userId: outsider.owner.user!.id }], /must be a current member of this organization/],
      [
        [{ role: 'approver' }, { role: 'approver' }],
        /The role "approver" is in the columns twice; send each column once/,
      ],
    ];
    for (const [columns, message] of cases) {
      const res = await owner.put(url('/columns'), { version, columns });
      expect(res.status, JSON.stringify(columns)).toBe(422);
      expect(res.body.error.code).toBe('RULE_VIOLATION');
      expect(res.body.error.message).toMatch(message);
    }
    // A malformed request is refused by the schema, with the path of each problem.
    const shapes: [unknown, RegExp][] = [
      [{ columns: [] }, /Version is required/],
      [
        { version, columns: [{ name: 'Ann' }] },
        /Each column is a person \{ "userId": "…" \} or a role \{ "role": "…" \}/,
      ],
      [{ version, columns: 'all' }, /Columns must be a list/],
      [{ version, columns: [], colour: 'red' }, /Unknown field: colour/],
    ];
    for (const [body, message] of shapes) {
      const res = await owner.put(url('/columns'), body as Record<string, unknown>);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await owner.get(url('/columns'))).body.version).toBe(version);
  });

  it('keeps a person who left as a column until removed, but adds only current members', async () => {
    const leaver = await addMember(ctx(), owner, orgId, 'contributor');
    const { version } = (await owner.get(url('/columns'))).body;
    const withLeaver = await owner.put(url('/columns'), {
      version,
      columns: [{ userId: leaver.user!.id }, { role: 'approver' }],
    });
    expect(withLeaver.status).toBe(200);
    expect((await owner.delete(`/api/orgs/${orgId}/members/${leaver.user!.id}`)).status).toBe(204);
    const read = (await owner.get(url('/columns'))).body;
    expect(read.columns[0]).toEqual({ userId: leaver.user!.id, name: 'contributor person' });
    const kept = await owner.put(url('/columns'), { version: read.version, columns: [{ userId: leaver.user!.id }] });
    expect(kept.status).toBe(200);
    const dropped = await owner.put(url('/columns'), { version: kept.body.version, columns: [] });
    expect(dropped.status).toBe(200);
    expect(
      (await owner.put(url('/columns'), { version: dropped.body.version, columns: [{ userId: leaver.user!.id }] }))
        .status,
    ).toBe(422);
  });

  it('lets a viewer read the columns but not change them', async () => {
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const read = await viewer.get(url('/columns'));
    expect(read.status).toBe(200);
    const res = await viewer.put(url('/columns'), { version: read.body.version, columns: [] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await owner.get(url('/columns'))).body).toEqual(read.body);
  });

  it('keeps each organization to its own columns: another organization gets 404 and its own choice', async () => {
    const other = await newOrgOwner(ctx(), 'Other Org');
    const mine = (await owner.get(url('/columns'))).body;
    expect((await other.owner.get(url('/columns'))).status).toBe(404);
    const refused = await other.owner.put(url('/columns'), { version: mine.version, columns: [] });
    expect(refused.status).toBe(404);
    expect((await owner.get(url('/columns'))).body).toEqual(mine);
    expect((await anonymous(ctx()).get(url('/columns'))).status).toBe(401);

    const theirs = await other.owner.get(`/api/orgs/${other.orgId}/raci/columns`);
    expect(theirs.body).toEqual({
      chosen: false,
      version: 0,
      columns: [{ userId: other.owner.user!.id, name: other.owner.user!.name }],
    });
    const saved = await other.owner.put(`/api/orgs/${other.orgId}/raci/columns`, {
      version: 0,
      columns: [{ role: 'manager' }],
    });
    expect(saved.status).toBe(200);
    expect((await owner.get(url('/columns'))).body).toEqual(mine);
  });
});

/** Builds a database as it was before migration 0010: three organizations with different RACI histories. */
async function olderDatabase(handle: DbHandle) {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor(handle.dialect)) },
  });
  const { error } = await migrator.migrateTo('0009-risk-soa');
  if (error) throw error;
  const deps = { db: handle.db, dialect: handle.dialect };
  const orgs: Record<string, string> = {};
  for (const name of ['Never opened', 'Emptied on purpose', 'In use']) {
    const id = newId();
    orgs[name] = id;
    await inTransaction(deps, async (tx, audit) => {
      const now = nowIso();
      await tx.insertInto('organizations').values({ id, name, createdAt: now, updatedAt: now, version: 1 }).execute();
      await audit({
        orgId: id,
        actor: { userId: null, name: 'system' },
        action: 'organization.created',
        entityType: 'organization',
        entityId: id,
        after: { name },
      });
      if (name === 'Emptied on purpose')
        await audit({
          orgId: id,
          actor: { userId: null, name: 'someone' },
          action: 'raci_activity.deleted',
          entityType: 'raci_activity',
          entityId: newId(),
        });
      if (name === 'In use')
        await tx
          .insertInto('raciActivities')
          .values({
            id: newId(),
            orgId: id,
            position: 0,
            name: 'Our own activity',
            description: '',
            assignments: '[]',
            version: 1,
            createdAt: now,
            updatedAt: now,
            updatedBy: null,
          })
          .execute();
    });
  }
  return orgs;
}

for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
  const run = dialect === 'postgres' && !process.env.TEST_DATABASE_URL ? describe.skip : describe;
  run(
    `migration 0010 on an older database [${dialect}]${run === describe ? '' : ' (skipped: TEST_DATABASE_URL not set)'}`,
    () => {
      let server: TestServer;
      let orgs: Record<string, string> = {};
      let owner: Client;

      beforeAll(async () => {
        server = await startTestServer(dialect, {
          beforeStart: async (handle) => {
            orgs = await olderDatabase(handle);
          },
        });
        // A member of each older organization, to read them through the API.
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
        for (const orgId of Object.values(orgs))
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

      it('seeds an organization whose RACI was never used, with its audit event on an intact chain', async () => {
        const id = orgs['Never opened']!;
        // 0010 seeds the defaults; 0030 then appends the two 5.3 assignments, each with its event.
        expect((await owner.get(`/api/orgs/${id}/raci`)).body.items.map((a: { name: string }) => a.name)).toEqual(
          NEW_NAMES,
        );
        const trail = (await owner.get(`/api/orgs/${id}/audit-events`)).body.items as {
          action: string;
          after: unknown;
        }[];
        expect(trail.map((e) => e.action)).toEqual(['raci.seeded', 'raci.seeded', 'organization.created']);
        expect(trail[1]!.after).toEqual({ activities: DEFAULT_NAMES });
        expect((await owner.get(`/api/orgs/${id}/audit-events/verify`)).body).toEqual({
          ok: true,
          checked: 3,
          firstBrokenId: null,
        });
      });

      it('leaves alone a RACI emptied on purpose and one already in use', async () => {
        // 0010 adds none of its defaults; only 0030's two 5.3 assignments are appended (see raci-accountability-migration.test.ts).
        const fiveThree = NEW_NAMES.filter((n) => !DEFAULT_NAMES.includes(n));
        expect(
          (await owner.get(`/api/orgs/${orgs['Emptied on purpose']!}/raci`)).body.items.map(
            (a: { name: string }) => a.name,
          ),
        ).toEqual(fiveThree);
        expect(
          (await owner.get(`/api/orgs/${orgs['In use']!}/raci`)).body.items.map((a: { name: string }) => a.name),
        ).toEqual(['Our own activity', ...fiveThree]);
        for (const id of [orgs['Emptied on purpose']!, orgs['In use']!]) {
          const seeded = (
            (await owner.get(`/api/orgs/${id}/audit-events`)).body.items as { action: string; after: unknown }[]
          )
            .filter((e) => e.action === 'raci.seeded')
            .map((e) => e.after);
          expect(seeded).toEqual([{ activities: fiveThree, reason: 'clause 5.3 assignments (issue 15)' }]);
        }
      });

      it('seeds an organization created after the upgrade at its creation', async () => {
        const created = await owner.post('/api/orgs', { name: 'After upgrade' });
        expect(created.status).toBe(201);
        expect((await owner.get(`/api/orgs/${created.body.id}/raci`)).body.items).toHaveLength(NEW_NAMES.length);
        const rows = server.handle.db
          .selectFrom('auditEvents')
          .selectAll()
          .where('chain', '=', created.body.id)
          .orderBy('seq');
        expect(
          await verifyChain(
            (async function* () {
              yield await rows.execute();
            })(),
          ),
        ).toMatchObject({ ok: true, checked: 3 });
      });
    },
  );
}
