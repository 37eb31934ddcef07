import { beforeAll, expect, it } from 'vitest';
import { addMember, type Client, describeEachDialect, newOrgOwner } from './harness';
import { download } from './files';

/** POSTs one file as multipart/form-data with its own name and media type. */
async function sendFile(c: Client, url: string, bytes: Buffer, fileName: string, mediaType: string, field = 'file') {
  const boundary = `----evidence${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (c.auth.bearer) headers.authorization = `Bearer ${c.auth.bearer}`;
  if (c.auth.cookie) headers.cookie = `ft_session=${c.auth.cookie}`;
  if (c.auth.csrf) headers['x-csrf-token'] = c.auth.csrf;
  const res = await c.server.app.inject({ method: 'POST', url, payload, headers });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, any> };
}

describeEachDialect('gap analysis evidence files', (ctx) => {
  let owner: Client;
  let orgId: string;
  let base: string;
  let id: string;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Evidence Org'));
    base = `/api/orgs/${orgId}/gap-assessments`;
    id = (await owner.post(base, { name: 'With evidence' })).body.id;
  });

  it('uploads a file to a requirement, lists it on the item, serves it back byte for byte, and audits it', async () => {
    const bytes = Buffer.from('%PDF-1.4\nAI policy v1.2 approved by the board\n%%EOF\n');
    const res = await sendFile(owner, `${base}/${id}/items/5.2/files`, bytes, 'AI policy v1.2.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body.files).toEqual([
      expect.objectContaining({ name: 'AI policy v1.2.pdf', size: bytes.length, mediaType: 'application/pdf' }),
    ]);
    const item = ((await owner.get(`${base}/${id}`)).body.items as { ref: string; files: { id: string }[] }[]).find(
      (i) => i.ref === '5.2',
    )!;
    expect(item.files).toHaveLength(1);
    const got = await download(owner, `${base}/${id}/items/5.2/files/${item.files[0]!.id}`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(String(got.headers['content-disposition'])).toContain('attachment; filename="AI policy v1.2.pdf"');
    const events = await owner.get(`/api/orgs/${orgId}/audit-events?limit=1`);
    expect(events.body.items[0]).toMatchObject({
      action: 'gap_item.file_added',
      after: { ref: '5.2', file: { name: 'AI policy v1.2.pdf' } },
    });
  });

  it('serves names outside Latin-1 with an ASCII fallback and the exact name in filename*, and strips bidi and control characters at upload', async () => {
    // U+202E (right-to-left override) makes "invoice\u202Efdp.exe" show as "invoiceexe.pdf": it must not survive the upload.
    const cases: [sent: string, stored: string][] = [
      ['résumé 履歴.txt', 'résumé 履歴.txt'],
      ['invoice\u202Efdp.txt', 'invoicefdp.txt'],
      ['\u2066plan\u2069 \u202Av2\u202C.txt', 'plan v2.txt'],
      ['100% ready.txt', '100% ready.txt'],
    ];
    for (const [sent, stored] of cases) {
      const up = await sendFile(
        owner,
        `${base}/${id}/items/7.5.2/files`,
        Buffer.from(`evidence ${stored}`),
        sent,
        'text/plain',
      );
      expect(up.status, sent).toBe(201);
      const file = (up.body.files as { id: string; name: string }[]).find((f) => f.name === stored);
      expect(file, JSON.stringify(up.body.files)).toBeDefined();
      const got = await download(owner, `${base}/${id}/items/7.5.2/files/${file!.id}`);
      expect(got.status, sent).toBe(200);
      expect(got.bytes.toString()).toBe(`evidence ${stored}`);
      const header = String(got.headers['content-disposition']);
      if (/^[\x20-\x7e]+$/.test(stored) && !/["%\\]/.test(stored)) {
        expect(header).toBe(`attachment; filename="${stored}"`);
        continue;
      }
      // RFC 6266: a quoted ASCII fallback without quotes, backslashes or percent signs, then the UTF-8 name percent-encoded (RFC 5987 attr-chars only).
      const parsed =
        /^attachment; filename="([\x20\x21\x23\x24\x26-\x5b\x5d-\x7e]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(
          header,
        );
      expect(parsed, header).not.toBeNull();
      expect(decodeURIComponent(parsed![2]!)).toBe(stored);
    }
  });

  it('stores the bytes once under their SHA-256 in the data directory', async () => {
    const bytes = Buffer.from('same evidence twice');
    await sendFile(owner, `${base}/${id}/items/7.2/files`, bytes, 'a.txt', 'text/plain');
    await sendFile(owner, `${base}/${id}/items/7.3/files`, bytes, 'b.txt', 'text/plain');
    const rows = await ctx()
      .handle.db.selectFrom('evidence')
      .select('sha256')
      .where('orgId', '=', orgId)
      .where('fileName', 'in', ['a.txt', 'b.txt'])
      .execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(1);
  });

  it('refuses types the evidence library does not take, strips paths from names, and refuses empty or non-multipart uploads', async () => {
    const html = await sendFile(
      owner,
      `${base}/${id}/items/A.6.2.4/files`,
      Buffer.from('<script>alert(1)</script>'),
      'evil.html',
      'text/html',
    );
    expect(html.status).toBe(415);
    expect(html.body.error.message).toMatch(/not taken as evidence/);
    const res = await sendFile(
      owner,
      `${base}/${id}/items/A.6.2.4/files`,
      Buffer.from('plain notes'),
      '../../etc/evil.txt',
      'text/html',
    );
    expect(res.status).toBe(201);
    const f = (res.body.files as { id: string; name: string }[])[0]!;
    expect(f.name).toBe('evil.txt');
    const got = await download(owner, `${base}/${id}/items/A.6.2.4/files/${f.id}`);
    expect(got.headers['content-type']).toBe('text/plain');
    const empty = await sendFile(
      owner,
      `${base}/${id}/items/A.6.2.4/files`,
      Buffer.alloc(0),
      'empty.txt',
      'text/plain',
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('empty');
    const json = await owner.post(`${base}/${id}/items/A.6.2.4/files`, { file: 'x' });
    expect(json.status).toBe(415);
    const wrongField = await sendFile(
      owner,
      `${base}/${id}/items/A.6.2.4/files`,
      Buffer.from('x'),
      'x.txt',
      'text/plain',
      'attachment',
    );
    expect(wrongField.status).toBe(400);
  });

  it('keeps the evidence in a snapshot, and removing it from the working item leaves the snapshot intact', async () => {
    const up = await sendFile(
      owner,
      `${base}/${id}/items/9.1/files`,
      Buffer.from('kpi report'),
      'kpis.csv',
      'text/csv',
    );
    const fileId = (up.body.files as { id: string }[])[0]!.id;
    const snap = (await owner.post(`${base}/${id}/snapshots`, {})).body;
    expect((await owner.delete(`${base}/${id}/items/9.1/files/${fileId}`)).status).toBe(204);
    const working = ((await owner.get(`${base}/${id}`)).body.items as { ref: string; files: unknown[] }[]).find(
      (i) => i.ref === '9.1',
    )!;
    expect(working.files).toEqual([]);
    const frozen = (
      (await owner.get(`${base}/${snap.id}`)).body.items as { ref: string; files: { id: string }[] }[]
    ).find((i) => i.ref === '9.1')!;
    expect(frozen.files).toHaveLength(1);
    const got = await download(owner, `${base}/${snap.id}/items/9.1/files/${frozen.files[0]!.id}`);
    expect(got.bytes.toString()).toBe('kpi report');
    const refused = await sendFile(
      owner,
      `${base}/${snap.id}/items/9.1/files`,
      Buffer.from('late'),
      'late.txt',
      'text/plain',
    );
    expect(refused.status).toBe(422);
  });

  it('lets a viewer download but not upload, and hides files from other organizations', async () => {
    const up = await sendFile(
      owner,
      `${base}/${id}/items/4.1/files`,
      Buffer.from('context'),
      'context.txt',
      'text/plain',
    );
    const fileId = (up.body.files as { id: string }[])[0]!.id;
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await download(viewer, `${base}/${id}/items/4.1/files/${fileId}`)).status).toBe(200);
    expect(
      (await sendFile(viewer, `${base}/${id}/items/4.1/files`, Buffer.from('x'), 'x.txt', 'text/plain')).status,
    ).toBe(403);
    const other = await newOrgOwner(ctx(), 'Nosy Org');
    expect((await download(other.owner, `${base}/${id}/items/4.1/files/${fileId}`)).status).toBe(404);
    expect(
      (await download(other.owner, `/api/orgs/${other.orgId}/gap-assessments/${id}/items/4.1/files/${fileId}`)).status,
    ).toBe(404);
    expect((await download(owner, `${base}/${id}/items/4.2/files/${fileId}`)).status).toBe(404);
  });
});
