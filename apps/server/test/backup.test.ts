import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup, verifyBackup } from '../src/admin/restore';
import { readManifest } from '../src/admin/manifest';
import { sqliteFile } from '../src/platform/db/connect';
import { createServer, type Server } from '../src/server';
import { download } from './files';
import { Client, newOrgOwner, tokenClient, validAiSystem } from './harness';
import { DIALECTS, freshStore, multipart, runAdmin } from './ops';

// `npm run backup` while the server takes writes, `npm run restore` into an empty target, a server
// on the restored data: every write acknowledged before the backup began is there, evidence
// downloads byte for byte, the audit chain verifies. On SQLite the test first proves that a
// naive copy of the database file would lose acknowledged writes (they are still in the WAL), so
// a backup that copied the file would fail it.

if (!process.env.TEST_DATABASE_URL)
  describe.skip('backup and restore [postgres] (skipped: TEST_DATABASE_URL not set)', () =>
    it('runs with TEST_DATABASE_URL', () => {}));

async function uploadEvidence(c: Client, url: string, bytes: Buffer, name: string) {
  const { body, contentType } = multipart(bytes, name, 'application/pdf');
  const headers: Record<string, string> = { 'content-type': contentType, authorization: `Bearer ${c.auth.bearer!}` };
  const res = await c.server.app.inject({ method: 'POST', url, payload: body, headers });
  return { status: res.statusCode, body: JSON.parse(res.body) as { files: { id: string; name: string }[] } };
}

