import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '@fortytwo/domain';
import { contentPath } from '../src/platform/files';
import { addMember, type Client, describeEachDialect, newOrgOwner, pinServerDay, serverToday } from './harness';
import { download, sheetRows, unzipEntry } from './files';

// Documents as files for outsiders: the master list of documented information in every export
// format, and the evidence package of the documents in force that an auditor verifies offline.

type Manifest = {
  format: string;
  organization: { id: string; name: string };
  generatedAt: string;
  generatedBy: string;
  documents: number;
  files: {
    fileName: string;
    kind: string;
    mediaType: string;
    size: number;
    sha256: string;
    documentId: string | null;
    code: string | null;
    title: string;
    versionId: string | null;
    version: string | null;
    state: string | null;
    approvedAt: string | null;
    approvedBy: { id: string; name: string } | null;
    publishedAt: string | null;
  }[];
};
type Version = {
  id: string;
  label: string;
  version: number;
  docxSha256: string | null;
  pdfSha256: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// "Today" is the server's (pinned to noon for this file), never one computed apart from it.
pinServerDay();
const today = serverToday;

describeEachDialect('documents as files: the master list exports and the evidence package', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const published: { id: string; code: string; version: Version }[] = [];
  let draftId = '';

  /** A register document (nothing to write): submitted with no reviewers, approved by the approver, published. */
  async function publish(typeId: string) {
    const doc = (await owner.post(url('/documents'), { typeId })).body as {
      id: string;
      code: string;
      latest: { id: string };
    };
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    let v = (
      await owner.post(`${vUrl}/submit`, { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First issue' })
    ).body as Version;
    const approved = await approver.post(`${vUrl}/approve`, { version: v.version, comment: 'Fine' });
    expect(approved.status, approved.text).toBe(200);
    const res = await owner.post(`${vUrl}/publish`, { version: approved.body.version });
    expect(res.status, res.text).toBe(200);
    v = res.body as Version;
    published.push({ id: doc.id, code: doc.code, version: v });
  }

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Package & Sons'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    await publish('roles-responsibilities');
    await publish('objectives-plan');
    // A draft is not in force: it stays out of the package.
    draftId = (await owner.post(url('/documents'), { typeId: 'communication-plan' })).body.id;
  });

  it('packages every document in force as its approved files, with a manifest whose hashes match each file and each version', async () => {
    const res = await download(owner, url('/documents/export.zip'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="document-package-${today()}.zip"`);
    const zip = unzipSync(res.bytes);
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({
      format: 'fortytwo/document-package@1',
      organization: { id: orgId, name: 'Package & Sons' },
      generatedBy: owner.user!.name,
      documents: 2,
    });
    expect(manifest.generatedAt.slice(0, 10)).toBe(today());

    // Every file of the manifest is in the zip with its hash and size, and nothing else is.
    expect(Object.keys(zip).sort()).toEqual(
      ['SHA256SUMS', 'manifest.json', ...manifest.files.map((f) => f.fileName)].sort(),
    );
    for (const f of manifest.files) {
      expect(sha256(zip[f.fileName]!), f.fileName).toBe(f.sha256);
      expect(zip[f.fileName]!.length, f.fileName).toBe(f.size);
    }
    expect(Buffer.from(zip.SHA256SUMS!).toString('utf8')).toBe(
      manifest.files.map((f) => `${f.sha256}  ${f.fileName}\n`).join(''),
    );

    // Two files per document in force, named by code and version, the exact bytes the approval names.
    const documents = manifest.files.filter((f) => f.kind === 'document');
    expect(documents.map((f) => f.fileName).sort()).toEqual(
      published.flatMap((p) => [`documents/${p.code}-v1.0.docx`, `documents/${p.code}-v1.0.pdf`]).sort(),
    );
    for (const p of published) {
      const v = (await owner.get(url(`/documents/${p.id}/versions/${p.version.id}`))).body as Version;
      const docx = documents.find((f) => f.fileName === `documents/${p.code}-v1.0.docx`)!;
      const pdf = documents.find((f) => f.fileName === `documents/${p.code}-v1.0.pdf`)!;
      expect(docx.sha256).toBe(v.docxSha256);
      expect(pdf.sha256).toBe(v.pdfSha256);
      expect(docx).toMatchObject({
        documentId: p.id,
        code: p.code,
        versionId: v.id,
        version: '1.0',
        state: 'published',
        approvedAt: v.approvedAt,
        approvedBy: { id: approver.user!.id, name: approver.user!.name },
        publishedAt: v.publishedAt,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      });
      expect(pdf.mediaType).toBe('application/pdf');
      const served = await download(owner, url(`/documents/${p.id}/versions/${v.id}/export.docx`));
      expect(Buffer.from(zip[docx.fileName]!).equals(served.bytes)).toBe(true);
    }
    expect(documents.some((f) => f.documentId === draftId)).toBe(false);

    // The master list is in it too, as a PDF whose hash the manifest gives.
    const list = manifest.files.find((f) => f.kind === 'master_list')!;
    expect(list).toMatchObject({
      fileName: `master-list-of-documented-information-${today()}.pdf`,
      mediaType: 'application/pdf',
      documentId: null,
    });
    expect(Buffer.from(zip[list.fileName]!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers a package with only the master list when nothing is in force', async () => {
    const { owner: other, orgId: otherOrg } = await newOrgOwner(ctx(), 'Nothing Yet');
    const res = await download(other, `/api/orgs/${otherOrg}/documents/export.zip`);
    expect(res.status).toBe(200);
    const zip = unzipSync(res.bytes);
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8')) as Manifest;
    expect(manifest.documents).toBe(0);
    expect(manifest.files.map((f) => f.kind)).toEqual(['master_list']);
  });

  it('exports the master list as CSV and XLSX: one row per line, the 21 mandatory ones first, problems included', async () => {
    const api = (await owner.get(url('/documented-information'))).body.items as {
      key: string;
      mandatory: boolean;
      problems: string[];
    }[];
    const csv = await download(owner, url('/documented-information/export.csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="master-list-of-documented-information-${today()}.csv"`,
    );
    const [header, ...rows] = parseCsv(csv.bytes.toString('utf8')).map((r) => r.cells);
    expect(header).toEqual([
      'key',
      'title',
      'refs',
      'basis',
      'mandatory',
      'code',
      'state',
      'version',
      'owner',
      'approvedAt',
      'nextReviewAt',
      'records',
      'problems',
    ]);
    expect(rows).toHaveLength(api.length);
    expect(rows.filter((r) => r[4] === 'Yes')).toHaveLength(21);
    expect(rows.slice(0, 21).every((r) => r[4] === 'Yes')).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(api.map((i) => i.key));
    const scope = rows.find((r) => r[0] === 'aims-scope')!;
    expect(scope[6]).toBe('Missing');
    expect(scope[12]).toBe(api.find((i) => i.key === 'aims-scope')!.problems.join('\n'));
    const roles = rows.find((r) => r[5] === published[0]!.code)!;
    expect(roles.slice(4, 8)).toEqual(['No', published[0]!.code, 'Published', '1.0']);

    const xlsx = await download(owner, url('/documented-information/export.xlsx'));
    expect(xlsx.status).toBe(200);
    const sheet = await sheetRows(xlsx.bytes);
    expect(sheet[0]).toEqual([
      'Item',
      'Title',
      'Clauses',
      'Basis',
      'Mandatory',
      'Document',
      'State',
      'Version',
      'Owner',
      'Approved',
      'Next review',
      'Records',
      'Problems',
    ]);
    expect(sheet.slice(1).filter((r) => r[4] === 'Yes')).toHaveLength(21);
    expect(sheet.slice(1).find((r) => r[0] === 'aims-scope')![12]).toContain('No document yet');
  });

  it('exports the master list as DOCX and PDF, titled, with the organization, the date and the 21 mandatory lines', async () => {
    const api = (await owner.get(url('/documented-information'))).body.items as { title: string; mandatory: boolean }[];
    const docx = await download(owner, url('/documented-information/export.docx'));
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="master-list-of-documented-information-${today()}.docx"`,
    );
    const xml = unzipEntry(docx.bytes, 'word/document.xml')!;
    expect(xml).toContain('Master list of documented information');
    expect(xml).toContain('Package &amp; Sons');
    expect(xml).toContain(today());
    expect(xml).toContain('Mandatory documented information');
    for (const i of api.filter((x) => x.mandatory)) expect(xml).toContain(i.title.replace(/&/g, '&amp;'));
    // The tables: the facts (organization, date, summary), then a header and one row per line of each section.
    const own = api.filter((x) => !x.mandatory).length;
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(3 + 1 + 21 + (own ? 1 + own : 0));

    const pdf = await download(owner, url('/documented-information/export.pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="master-list-of-documented-information-${today()}.pdf"`,
    );
  });

  it('refuses to make a package when a stored file no longer has the hash its approval recorded', async () => {
    const { owner: other, orgId: otherOrg } = await newOrgOwner(ctx(), 'Damaged Store');
    const doc = (await other.post(`/api/orgs/${otherOrg}/documents`, { typeId: 'roles-responsibilities' })).body;
    const vUrl = `/api/orgs/${otherOrg}/documents/${doc.id}/versions/${doc.latest.id}`;
    let v = (
      await other.post(`${vUrl}/submit`, { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First issue' })
    ).body;
    v = (await other.post(`${vUrl}/approve`, { version: v.version })).body;
    const inForce = (await other.post(`${vUrl}/publish`, { version: v.version })).body as Version;
    const file = path.join(ctx().dataDir, contentPath(inForce.pdfSha256!));
    const original = fs.readFileSync(file);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from('x')]));
    try {
      const res = await other.get(`/api/orgs/${otherOrg}/documents/export.zip`);
      expect(res.status).toBe(500);
      expect(res.body.error.message).toBe(
        `The stored .pdf of ${doc.code} version 1.0 no longer has the SHA-256 its approval recorded: the file store was altered or damaged. Restore the files from a backup.`,
      );
      fs.rmSync(file);
      const gone = await other.get(`/api/orgs/${otherOrg}/documents/export.zip`);
      expect(gone.status).toBe(500);
      expect(gone.body.error.message).toContain('is missing from the file store');
    } finally {
      fs.writeFileSync(file, original);
    }
    expect((await download(other, `/api/orgs/${otherOrg}/documents/export.zip`)).status).toBe(200);
  });

  it('keeps the exports to their organization', async () => {
    const { owner: stranger } = await newOrgOwner(ctx(), 'Elsewhere');
    for (const p of [
      '/documents/export.zip',
      '/documented-information/export.csv',
      '/documented-information/export.xlsx',
      '/documented-information/export.docx',
      '/documented-information/export.pdf',
    ]) {
      const res = await download(stranger, url(p));
      expect(res.status, p).toBe(404);
      expect(JSON.parse(res.bytes.toString('utf8')).error.code, p).toBe('NOT_FOUND');
    }
  });
});
