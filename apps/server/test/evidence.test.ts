import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { zipSync } from 'fflate';
import type { DbHandle } from '../src/platform/db/connect';
import { migrationsFor } from '../src/platform/db/migrations';
import { newId, nowIso } from '../src/platform/ids';
import { localFileStore } from '../src/platform/files';
import {
  addMember,
  anonymous,
  type Client,
  describeEachDialect,
  newOrgOwner,
  PASSWORD,
  signIn,
  startTestServer,
  uniqueEmail,
  type TestServer,
} from './harness';
import { download, sheetRows, unzipEntry } from './files';

/** POSTs a file with text fields as multipart/form-data. */
export async function sendEvidence(
  c: Client,
  url: string,
  bytes: Buffer,
  fileName: string,
  fields: Record<string, string> = {},
  mediaType = 'application/octet-stream',
) {
  const boundary = `----ev${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`;
  const payload = Buffer.concat([...parts, Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (c.auth.bearer) headers.authorization = `Bearer ${c.auth.bearer}`;
  if (c.auth.cookie) headers.cookie = `ft_session=${c.auth.cookie}`;
  if (c.auth.csrf) headers['x-csrf-token'] = c.auth.csrf;
  const res = await c.server.app.inject({ method: 'POST', url, payload, headers });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, any> };
}

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDialect('evidence library', (ctx) => {
  let owner: Client;
  let orgId: string;
  let base: string;

  // Each test its own library (issue 22): the filters, the exports and the numbers see only what the
  // test added itself.
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Evidence Library Org'));
    base = `/api/orgs/${orgId}/evidence`;
  });

  /** A file attached to a control and a link attached to nothing: what the package exports. */
  async function fileAndLink() {
    const file = await sendEvidence(owner, `${base}/files`, pdf('access review Q3'), 'Access review Q3.pdf', {
      title: 'Quarterly access review',
    });
    expect(file.status, JSON.stringify(file.body)).toBe(201);
    const linked = await owner.post(`${base}/${file.body.id}/links`, { subjectType: 'control', subjectId: 'A.6.2.4' });
    expect(linked.status, linked.text).toBe(200);
    expect((await owner.post(base, { title: 'Model card', url: 'https://wiki.example/model-card' })).status).toBe(201);
  }

  it('adds a file with its details, numbers it EV-n, serves it back byte for byte, and audits it', async () => {
    const bytes = pdf('access review Q3');
    const res = await sendEvidence(owner, `${base}/files`, bytes, 'Access review Q3.pdf', {
      title: 'Quarterly access review',
      ownerId: owner.user!.id,
      effectiveOn: '2026-10-01',
      expiresOn: isoDay(200),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^EV-\d+$/),
      title: 'Quarterly access review',
      kind: 'file',
      file: { name: 'Access review Q3.pdf', size: bytes.length, mediaType: 'application/pdf', sha256: sha(bytes) },
      ownerId: owner.user!.id,
      people: { [owner.user!.id]: { id: owner.user!.id, email: owner.user!.email } },
      expiryState: 'current',
      revision: 1,
      linkCount: 0,
    });
    const got = await download(owner, `${base}/${res.body.id}/file`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(String(got.headers['content-disposition'])).toContain('Access review Q3.pdf');
    const trail = await owner.get(`/api/orgs/${orgId}/audit-events?entityType=evidence&entityId=${res.body.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['evidence.created']);
  });

  it('adds links, refuses non-web addresses and reversed dates with the field named', async () => {
    const ok = await owner.post(base, { title: 'Model card', url: 'https://wiki.example/model-card' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'link', url: 'https://wiki.example/model-card', file: null });
    const bad = await owner.post(base, { title: 'X', url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Link must be a web address/);
    const reversed = await owner.post(base, {
      title: 'X',
      url: 'https://x.example',
      effectiveOn: '2027-01-02',
      expiresOn: '2027-01-01',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/Review or expiry date must be on or after the effective date/);
    const stranger = await owner.post(base, { title: 'X', url: 'https://x.example', ownerId: 'nobody' });
    expect(stranger.status).toBe(422);
  });

  it('flags expiring and expired evidence, and filters the register by expiry, owner, subject type and text', async () => {
    const expired = (
      await owner.post(base, {
        title: 'Old pen test',
        url: 'https://x.example/pt',
        expiresOn: isoDay(-1),
        ownerId: owner.user!.id,
      })
    ).body;
    const expiring = (
      await owner.post(base, { title: 'Supplier certificate', url: 'https://x.example/cert', expiresOn: isoDay(10) })
    ).body;
    expect(expired.expiryState).toBe('expired');
    expect(expiring.expiryState).toBe('expiring');
    const refs = async (q: string) =>
      ((await owner.get(`${base}${q}`)).body.items as { id: string }[]).map((e) => e.id);
    expect(await refs('?expiry=expired')).toEqual([expired.id]);
    expect(await refs('?expiry=expiring')).toEqual([expiring.id]);
    expect(await refs('?expiry=current')).not.toContain(expired.id);
    expect(await refs('?q=SUPPLIER')).toEqual([expiring.id]);
    expect(await refs(`?q=${expiring.reference}`)).toEqual([expiring.id]);
    expect(await refs('?q=100%25')).toEqual([]);
    expect((await owner.get(`${base}?expiry=soon`)).status).toBe(400);
    expect(await refs(`?ownerId=${owner.user!.id}`)).toEqual([expired.id]);
    await owner.post(`${base}/${expiring.id}/links`, { subjectType: 'control', subjectId: 'A.6.2.4' });
    expect(await refs('?subjectType=control')).toEqual([expiring.id]);
  });

  it('attaches one piece of evidence to many records, shows the crosswalk items it serves, and refuses deleting it while attached', async () => {
    const ev = (await owner.post(base, { title: 'AI policy page', url: 'https://intranet.example/ai-policy' })).body;
    const assessment = (await owner.post(`/api/orgs/${orgId}/gap-assessments`, { name: 'Crosswalk' })).body;
    const item = (assessment.items as { id: string; ref: string }[]).find((i) => i.ref === '5.2')!;
    const risk = (
      await owner.post(`/api/orgs/${orgId}/risks`, { title: 'Bias', source: 'C.3.1', likelihood: 3, consequence: 3 })
    ).body;
    expect(
      (await owner.post(`${base}/${ev.id}/links`, { subjectType: 'requirement', subjectId: item.id })).status,
    ).toBe(200);
    expect((await owner.post(`${base}/${ev.id}/links`, { subjectType: 'risk', subjectId: risk.id })).status).toBe(200);
    const again = await owner.post(`${base}/${ev.id}/links`, { subjectType: 'risk', subjectId: risk.id });
    expect(again.body.links).toHaveLength(2);
    const detail = (await owner.get(`${base}/${ev.id}`)).body;
    expect(detail.links.map((l: { subjectType: string; label: string }) => [l.subjectType, l.label])).toEqual([
      ['requirement', expect.stringContaining('5.2')],
      ['risk', expect.stringMatching(/^R-\d+ Bias$/)],
    ]);
    expect(detail.crosswalk.length).toBeGreaterThan(0);
    expect(detail.crosswalk.every((c: { via: string }) => c.via === '5.2')).toBe(true);
    expect(new Set(detail.crosswalk.map((c: { frameworkId: string }) => c.frameworkId)).size).toBeGreaterThan(0);
    // What the panel of each record shows.
    const panel = await owner.get(`/api/orgs/${orgId}/evidence-links?subjectType=risk&subjectId=${risk.id}`);
    expect(panel.body.items).toEqual([
      expect.objectContaining({ id: ev.id, reference: ev.reference, expiryState: 'current' }),
    ]);
    // The gap item sees link evidence through the library, not as a file.
    const refused = await owner.delete(`${base}/${ev.id}`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/attached to 2 records.*Detach it/);
    expect((await owner.delete(`${base}/${ev.id}/links/risk/${risk.id}`)).status).toBe(204);
    expect((await owner.delete(`${base}/${ev.id}/links/risk/${risk.id}`)).status).toBe(404);
    expect((await owner.delete(`${base}/${ev.id}/links/requirement/${item.id}`)).status).toBe(204);
    expect((await owner.delete(`${base}/${ev.id}`)).status).toBe(204);
    expect((await owner.get(`${base}/${ev.id}`)).status).toBe(404);
    // Unknown subjects: a record that does not exist in this organization, a type that is not one.
    const spare = (await owner.post(base, { title: 'x', url: 'https://x.example' })).body;
    expect((await owner.post(`${base}/${spare.id}/links`, { subjectType: 'risk', subjectId: 'nope' })).status).toBe(
      404,
    );
    expect((await owner.get(`/api/orgs/${orgId}/evidence-links?subjectType=users&subjectId=x`)).status).toBe(400);
  });

  it('keeps every revision when a new file or link replaces the current one', async () => {
    const v1 = pdf('v1');
    const v2 = pdf('v2');
    const ev = (await sendEvidence(owner, `${base}/files`, v1, 'training.pdf')).body;
    const rev = await sendEvidence(owner, `${base}/${ev.id}/revisions/file`, v2, 'training 2027.pdf', {
      version: String(ev.version),
      note: 'Renewed',
    });
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    expect(rev.body).toMatchObject({
      revision: 2,
      file: { name: 'training 2027.pdf', sha256: sha(v2) },
      revisions: [
        { revision: 2, note: 'Renewed' },
        { revision: 1, file: { sha256: sha(v1) } },
      ],
    });
    expect((await download(owner, `${base}/${ev.id}/file`)).bytes.equals(v2)).toBe(true);
    expect((await download(owner, `${base}/${ev.id}/file?revision=1`)).bytes.equals(v1)).toBe(true);
    const stale = await sendEvidence(owner, `${base}/${ev.id}/revisions/file`, v2, 'x.pdf', {
      version: String(ev.version),
    });
    expect(stale.status).toBe(409);
    const toLink = await owner.post(`${base}/${ev.id}/revisions`, {
      version: rev.body.version,
      url: 'https://lms.example/cert/42',
    });
    expect(toLink.body).toMatchObject({ kind: 'link', revision: 3, url: 'https://lms.example/cert/42', file: null });
    expect((await download(owner, `${base}/${ev.id}/file`)).status).toBe(404);
    const patched = await owner.patch(`${base}/${ev.id}`, {
      version: toLink.body.version,
      title: 'Training certificate',
      expiresOn: isoDay(5),
    });
    expect(patched.body).toMatchObject({ title: 'Training certificate', expiryState: 'expiring' });
    expect((await owner.patch(`${base}/${ev.id}`, { version: toLink.body.version, title: 'Lost update' })).status).toBe(
      409,
    );
  });

  it('refuses files too big, of the wrong type, or disguised; strips path names; stores a zip as it came without expanding it', async () => {
    const big = await sendEvidence(owner, `${base}/files`, Buffer.alloc(25 * 1024 * 1024 + 1, 0x20), 'big.txt');
    expect(big.status).toBe(413);
    const exe = await sendEvidence(owner, `${base}/files`, Buffer.from('MZ\x90\x00'), 'tool.exe');
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toMatch(/not taken as evidence.*pdf/);
    const disguised = await sendEvidence(
      owner,
      `${base}/files`,
      Buffer.from('MZ\x90\x00 not a pdf'),
      'invoice.pdf',
      {},
      'application/pdf',
    );
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toMatch(/not a PDF file/);
    const empty = await sendEvidence(owner, `${base}/files`, Buffer.alloc(0), 'empty.txt');
    expect(empty.status).toBe(400);
    const traversal = await sendEvidence(owner, `${base}/files`, Buffer.from('notes'), '../../../etc/passwd.txt');
    expect(traversal.status).toBe(201);
    expect(traversal.body.file.name).toBe('passwd.txt');
    const windows = await sendEvidence(owner, `${base}/files`, Buffer.from('notes'), '..\\..\\boot\u202Egpj.txt');
    expect(windows.body.file.name).toBe('bootgpj.txt');
    // A zip bomb: 64 MB of zeros packed into a few dozen KB. Kept as it came, never expanded.
    const bomb = Buffer.from(zipSync({ 'zeros.bin': new Uint8Array(64 * 1024 * 1024) }, { level: 6 }));
    expect(bomb.length).toBeLessThan(256 * 1024);
    const stored = await sendEvidence(owner, `${base}/files`, bomb, 'logs.zip');
    expect(stored.status).toBe(201);
    expect(stored.body.file).toMatchObject({ size: bomb.length, mediaType: 'application/zip', sha256: sha(bomb) });
    expect((await download(owner, `${base}/${stored.body.id}/file`)).bytes.equals(bomb)).toBe(true);
    // Fields are checked like JSON ones, with the field named.
    const badField = await sendEvidence(owner, `${base}/files`, Buffer.from('x'), 'x.txt', { expiresOn: '2027-02-30' });
    expect(badField.status).toBe(400);
    expect(badField.body.error.message).toMatch(/Review or expiry date must be a real date/);
  });

  it('exports the register as CSV and XLSX, and the evidence package that verifies with its manifest', async () => {
    await fileAndLink();
    const csv = await download(owner, `${base}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.bytes.toString().split('\n')[0]).toContain('reference,title,kind');
    const rows = await sheetRows((await download(owner, `${base}/export.xlsx`)).bytes);
    expect(rows[0]).toContain('Attached to');
    const zip = await download(owner, `${base}/export.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const manifest = JSON.parse(unzipEntry(zip.bytes, 'manifest.json')!);
    expect(manifest.format).toBe('fortytwo/evidence-package@1');
    expect(manifest.files.length).toBeGreaterThan(0);
    const sums = unzipEntry(zip.bytes, 'SHA256SUMS')!;
    for (const f of manifest.files) {
      expect(sums).toContain(`${f.sha256}  ${f.fileName}`);
      const body = unzipEntry(zip.bytes, f.fileName);
      expect(body, f.fileName).toBeDefined();
    }
    const withLinks = manifest.evidence.find((e: { proves: unknown[] }) => e.proves.length > 0);
    expect(withLinks.proves[0]).toMatchObject({ subjectType: expect.any(String), label: expect.any(String) });
    expect(manifest.evidence[0]).toMatchObject({ collectedBy: expect.any(String), collectedAt: expect.any(String) });
  });

  it('lets a viewer read and download but not write, and keeps organizations apart', async () => {
    const ev = (await sendEvidence(owner, `${base}/files`, Buffer.from('secret'), 'secret.txt')).body;
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await viewer.get(base)).status).toBe(200);
    expect((await download(viewer, `${base}/${ev.id}/file`)).status).toBe(200);
    expect((await viewer.post(base, { title: 'x', url: 'https://x.example' })).status).toBe(403);
    expect((await sendEvidence(viewer, `${base}/files`, Buffer.from('x'), 'x.txt')).status).toBe(403);
    expect((await viewer.delete(`${base}/${ev.id}`)).status).toBe(403);
    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    expect((await contributor.post(base, { title: 'x', url: 'https://x.example' })).status).toBe(201);

    const other = await newOrgOwner(ctx(), 'Nosy Evidence Org');
    const theirBase = `/api/orgs/${other.orgId}/evidence`;
    expect((await other.owner.get(`${base}/${ev.id}`)).status).toBe(404);
    expect((await other.owner.get(`${theirBase}/${ev.id}`)).status).toBe(404);
    expect((await download(other.owner, `${theirBase}/${ev.id}/file`)).status).toBe(404);
    expect((await other.owner.patch(`${theirBase}/${ev.id}`, { version: 1, title: 'mine' })).status).toBe(404);
    expect((await other.owner.delete(`${theirBase}/${ev.id}`)).status).toBe(404);
    expect(
      (await other.owner.post(`${theirBase}/${ev.id}/links`, { subjectType: 'control', subjectId: 'A.2.2' })).status,
    ).toBe(404);
    expect((await other.owner.get(theirBase)).body.items).toEqual([]);
    // Their evidence cannot be attached to our records, nor ours to theirs.
    const theirs = (await other.owner.post(theirBase, { title: 'theirs', url: 'https://x.example' })).body;
    const risk = (
      await owner.post(`/api/orgs/${orgId}/risks`, { title: 'Ours', source: 'C.3.1', likelihood: 1, consequence: 1 })
    ).body;
    expect(
      (await other.owner.post(`${theirBase}/${theirs.id}/links`, { subjectType: 'risk', subjectId: risk.id })).status,
    ).toBe(404);
    expect((await owner.post(`${base}/${theirs.id}/links`, { subjectType: 'risk', subjectId: risk.id })).status).toBe(
      404,
    );
    const zip = await download(other.owner, `${theirBase}/export.zip`);
    expect(JSON.parse(unzipEntry(zip.bytes, 'manifest.json')!).evidence.map((e: { title: string }) => e.title)).toEqual(
      ['theirs'],
    );
  });

  it('numbers evidence added in parallel without gaps or duplicates', async () => {
    const { owner: o, orgId: id } = await newOrgOwner(ctx(), 'Parallel Evidence Org');
    const res = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        o.post(`/api/orgs/${id}/evidence`, { title: `E${i}`, url: `https://x.example/${i}` }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(res.map((r) => r.body.number as number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

/** A database as it was before 0016: a gap assessment with evidence files, one shared by a snapshot. */
async function olderDatabase(handle: DbHandle) {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrationsFor(handle.dialect)) },
  });
  const { error } = await migrator.migrateTo('0014-documents');
  if (error) throw error;
  const db = handle.db;
  const now = nowIso();
  const orgId = newId();
  await db
    .insertInto('organizations')
    .values({ id: orgId, name: 'Before the library', createdAt: now, updatedAt: now, version: 1 })
    .execute();
  const policy = pdf('AI policy');
  const policySha = sha(policy);
  const ids = { working: newId(), snapshot: newId(), item: newId(), snapItem: newId(), file: newId(), copy: newId() };
  for (const [id, kind] of [
    [ids.working, 'working'],
    [ids.snapshot, 'snapshot'],
  ] as const) {
    await db
      .insertInto('gapAssessments')
      .values({
        id,
        orgId,
        name: kind,
        kind,
        sourceId: null,
        frozenAt: kind === 'snapshot' ? now : null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: null,
        updatedBy: null,
      })
      .execute();
  }
  for (const [id, assessmentId] of [
    [ids.item, ids.working],
    [ids.snapItem, ids.snapshot],
  ] as const) {
    await db
      .insertInto('gapAssessmentItems')
      .values({
        id,
        orgId,
        assessmentId,
        ref: '5.2',
        position: 0,
        status: 'not_started',
        result: null,
        maturity: null,
        justification: '',
        notes: '',
        ownerId: null,
        targetDate: null,
        evidenceLinks: '[]',
        aiSystemIds: '[]',
        version: 1,
        updatedAt: now,
        updatedBy: null,
      })
      .execute();
  }
  // The snapshot's copy was made after the upload: the evidence keeps the first row's id.
  const later = new Date(Date.parse(now) + 1000).toISOString();
  for (const [id, entityId, at] of [
    [ids.file, ids.item, now],
    [ids.copy, ids.snapItem, later],
  ] as const) {
    await db
      .insertInto('files')
      .values({
        id,
        orgId,
        entityType: 'gap_assessment_item',
        entityId,
        sha256: policySha,
        name: 'AI policy.pdf',
        size: policy.length,
        mediaType: 'application/pdf',
        createdAt: at,
        createdBy: null,
      })
      .execute();
  }
  return { orgId, ids, policy };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const run = dialect === 'postgres' && !process.env.TEST_DATABASE_URL ? describe.skip : describe;
  run(
    `migration 0016 moves gap evidence into the library [${dialect}]${run === describe ? '' : ' (skipped: TEST_DATABASE_URL not set)'}`,
    () => {
      let server: TestServer;
      let before: Awaited<ReturnType<typeof olderDatabase>>;
      let owner: Client;
      beforeAll(async () => {
        server = await startTestServer(dialect, {
          beforeStart: async (handle) => void (before = await olderDatabase(handle)),
        });
        await localFileStore(server.dataDir).put(before.policy);
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
            orgId: before.orgId,
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

      it('makes one piece of evidence of a file and its snapshot copy, attached to both requirements, and the gap API still serves it', async () => {
        const list = (await owner.get(`/api/orgs/${before.orgId}/evidence`)).body.items;
        expect(list).toEqual([
          expect.objectContaining({
            id: before.ids.file,
            reference: 'EV-1',
            title: 'AI policy.pdf',
            kind: 'file',
            linkCount: 2,
          }),
        ]);
        const detail = (await owner.get(`/api/orgs/${before.orgId}/evidence/${before.ids.file}`)).body;
        expect(detail.links.map((l: { subjectId: string }) => l.subjectId).sort()).toEqual(
          [before.ids.item, before.ids.snapItem].sort(),
        );
        const item = (
          (await owner.get(`/api/orgs/${before.orgId}/gap-assessments/${before.ids.working}`)).body.items as {
            ref: string;
            files: { id: string; name: string }[];
          }[]
        ).find((i) => i.ref === '5.2')!;
        expect(item.files).toEqual([expect.objectContaining({ id: before.ids.file, name: 'AI policy.pdf' })]);
        const got = await download(
          owner,
          `/api/orgs/${before.orgId}/gap-assessments/${before.ids.working}/items/5.2/files/${before.ids.file}`,
        );
        expect(got.bytes.equals(before.policy)).toBe(true);
        expect(
          await server.handle.db
            .selectFrom('files')
            .select('id')
            .where('entityType', '=', 'gap_assessment_item')
            .execute(),
        ).toEqual([]);
        // The next number follows the migrated ones.
        expect(
          (await owner.post(`/api/orgs/${before.orgId}/evidence`, { title: 'Next', url: 'https://x.example' })).body
            .reference,
        ).toBe('EV-2');
      });
    },
  );
}
