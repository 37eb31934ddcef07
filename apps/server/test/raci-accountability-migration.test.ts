import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTABILITY_ACTIVITIES, DEFAULT_RACI_ACTIVITIES } from '@fortytwo/domain';
import type { DbHandle } from '../src/platform/db/connect';
import { migrationsFor } from '../src/platform/db/migrations';
import { newId, nowIso } from '../src/platform/ids';
import { inTransaction } from '../src/platform/transaction';
import {
  anonymous,
  type Client,
  type DialectName,
  PASSWORD,
  signIn,
  startTestServer,
  type TestServer,
  uniqueEmail,
} from './harness';

// Migration 0030 (issue 15): organizations created before the two 5.3 assignments were part of a
// new RACI get the one(s) they lack, appended unassigned, with an audit event on an intact chain.
// One that already has it, or deleted it on purpose, is left as it is for that activity.

const [CONFORMITY, REPORTING] = ACCOUNTABILITY_ACTIVITIES.map((a) => a.name) as [string, string];
const DEFAULT_NAMES = DEFAULT_RACI_ACTIVITIES.map((a) => a.name);
const ORGS = ['Defaults only', 'Has conformity', 'Deleted reporting'] as const;

/** A database as it was just before 0030, with three organizations and their RACIs. */
async function olderDatabase(handle: DbHandle) {
  const migrations = migrationsFor(handle.dialect);
  const names = Object.keys(migrations).sort();
  const before = names[names.indexOf('0030-raci-accountability') - 1]!;
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateTo(before);
  if (error) throw error;
  const deps = { db: handle.db, dialect: handle.dialect };
  const orgs: Record<string, string> = {};
  for (const name of ORGS) {
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
      const activities = [...DEFAULT_NAMES, ...(name === 'Has conformity' ? [CONFORMITY] : [])];
      await tx
        .insertInto('raciActivities')
        .values(
          activities.map((n, position) => ({
            id: newId(),
            orgId: id,
            position,
            name: n,
            description: '',
            assignments: '[]',
            version: 1,
            createdAt: now,
            updatedAt: now,
            updatedBy: null,
          })),
        )
        .execute();
      if (name === 'Deleted reporting')
        await audit({
          orgId: id,
          actor: { userId: null, name: 'someone' },
          action: 'raci_activity.deleted',
          entityType: 'raci_activity',
          entityId: newId(),
          before: { name: REPORTING, description: '', assignments: [] },
        });
    });
  }
  return orgs;
}

for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
  const run = dialect === 'postgres' && !process.env.TEST_DATABASE_URL ? describe.skip : describe;
  run(
    `migration 0030 adds the 5.3 RACI activities [${dialect}]${run === describe ? '' : ' (skipped: TEST_DATABASE_URL not set)'}`,
    () => {
      let server: TestServer;
      let orgs: Record<string, string> = {};
      let owner: Client;
      const raci = async (name: string) => (await owner.get(`/api/orgs/${orgs[name]!}/raci`)).body;
      const trail = async (name: string) =>
        (await owner.get(`/api/orgs/${orgs[name]!}/audit-events`)).body.items as { action: string; after: unknown }[];

      beforeAll(async () => {
        server = await startTestServer(dialect, {
          beforeStart: async (handle) => {
            orgs = await olderDatabase(handle);
          },
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

      it('appends both, unassigned, to an organization with the old defaults, and the check then asks for an Accountable', async () => {
        const r = await raci('Defaults only');
        expect(r.items.map((a: { name: string }) => a.name)).toEqual([...DEFAULT_NAMES, CONFORMITY, REPORTING]);
        expect(r.items.slice(-2).map((a: { assignments: unknown[] }) => a.assignments)).toEqual([[], []]);
        expect(r.accountability.map((w: { code: string }) => w.code)).toEqual([
          'ACCOUNTABILITY_NO_ACCOUNTABLE',
          'ACCOUNTABILITY_NO_ACCOUNTABLE',
        ]);
        const events = await trail('Defaults only');
        expect(events[0]).toMatchObject({ action: 'raci.seeded', after: { activities: [CONFORMITY, REPORTING] } });
        expect((await owner.get(`/api/orgs/${orgs['Defaults only']!}/audit-events/verify`)).body).toMatchObject({
          ok: true,
          checked: 2,
        });
      });

      it('adds only the missing one where the other exists, and none that was deleted on purpose', async () => {
        const has = (await raci('Has conformity')).items.map((a: { name: string }) => a.name);
        expect(has.filter((n: string) => n === CONFORMITY)).toHaveLength(1);
        expect(has.slice(-2)).toEqual([CONFORMITY, REPORTING]);

        const deleted = await raci('Deleted reporting');
        expect(deleted.items.map((a: { name: string }) => a.name)).toEqual([...DEFAULT_NAMES, CONFORMITY]);
        // The check still says what is missing: deleting it was a choice, not an answer.
        expect(deleted.accountability.map((w: { code: string }) => w.code)).toEqual([
          'ACCOUNTABILITY_NO_ACCOUNTABLE',
          'ACCOUNTABILITY_MISSING',
        ]);
        for (const name of ['Has conformity', 'Deleted reporting'])
          expect((await owner.get(`/api/orgs/${orgs[name]!}/audit-events/verify`)).body.ok).toBe(true);
      });

      it('leaves an organization created after the upgrade with exactly one of each', async () => {
        const created = await owner.post('/api/orgs', { name: 'After upgrade' });
        expect(created.status).toBe(201);
        const names = (await owner.get(`/api/orgs/${created.body.id}/raci`)).body.items.map(
          (a: { name: string }) => a.name,
        );
        expect(names.filter((n: string) => n === CONFORMITY || n === REPORTING)).toEqual([CONFORMITY, REPORTING]);
      });
    },
  );
}
