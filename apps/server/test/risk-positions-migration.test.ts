import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/platform/db/connect';
import { migrationsFor } from '../src/platform/db/migrations';
import { newId, nowIso } from '../src/platform/ids';
import { type DialectName, startTestServer, type TestServer } from './harness';

// Migration 0041 (issue 19) stores each risk's current position on its row and fills it from the
// rows recorded before it: the latest inherent rating, the latest residual rating whose treatment
// still exists (a removed treatment leaves its rating behind), the treated flag, the latest
// acceptance and the day it covers the current level until.

const CASES = ['unrated', 'rerated', 'treated', 'treatment removed', 'accepted', 'accepted below'] as const;
type Case = (typeof CASES)[number];

async function olderDatabase(handle: DbHandle): Promise<Record<Case, string>> {
  const migrations = migrationsFor(handle.dialect);
  const names = Object.keys(migrations).sort();
  const before = names[names.indexOf('0041-risk-positions') - 1]!;
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateTo(before);
  if (error) throw error;
  const db = handle.db;
  const now = nowIso();
  const orgId = newId();
  await db
    .insertInto('organizations')
    .values({ id: orgId, name: 'Older Org', createdAt: now, updatedAt: now, version: 1 })
    .execute();
  const ids = {} as Record<Case, string>;
  for (const [i, name] of CASES.entries()) {
    ids[name] = newId();
    await db
      .insertInto('risks')
      .values({
        id: ids[name],
        orgId,
        number: i + 1,
        title: name,
        kind: 'risk',
        description: '',
        source: 'C.3.4',
        consequencesOrganization: '',
        consequencesIndividuals: '',
        consequencesSociety: '',
        status: 'open',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  const rating = (
    riskId: string,
    kind: string,
    l: number,
    c: number,
    level: string,
    seq: number,
    treatmentId: string | null = null,
  ) =>
    db
      .insertInto('riskAssessments')
      .values({
        id: newId(),
        orgId,
        riskId,
        kind,
        treatmentId,
        likelihood: l,
        consequence: c,
        score: l * c,
        level,
        criteriaNumber: 1,
        note: '',
        seq,
        assessedAt: now,
        assessedByName: 'Someone',
      })
      .execute();
  const treatment = async (riskId: string) => {
    const id = newId();
    await db
      .insertInto('riskTreatments')
      .values({
        id,
        orgId,
        riskId,
        option: 'modify',
        description: '',
        resources: '',
        controlRefs: '[]',
        verification: '',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  };
  const acceptance = (riskId: string, level: string, expiresAt: string, acceptedAt: string) =>
    db
      .insertInto('riskAcceptances')
      .values({ id: newId(), orgId, riskId, level, rationale: '', expiresAt, acceptedAt, acceptedByName: 'Board' })
      .execute();
  await rating(ids.rerated, 'inherent', 2, 2, 'low', 1);
  await rating(ids.rerated, 'inherent', 4, 4, 'high', 2);
  await rating(ids.treated, 'inherent', 5, 5, 'critical', 1);
  await rating(ids.treated, 'residual', 2, 2, 'low', 2, await treatment(ids.treated));
  await rating(ids['treatment removed'], 'inherent', 5, 5, 'critical', 1);
  await rating(ids['treatment removed'], 'residual', 1, 1, 'low', 2, newId());
  await rating(ids.accepted, 'inherent', 4, 4, 'high', 1);
  await acceptance(ids.accepted, 'medium', '2098-01-01', '2026-01-01T00:00:00.000Z');
  await acceptance(ids.accepted, 'high', '2099-01-01', '2026-02-01T00:00:00.000Z');
  await rating(ids['accepted below'], 'inherent', 5, 5, 'critical', 1);
  await acceptance(ids['accepted below'], 'high', '2099-01-01', '2026-01-01T00:00:00.000Z');
  return ids;
}

for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
  const run = dialect === 'postgres' && !process.env.TEST_DATABASE_URL ? describe.skip : describe;
  run(`migration 0041 fills the risks' stored positions [${dialect}]`, () => {
    let server: TestServer;
    let ids: Record<Case, string>;
    beforeAll(async () => {
      server = await startTestServer(dialect, {
        beforeStart: async (handle) => {
          ids = await olderDatabase(handle);
        },
      });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('from the latest rows of each risk', async () => {
      const rows = await server.handle.db
        .selectFrom('risks')
        .select([
          'id',
          'inherentLikelihood',
          'inherentConsequence',
          'inherentLevel',
          'residualLikelihood',
          'residualConsequence',
          'residualLevel',
          'currentLevel',
          'treated',
          'acceptanceLevel',
          'acceptanceExpiresAt',
          'acceptedUntil',
        ])
        .execute();
      const of = (name: Case) => {
        const { id: _id, ...r } = rows.find((x) => x.id === ids[name])!;
        return { ...r, treated: Number(r.treated) };
      };
      const none = {
        inherentLikelihood: null,
        inherentConsequence: null,
        inherentLevel: null,
        residualLikelihood: null,
        residualConsequence: null,
        residualLevel: null,
        currentLevel: null,
        treated: 0,
        acceptanceLevel: null,
        acceptanceExpiresAt: null,
        acceptedUntil: null,
      };
      const inherent = (l: number, c: number, level: string) => ({
        inherentLikelihood: l,
        inherentConsequence: c,
        inherentLevel: level,
        currentLevel: level,
      });
      expect(of('unrated')).toEqual(none);
      expect(of('rerated')).toEqual({ ...none, ...inherent(4, 4, 'high') });
      expect(of('treated')).toEqual({
        ...none,
        ...inherent(5, 5, 'critical'),
        residualLikelihood: 2,
        residualConsequence: 2,
        residualLevel: 'low',
        currentLevel: 'low',
        treated: 1,
      });
      expect(of('treatment removed')).toEqual({ ...none, ...inherent(5, 5, 'critical') });
      expect(of('accepted')).toEqual({
        ...none,
        ...inherent(4, 4, 'high'),
        acceptanceLevel: 'high',
        acceptanceExpiresAt: '2099-01-01',
        acceptedUntil: '2099-01-01',
      });
      expect(of('accepted below')).toEqual({
        ...none,
        ...inherent(5, 5, 'critical'),
        acceptanceLevel: 'high',
        acceptanceExpiresAt: '2099-01-01',
      });
    });
  });
}
