import { createHash } from 'node:crypto';
import { zipEntries, zipEntryBytes, ZipReadError, type ZipEntry } from './zip';

// Verifying a document package (GET /api/orgs/:orgId/documents/export.zip) offline: every file
// manifest.json lists must be in the zip with the SHA-256 and size it gives, and nothing else may
// be (apart from manifest.json and SHA256SUMS, which must agree with it). No server is asked.

export const PACKAGE_FORMAT = 'fortytwo/document-package@1';
/** The evidence library's package (GET /api/orgs/:orgId/evidence/export.zip): same layout, files under evidence/. */
export const EVIDENCE_PACKAGE_FORMAT = 'fortytwo/evidence-package@1';
export const MANIFEST_NAME = 'manifest.json';
export const SUMS_NAME = 'SHA256SUMS';

export type ManifestFile = {
  fileName: string;
  sha256: string;
  size: number;
  kind?: string;
  code?: string | null;
  title?: string;
  version?: string | null;
};
export type Manifest = {
  format: string;
  organization: { id: string; name: string };
  generatedAt: string;
  generatedBy?: string;
  documents?: number;
  files: ManifestFile[];
};

/** One file's verdict: ok, altered (different bytes, or unreadable), missing (listed, not in the zip) or extra (in the zip, not listed). */
export type FileCheck = {
  fileName: string;
  status: 'ok' | 'altered' | 'missing' | 'extra';
  /** Why it is not ok, in words; null when it is. */
  reason: string | null;
  expectedSha256: string | null;
  actualSha256: string | null;
};

export type Verification = {
  verified: boolean;
  /** Set when the package cannot be checked at all: not a zip, no or a broken manifest. */
  fatal: string | null;
  manifest: Manifest | null;
  /** SHA-256 of manifest.json itself, to compare with what the organization sent separately. */
  manifestSha256: string | null;
  files: FileCheck[];
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SHA = /^[0-9a-f]{64}$/;

/** The manifest of a package, or why it cannot be read. */
export function readManifest(
  zip: Buffer,
  entries: ZipEntry[] = zipEntries(zip),
  format = PACKAGE_FORMAT,
): { manifest: Manifest; sha256: string } {
  const kind = format === EVIDENCE_PACKAGE_FORMAT ? 'evidence package' : 'document package';
  const found = entries.filter((e) => e.name === MANIFEST_NAME);
  if (found.length === 0) throw new ZipReadError(`it has no ${MANIFEST_NAME}: it is not a Fortytwo ${kind}`);
  if (found.length > 1) throw new ZipReadError(`it holds ${MANIFEST_NAME} ${found.length} times`);
  const bytes = zipEntryBytes(zip, found[0]!);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ZipReadError(`its ${MANIFEST_NAME} is not valid JSON`);
  }
  const m = data as Partial<Manifest>;
  if (typeof m !== 'object' || m === null || m.format !== format)
    throw new ZipReadError(`its ${MANIFEST_NAME} is not the manifest of a Fortytwo ${kind} (format ${format})`);
  if (
    !Array.isArray(m.files) ||
    !m.files.every(
      (f: Partial<ManifestFile>) =>
        typeof f?.fileName === 'string' &&
        typeof f.sha256 === 'string' &&
        SHA.test(f.sha256) &&
        Number.isSafeInteger(f.size),
    )
  ) {
    throw new ZipReadError(`its ${MANIFEST_NAME} lists files without a name, a SHA-256 or a size`);
  }
  return { manifest: m as Manifest, sha256: sha256(bytes) };
}

/** `<sha256>  <name>` lines (sha256sum's format, text or binary mode), as a map; null when a line is not one. */
function parseSums(text: string): Map<string, string> | null {
  const sums = new Map<string, string>();
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (!m) return null;
    sums.set(m[2]!, m[1]!);
  }
  return sums;
}

export function verifyPackage(zip: Buffer, format = PACKAGE_FORMAT): Verification {
  let entries: ZipEntry[];
  let manifest: Manifest;
  let manifestSha256: string;
  try {
    entries = zipEntries(zip);
    ({ manifest, sha256: manifestSha256 } = readManifest(zip, entries, format));
  } catch (err) {
    if (err instanceof ZipReadError)
      return { verified: false, fatal: err.message, manifest: null, manifestSha256: null, files: [] };
    throw err;
  }
  const files: FileCheck[] = [];
  const inZip = new Map<string, ZipEntry[]>();
  for (const e of entries.filter((x) => !x.name.endsWith('/'))) inZip.set(e.name, [...(inZip.get(e.name) ?? []), e]);

  const listed = new Set<string>();
  for (const f of manifest.files) {
    const check = (status: FileCheck['status'], reason: string | null, actualSha256: string | null = null) =>
      files.push({ fileName: f.fileName, status, reason, expectedSha256: f.sha256, actualSha256 });
    if (listed.has(f.fileName)) {
      check('altered', `${MANIFEST_NAME} lists it more than once`);
      continue;
    }
    listed.add(f.fileName);
    const found = inZip.get(f.fileName) ?? [];
    if (found.length === 0) {
      check('missing', `listed in ${MANIFEST_NAME}, not in the zip`);
      continue;
    }
    if (found.length > 1) {
      check('altered', `the zip holds ${found.length} files of this name`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = zipEntryBytes(zip, found[0]!);
    } catch (err) {
      if (!(err instanceof ZipReadError)) throw err;
      check('altered', `cannot be read: ${err.message}`);
      continue;
    }
    const actual = sha256(bytes);
    if (actual !== f.sha256) check('altered', `its SHA-256 is ${actual}, ${MANIFEST_NAME} says ${f.sha256}`, actual);
    else if (bytes.length !== f.size)
      check('altered', `it is ${bytes.length} bytes, ${MANIFEST_NAME} says ${f.size}`, actual);
    else check('ok', null, actual);
  }

  // SHA256SUMS restates the manifest for sha256sum -c: it must say exactly the same.
  const sums = inZip.get(SUMS_NAME) ?? [];
  if (sums.length === 0)
    files.push({
      fileName: SUMS_NAME,
      status: 'missing',
      reason: 'every package has it (the hashes for sha256sum -c), and this zip does not',
      expectedSha256: null,
      actualSha256: null,
    });
  else {
    let text: string | null = null;
    try {
      text = sums.length === 1 ? zipEntryBytes(zip, sums[0]!).toString('utf8') : null;
    } catch (err) {
      if (!(err instanceof ZipReadError)) throw err;
    }
    const parsed = text === null ? null : parseSums(text);
    const agrees =
      parsed !== null &&
      parsed.size === manifest.files.length &&
      manifest.files.every((f) => parsed.get(f.fileName) === f.sha256);
    if (!agrees)
      files.push({
        fileName: SUMS_NAME,
        status: 'altered',
        reason: `it does not list the same files and hashes as ${MANIFEST_NAME}`,
        expectedSha256: null,
        actualSha256: null,
      });
  }

  for (const [name, found] of inZip) {
    if (listed.has(name)) continue;
    if (name === MANIFEST_NAME || name === SUMS_NAME) continue;
    files.push({
      fileName: name,
      status: 'extra',
      reason: `in the zip${found.length > 1 ? ` ${found.length} times` : ''}, not listed in ${MANIFEST_NAME}`,
      expectedSha256: null,
      actualSha256: null,
    });
  }
  return { verified: files.every((f) => f.status === 'ok'), fatal: null, manifest, manifestSha256, files };
}