for (const dialect of DIALECTS) {
  describe(`backup and restore [${dialect}]`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanup.reverse()) await c();
    });

    it(
      'backs up a server that is writing, restores into an empty target, and the restored server has every acknowledged write',
      { timeout: 180_000 },
      async () => {
        const src = await freshStore(dialect, 'bsrc');
        cleanup.push(src.drop);
        const server = await createServer(src.config, { logger: false });
        cleanup.push(() => server.close());
        await server.app.ready();
        const { owner, orgId } = await newOrgOwner(server, 'Backup Org');
        const api = await tokenClient(owner);
        const assessment = (await api.post(`/api/orgs/${orgId}/gap-assessments`, { name: 'With evidence' })).body;
        const refs = (assessment.items as { ref: string }[]).map((i) => i.ref);
        const gapBase = `/api/orgs/${orgId}/gap-assessments/${assessment.id}/items`;

        // Acknowledged before the backup starts: all of these must come back.
        const systems: { id: string; name: string }[] = [];
        const evidence: { ref: string; fileId: string; bytes: Buffer }[] = [];
        let n = 0;
        const addSystem = async () => {
          const name = `System ${++n} ${randomBytes(3).toString('hex')}`;
          const res = await api.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name }));
          return res.status === 201 ? { id: res.body.id as string, name } : null;
        };
        const addEvidence = async (i: number) => {
          const ref = refs[i % refs.length]!;
          const bytes = Buffer.concat([Buffer.from(`%PDF-1.4 evidence ${i}\n`), randomBytes(20_000 + (i % 5) * 7_000)]);
          const res = await uploadEvidence(api, `${gapBase}/${ref}/files`, bytes, `evidence ${i}.pdf`);
          return res.status === 201 ? { ref, fileId: res.body.files.at(-1)!.id, bytes } : null;
        };
        for (let i = 0; i < 250; i++) systems.push((await addSystem())!);
        for (let i = 0; i < 8; i++) evidence.push((await addEvidence(i))!);
        expect(systems.every(Boolean) && evidence.every(Boolean)).toBe(true);

        if (dialect === 'sqlite') {
          // The scenario a naive copy fails: acknowledged writes that are only in the WAL. Start from
          // the state right after a checkpoint, then write 15 more: they are in the WAL only.
          await sql`pragma wal_checkpoint(TRUNCATE)`.execute(server.handle.db);
          for (let i = 0; i < 15; i++) systems.push((await addSystem())!);
          const naive = path.join(src.dataDir, 'naive-copy.sqlite');
          fs.copyFileSync(sqliteFile(src.dataDir), naive);
          const db = new SqliteDatabase(naive);
          const ids = new Set(db.prepare('select id from ai_systems').pluck().all() as string[]);
          db.close();
          fs.rmSync(naive);
          expect(
            systems.filter((s) => !ids.has(s.id)).length,
            'a naive copy of fortytwo.sqlite misses the acknowledged writes still in the WAL',
          ).toBeGreaterThanOrEqual(15);
        }

        // The backup runs as its own process while this one keeps writing.
        let writing = true;
        const during = {
          systems: [] as { id: string; name: string }[],
          evidence: [] as { ref: string; fileId: string; bytes: Buffer }[],
        };
        // SQLite checkpoints automatically at 1000 WAL frames; the writer keeps below that (see below).
        const walFrames = () => Math.max(0, fs.statSync(`${sqliteFile(src.dataDir)}-wal`).size - 32) / (4096 + 24);
        const writer = (async () => {
          for (let i = 0; writing; i++) {
            if (dialect === 'sqlite' && walFrames() > 900) {
              await new Promise((r) => setTimeout(r, 60));
              continue;
            }
            const s = await addSystem();
            if (s) during.systems.push(s);
            if (i % 8 === 0) {
              const e = await addEvidence(100 + i);
              if (e) during.evidence.push(e);
            }
            await new Promise((r) => setTimeout(r, 60)); // steady, not flooding: see the WAL check below
          }
        })();
        const outDir = path.join(src.dataDir, '..', `${path.basename(src.dataDir)}-backups`);
        cleanup.push(() => Promise.resolve(fs.rmSync(outDir, { recursive: true, force: true })));
        const backup = await runAdmin(['backup', '--out', outDir], src.env);
        writing = false;
        await writer;
        expect(backup.stderr).toContain('Backup complete');
        expect(backup.code).toBe(0);
        expect(during.systems.length, 'writes were acknowledged while the backup ran').toBeGreaterThan(0);
        if (dialect === 'sqlite') {
          // Below 1000 frames nothing written since the TRUNCATE above reached the database file, so
          // the 15 writes stayed in the WAL only: a backup that copied fortytwo.sqlite would have
          // lost them, and fails below.
          expect(walFrames(), 'no automatic checkpoint while the backup ran').toBeLessThan(1000);
        }
        const dir = backup.stdout.trim();
        const manifest = readManifest(dir);
        expect(manifest).toMatchObject({ dialect, problems: [] });
        expect(manifest.schema.latest).toBeTruthy();
        expect(
          manifest.entries.filter((e) => /^files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(e.path)).length,
        ).toBeGreaterThanOrEqual(evidence.length);
        expect(manifest.tables.ai_systems).toBeGreaterThanOrEqual(systems.length);

        // Restore into an empty target, then start a server on it.
        const dst = await freshStore(dialect, 'bdst');
        cleanup.push(dst.drop);
        const restore = await runAdmin(['restore', dir], dst.env);
        expect(restore.stderr).toContain('Restore complete');
        expect(restore.code).toBe(0);
        console.log(
          `[backup ${dialect}] ${manifest.tables.ai_systems} AI systems, ${manifest.tables.audit_events} audit events, ${manifest.entries.length - 1} files: backup ${backup.ms} ms (${manifest.durationMs} ms inside), restore ${restore.ms} ms; ${during.systems.length} AI systems and ${during.evidence.length} files acknowledged while backing up`,
        );

        const restored: Server = await createServer(dst.config, { logger: false });
        cleanup.push(() => restored.close());
        await restored.app.ready();
        const rapi = new Client(restored, api.auth, api.user);
        for (const s of systems) {
          const got = await rapi.get(`/api/orgs/${orgId}/ai-systems/${s.id}`);
          expect(got.status, `AI system ${s.name}`).toBe(200);
          expect(got.body.name).toBe(s.name);
        }
        for (const e of evidence) {
          const got = await download(rapi, `${gapBase}/${e.ref}/files/${e.fileId}`);
          expect(got.status).toBe(200);
          expect(got.bytes.equals(e.bytes)).toBe(true);
        }
        // Writes made during the backup are in or out, never half: a restored file row has its bytes.
        const rows = await restored.handle.db.selectFrom('evidence').select(['id', 'sha256']).execute();
        expect(rows.length).toBeGreaterThanOrEqual(evidence.length);
        for (const e of during.evidence.filter((d) => rows.some((r) => r.id === d.fileId))) {
          const got = await download(rapi, `${gapBase}/${e.ref}/files/${e.fileId}`);
          expect(got.bytes.equals(e.bytes)).toBe(true);
        }
        const verify = await rapi.get(`/api/orgs/${orgId}/audit-events/verify`);
        expect(verify.body).toMatchObject({ ok: true, firstBrokenId: null });
        expect(verify.body.checked).toBeGreaterThanOrEqual(systems.length + evidence.length);

        // Restoring again: the target is no longer empty; with --force, not while a server uses it.
        const again = await runAdmin(['restore', dir], dst.env);
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('the target is not empty');
        await expect(
          restoreBackup({ dataDir: dst.dataDir, databaseUrl: dst.databaseUrl, from: dir, force: true }),
        ).rejects.toThrow(dialect === 'sqlite' ? /in use: stop the server/ : /other session\(s\) are connected/);
      },
    );

    it(
      'refuses a damaged backup, one made by a newer schema, and one of the other dialect, before writing anything',
      { timeout: 120_000 },
      async () => {
        const src = await freshStore(dialect, 'bref');
        cleanup.push(src.drop);
        const server = await createServer(src.config, { logger: false });
        await server.app.ready();
        const { owner, orgId } = await newOrgOwner(server, 'Refusal Org');
        const assessment = (await owner.post(`/api/orgs/${orgId}/gap-assessments`, { name: 'A' })).body;
        const api = await tokenClient(owner);
        expect(
          (
            await uploadEvidence(
              api,
              `/api/orgs/${orgId}/gap-assessments/${assessment.id}/items/5.2/files`,
              Buffer.from('%PDF-1.4 policy v1'),
              'policy.pdf',
            )
          ).status,
        ).toBe(201);
        await server.close();
        const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-bref-out-'));
        cleanup.push(() => Promise.resolve(fs.rmSync(outDir, { recursive: true, force: true })));
        const { createBackup } = await import('../src/admin/backup');
        const { dir, manifest } = await createBackup({ dataDir: src.dataDir, databaseUrl: src.databaseUrl, outDir });
        await expect(verifyBackup(dir)).resolves.toMatchObject({ warnings: [] });

        const copyOf = (name: string) => {
          const to = path.join(outDir, name);
          fs.cpSync(dir, to, { recursive: true });
          return to;
        };
        const dst = await freshStore(dialect, 'bref-dst');
        cleanup.push(dst.drop);
        const nothingWritten = () => expect(fs.readdirSync(dst.dataDir)).toEqual([]);

        const damaged = copyOf('damaged');
        const evidencePath = manifest.entries.find((e) => e.path.startsWith('files/'))!.path;
        fs.writeFileSync(path.join(damaged, evidencePath), 'policy v2');
        await expect(
          restoreBackup({ dataDir: dst.dataDir, databaseUrl: dst.databaseUrl, from: damaged }),
        ).rejects.toThrow(`${evidencePath} is damaged`);
        nothingWritten();

        const truncated = copyOf('truncated');
        const dbFile = path.join(truncated, manifest.database.path);
        fs.truncateSync(dbFile, Math.floor(fs.statSync(dbFile).size / 2));
        const verifyTruncated = await runAdmin(['verify', truncated], dst.env);
        expect(verifyTruncated.code).toBe(1);
        expect(verifyTruncated.stderr).toContain(`${manifest.database.path} is damaged`);

        const future = copyOf('future');
        const m = JSON.parse(fs.readFileSync(path.join(future, 'manifest.json'), 'utf8'));
        m.schema.migrations.push('9999-from-the-future');
        fs.writeFileSync(path.join(future, 'manifest.json'), JSON.stringify(m));
        await expect(
          restoreBackup({ dataDir: dst.dataDir, databaseUrl: dst.databaseUrl, from: future }),
        ).rejects.toThrow(/made by a newer version of Fortytwo: its schema includes 9999-from-the-future/);
        nothingWritten();

        const otherDialect = dialect === 'sqlite' ? 'postgres://nobody@127.0.0.1:1/none' : undefined;
        await expect(restoreBackup({ dataDir: dst.dataDir, databaseUrl: otherDialect, from: dir })).rejects.toThrow(
          /a backup restores into the same kind of database/,
        );
        nothingWritten();

        // A good backup restores; restoring it again needs --force, which replaces the database.
        await expect(
          restoreBackup({ dataDir: dst.dataDir, databaseUrl: dst.databaseUrl, from: dir }),
        ).resolves.toMatchObject({ files: { written: 1, kept: 0 }, chains: { broken: [] } });
        await expect(restoreBackup({ dataDir: dst.dataDir, databaseUrl: dst.databaseUrl, from: dir })).rejects.toThrow(
          /the target is not empty/,
        );
        const forced = await restoreBackup({
          dataDir: dst.dataDir,
          databaseUrl: dst.databaseUrl,
          from: dir,
          force: true,
        });
        expect(forced).toMatchObject({ files: { written: 0, kept: 1 }, chains: { broken: [] } });
        expect(forced.chains.events).toBeGreaterThan(0);
      },
    );
  });
}
