import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { EVIDENCE_SUBJECT_LABELS, type EvidenceSubjectType, type ExpiryState } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { safeFileName, type FileStore } from '../../platform/files';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { linksOf } from './links';
import { listEvidence, type EvidenceFilter } from './read';

// The evidence package an auditor reads without the app: one zip with the current file of every
// piece of evidence (the stored bytes, checked against the SHA-256 recorded at upload),
// `manifest.json` saying per file what it proves (the records it is attached to), its SHA-256, who
// collected it and when, and `SHA256SUMS` for `sha256sum -c`. Links (web pages, tickets) are in the
// manifest without a file. The zip is streamed one file at a time and the manifest comes last, so
// memory holds one file and the manifest whatever the package's size; a file that no longer matches
// its recorded hash stops the stream (the download fails and is never a package that lies).
// `fortytwo evidence verify <zip>` checks it offline.

export const EVIDENCE_PACKAGE_FORMAT = 'fortytwo/evidence-package@1';
export const MANIFEST_NAME = 'manifest.json';
export const SUMS_NAME = 'SHA256SUMS';

export type EvidencePackageItem = {
  reference: string;
  evidenceId: string;
  title: string;
  description: string;
  kind: 'file' | 'link';
  /** The path of the file in the zip; null for a link. */
  fileName: string | null;
  url: string | null;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
  revision: number;
  owner: string | null;
  collectedBy: string | null;
  collectedAt: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  expiryState: ExpiryState;
  /** What it proves: the records it is attached to. */
  proves: { subjectType: EvidenceSubjectType; subjectTypeLabel: string; subjectId: string; label: string }[];
};

const HOW_TO_VERIFY =
  'Every file listed under "files" is in this zip with the SHA-256 and size given (the hash recorded when it was uploaded). Run "fortytwo evidence verify <zip>", or unzip and run "sha256sum -c SHA256SUMS" (macOS: "shasum -a 256 -c SHA256SUMS"). "evidence" lists every piece of evidence, links included, with what it proves.';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export type EvidencePackage = { fileName: string; evidence: number; files: number; stream: Readable };

/** The package of the organization's evidence (optionally filtered like the register). */
export async function evidencePackage(
  deps: Deps,
  store: FileStore,
  actor: Actor,
  orgId: string,
  filter: EvidenceFilter = {},
): Promise<EvidencePackage> {
  const db = deps.db;
  const generatedAt = nowIso();
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const list = (await listEvidence(db, orgId, filter)).sort((a, b) => a.number - b.number);
  const links = await linksOf(
    db,
    orgId,
    list.map((e) => e.id),
  );
  const revisions = new Map(
    (
      await db
        .selectFrom('evidenceRevisions')
        .leftJoin('users', 'users.id', 'evidenceRevisions.createdBy')
        .select([
          'evidenceRevisions.evidenceId',
          'evidenceRevisions.revision',
          'evidenceRevisions.createdAt',
          'users.name',
        ])
        .where('evidenceRevisions.orgId', '=', orgId)
        .execute()
    ).map((r) => [`${r.evidenceId}:${r.revision}`, r]),
  );
  const items: EvidencePackageItem[] = list.map((e) => {
    const rev = revisions.get(`${e.id}:${e.revision}`);
    return {
      reference: e.reference,
      evidenceId: e.id,
      title: e.title,
      description: e.description,
      kind: e.kind,
      fileName: e.file ? `evidence/${e.reference}-${safeFileName(e.file.name)}` : null,
      url: e.url,
      mediaType: e.file?.mediaType ?? null,
      size: e.file?.size ?? null,
      sha256: e.file?.sha256 ?? null,
      revision: e.revision,
      owner: e.owner?.name ?? null,
      collectedBy: rev?.name ?? e.collectedBy,
      collectedAt: rev?.createdAt ?? e.createdAt,
      effectiveOn: e.effectiveOn,
      expiresOn: e.expiresOn,
      expiryState: e.expiryState,
      proves: (links.get(e.id) ?? []).map((l) => ({
        subjectType: l.subjectType,
        subjectTypeLabel: EVIDENCE_SUBJECT_LABELS[l.subjectType] ?? l.subjectType,
        subjectId: l.subjectId,
        label: l.label,
      })),
    };
  });
  const files = items
    .filter((i) => i.kind === 'file' && i.sha256)
    .map((i) => ({
      fileName: i.fileName!,
      reference: i.reference,
      title: i.title,
      mediaType: i.mediaType!,
      size: i.size!,
      sha256: i.sha256!,
    }));
  const manifest = {
    format: EVIDENCE_PACKAGE_FORMAT,
    organization: { id: org.id, name: org.name },
    generatedAt,
    generatedBy: actor.name,
    hashAlgorithm: 'SHA-256',
    howToVerify: HOW_TO_VERIFY,
    evidence: items,
    files,
  };
  const text = (s: string) => Buffer.from(s, 'utf8');
  async function* entries(): AsyncGenerator<{ path: string; mtime: string; compress: boolean; bytes: Buffer }> {
    for (const f of files) {
      const bytes = await store.read(f.sha256).catch(() => {
        throw new AppError(
          'INTERNAL',
          `The file of ${f.reference} is missing from the file store, so the package stops here. Restore the files from a backup.`,
        );
      });
      if (sha256(bytes) !== f.sha256)
        throw new AppError(
          'INTERNAL',
          `The file of ${f.reference} no longer has the SHA-256 recorded at upload: the file store was altered or damaged.`,
        );
      yield { path: f.fileName, mtime: generatedAt, compress: false, bytes };
    }
    yield {
      path: MANIFEST_NAME,
      mtime: generatedAt,
      compress: true,
      bytes: text(`${JSON.stringify(manifest, null, 2)}\n`),
    };
    yield {
      path: SUMS_NAME,
      mtime: generatedAt,
      compress: true,
      bytes: text(files.map((f) => `${f.sha256}  ${f.fileName}\n`).join('')),
    };
  }
  return {
    fileName: `evidence-package-${generatedAt.slice(0, 10)}.zip`,
    evidence: items.length,
    files: files.length,
    stream: Readable.from(zipChunks(entries()), { objectMode: false }),
  };
}

/** The zip, chunk by chunk: one file's bytes in memory at a time. */
async function* zipChunks(
  entries: AsyncIterable<{ path: string; mtime: string; compress: boolean; bytes: Buffer }>,
): AsyncGenerator<Uint8Array> {
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
  for await (const e of entries) {
    const file = e.compress ? new ZipDeflate(e.path, { level: 9 }) : new ZipPassThrough(e.path);
    file.mtime = e.mtime;
    zip.add(file);
    file.push(e.bytes, true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
