import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { documentCode, type VersionState } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { renderPdf } from '../../platform/documents/pdf';
import { AppError } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { masterList } from './master-list';
import { MASTER_LIST_FILE, masterListReport } from './master-list-export';
import { summarize } from './read';
import { labelOf, listDocumentRows, memberNames, versionsOf } from './repository';
import { readSettings } from './settings';

// The evidence package an external auditor verifies offline: one zip with the exact files that
// were approved for every document in force (the stored bytes whose SHA-256 the version records,
// never a new rendering), the master list as PDF, `manifest.json` naming each file with its
// document, version, approval and SHA-256, and `SHA256SUMS` (the same hashes in the format of
// `sha256sum -c`, for whoever has no Fortytwo at hand). Every stored file is read and checked
// against its recorded hash before the first byte is sent, so a damaged store answers an error
// instead of a package that would fail verification; the zip is then streamed one file at a time.
// fflate (already installed as a dependency of docx) writes the archive: CRC-32, streaming and
// deflate for the manifest, without a format writer of our own.

export const PACKAGE_FORMAT = 'fortytwo/document-package@1';
export const MANIFEST_NAME = 'manifest.json';
export const SUMS_NAME = 'SHA256SUMS';

const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** One file of the package, as manifest.json lists it. Document fields are null for the master list. */
export type PackageFile = {
  /** The path of the file in the zip. */
  fileName: string;
  kind: 'document' | 'master_list';
  mediaType: string;
  size: number;
  sha256: string;
  documentId: string | null;
  code: string | null;
  title: string;
  versionId: string | null;
  /** The version label, such as 1.0. */
  version: string | null;
  state: VersionState | null;
  approvedAt: string | null;
  approvedBy: { id: string; name: string } | null;
  publishedAt: string | null;
  publishedBy: string | null;
};

export type Manifest = {
  format: typeof PACKAGE_FORMAT;
  organization: { id: string; name: string };
  generatedAt: string;
  generatedBy: string;
  hashAlgorithm: 'SHA-256';
  howToVerify: string;
  /** How many documents in force the package holds. */
  documents: number;
  files: PackageFile[];
};

const HOW_TO_VERIFY =
  'Every file listed here is in this zip with the SHA-256 and size given. Run "fortytwo docs verify <zip>", or unzip and run "sha256sum -c SHA256SUMS" (macOS: "shasum -a 256 -c SHA256SUMS"). The document hashes are also those the approvals recorded (each version\'s docxSha256 and pdfSha256 in Fortytwo, and its audit trail).';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** One entry of the zip: where its bytes come from, and whether deflating them is worth it. */
type Entry = { path: string; mtime: string; compress: boolean; bytes: () => Promise<Buffer>; sha256?: string };

export type DocumentPackage = { fileName: string; manifest: Manifest; stream: Readable };

/** Builds the package's manifest (checking every stored file first) and the stream of its zip. */
export async function documentPackage(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
): Promise<DocumentPackage> {
  const db = deps.db;
  const generatedAt = nowIso();
  const [org, settings, names, rows] = await Promise.all([
    db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow(),
    readSettings(db, orgId),
    memberNames(db, orgId),
    listDocumentRows(db, orgId),
  ]);
  const versions = await versionsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );

  const files: PackageFile[] = [];
  const entries: Entry[] = [];
  let documents = 0;
  for (const d of rows) {
    const v = versions.find((x) => x.documentId === d.id && x.state === 'published');
    if (!v) continue;
    documents++;
    const code = documentCode(settings.codePrefix, d.prefix, d.number);
    const s = summarize(v, names);
    for (const format of ['docx', 'pdf'] as const) {
      const recorded = format === 'docx' ? v.docxSha256 : v.pdfSha256;
      // Read and hashed now, so a missing or damaged stored file stops the export before it starts.
      const what = `The stored .${format} of ${code} version ${labelOf(v)}`;
      if (!recorded)
        throw new AppError(
          'INTERNAL',
          `${what} was never recorded, so no package can be made. Withdraw the version and publish a new one.`,
        );
      const bytes = await store.read(recorded).catch(() => {
        throw new AppError(
          'INTERNAL',
          `${what} is missing from the file store (DATA_DIR/files), so no package can be made. Restore the files from a backup.`,
        );
      });
      if (sha256(bytes) !== recorded)
        throw new AppError(
          'INTERNAL',
          `${what} no longer has the SHA-256 its approval recorded: the file store was altered or damaged. Restore the files from a backup.`,
        );
      const path = `documents/${code}-v${labelOf(v)}.${format}`;
      files.push({
        fileName: path,
        kind: 'document',
        mediaType: MEDIA[format],
        size: bytes.length,
        sha256: recorded,
        documentId: d.id,
        code,
        title: v.title,
        versionId: v.id,
        version: s.label,
        state: s.state,
        approvedAt: s.approvedAt,
        approvedBy: s.approvedBy,
        publishedAt: s.publishedAt,
        publishedBy: v.publishedByName,
      });
      entries.push({
        path,
        mtime: v.approvedAt ?? v.publishedAt ?? generatedAt,
        compress: false,
        bytes: () => store.read(recorded),
        sha256: recorded,
      });
    }
  }

  const list = await renderPdf(masterListReport(await masterList(db, orgId), org.name, generatedAt));
  const listPath = `${MASTER_LIST_FILE}-${generatedAt.slice(0, 10)}.pdf`;
  files.push({
    fileName: listPath,
    kind: 'master_list',
    mediaType: MEDIA.pdf,
    size: list.length,
    sha256: sha256(list),
    documentId: null,
    code: null,
    title: 'Master list of documented information',
    versionId: null,
    version: null,
    state: null,
    approvedAt: null,
    approvedBy: null,
    publishedAt: null,
    publishedBy: null,
  });

  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    organization: { id: org.id, name: org.name },
    generatedAt,
    generatedBy: actor.name,
    hashAlgorithm: 'SHA-256',
    howToVerify: HOW_TO_VERIFY,
    documents,
    files,
  };
  const text = (s: string) => () => Promise.resolve(Buffer.from(s, 'utf8'));
  const all: Entry[] = [
    { path: MANIFEST_NAME, mtime: generatedAt, compress: true, bytes: text(`${JSON.stringify(manifest, null, 2)}\n`) },
    {
      path: SUMS_NAME,
      mtime: generatedAt,
      compress: true,
      bytes: text(files.map((f) => `${f.sha256}  ${f.fileName}\n`).join('')),
    },
    { path: listPath, mtime: generatedAt, compress: false, bytes: () => Promise.resolve(list) },
    ...entries,
  ];
  return {
    fileName: `document-package-${generatedAt.slice(0, 10)}.zip`,
    manifest,
    stream: Readable.from(zipChunks(all), { objectMode: false }),
  };
}

/** The zip, chunk by chunk: one file's bytes in memory at a time. */
async function* zipChunks(entries: Entry[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const state: { error: Error | null } = { error: null };
  const zip = new Zip((err, chunk) => {
    if (err) state.error = err;
    else ready.push(chunk);
  });
  const drain = function* () {
    if (state.error) throw state.error;
    yield* ready.splice(0);
  };
  for (const e of entries) {
    const bytes = await e.bytes();
    // Checked again as it is sent: the store may change between the check and the stream.
    if (e.sha256 && sha256(bytes) !== e.sha256)
      throw new Error(`${e.path} changed in the file store while the package was being sent`);
    const file = e.compress ? new ZipDeflate(e.path, { level: 9 }) : new ZipPassThrough(e.path);
    file.mtime = e.mtime;
    zip.add(file);
    file.push(bytes, true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
