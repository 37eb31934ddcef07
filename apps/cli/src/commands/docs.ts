import fs from 'node:fs';
import path from 'node:path';
import { parseCommand } from '../args';
import type { DocumentSummary, MasterItem } from '../api-types';
import { connection } from '../config';
import { EXIT, UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';
import { personOf, type WithPeople } from '../people';
import { readManifest, verifyPackage, type FileCheck } from '../package-verify';
import { renderTable } from '../table';

export const DOCS_HELP = `Usage: fortytwo docs <command> [options]

Controlled documents (ISO/IEC 42001 7.5): the documents with their versions, the master list of
documented information, and the evidence package an auditor verifies offline.

Commands:
  list                   the documents: code, title, version in force, newest version
  master-list            every mandatory item of documented information, what meets it, its problems
  export --out <zip>     download the evidence package: every document in force as its approved
                         .docx and .pdf, the master list, manifest.json with the SHA-256 of each file
  verify <zip>           check a package offline against its manifest.json (no server needed)

Run "fortytwo docs <command> --help" for a command's options.
`;

const LIST_HELP = `Usage: fortytwo docs list [--json] [--org <id>]

Lists the organization's documents: code, title, the version in force, the newest version and its
state, the next review date, and whether the document is stale or overdue for review.

Options:
  --json         print the documents as JSON (the API's records) instead of a table
  --org <id>     the organization (default: the one saved at login)
  -h, --help     show this help
`;

const MASTER_HELP = `Usage: fortytwo docs master-list [--json] [--org <id>]

Prints the master list of documented information: one line per mandatory item of ISO/IEC 42001
(met by a document or by records), then the organization's other documents, each with what is
missing, unapproved, stale or overdue.

Options:
  --json         print the list as JSON (the API's items) instead of a table
  --org <id>     the organization (default: the one saved at login)
  -h, --help     show this help
`;

const EXPORT_HELP = `Usage: fortytwo docs export [--out <file.zip>] [--org <id>]

Downloads the evidence package of the organization's documents: one zip with every document in
force as the exact .docx and .pdf that were approved (named by code and version), the master list
as PDF, manifest.json (organization, date, and per file the document, version, approval, size and
SHA-256) and SHA256SUMS. Check it with "fortytwo docs verify <file.zip>".

Options:
  --out <file>   where to write it (default: the name the server gives, in the current directory)
  --org <id>     the organization (default: the one saved at login)
  -h, --help     show this help
`;

const VERIFY_HELP = `Usage: fortytwo docs verify <file.zip> [--json]

Checks a document package offline: every file manifest.json lists must be in the zip with the
SHA-256 and size it gives, no other file may be there, and SHA256SUMS must agree with the manifest.
Reports each missing, extra or altered file by name. Needs no login and no server.

Exit codes: 0 every file matches; 3 the package does not match its manifest (or is no readable
package); 2 the file cannot be read.

Options:
  --json         print the result as JSON
  -h, --help     show this help
`;

const KB = 1024;
const size = (n: number) =>
  n < KB ? `${n} bytes` : n < KB * KB ? `${(n / KB).toFixed(1)} KB` : `${(n / KB / KB).toFixed(1)} MB`;
const words = (state: string) => state.replace(/_/g, ' ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function api(io: Io, org: string | undefined) {
  const conn = connection(io.env);
  const client = new Api(conn.url, conn.token);
  return { client, base: `/api/orgs/${encodeURIComponent(await resolveOrg(client, conn, org))}` };
}

const COMMON = { org: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    { args: argv, options: { ...COMMON, json: { type: 'boolean' } }, allowPositionals: false, strict: true },
    'docs list',
  );
  if (values.help) return (io.stdout.write(LIST_HELP), EXIT.ok);
  const { client, base } = await api(io, values.org);
  const page = await client.get<{ items: DocumentSummary[] } & WithPeople>(`${base}/documents`);
  // Each document printed with its owner and approver beside their ids, as the full record reads.
  const items = page.items.map((d) => ({
    ...d,
    owner: personOf(page.people, d.ownerId),
    approver: personOf(page.people, d.approverId),
  }));
  if (values.json) return (println(io.stdout, JSON.stringify(items, null, 2)), EXIT.ok);
  if (items.length === 0) return (println(io.stdout, 'No documents yet.'), EXIT.ok);
  const rows = items.map((d) => {
    const newer = !d.inForce || d.latest.id !== d.inForce.id;
    const notes = [d.stale ? `stale (${plural(d.stale.count, 'change')})` : '', d.reviewOverdue ? 'review overdue' : '']
      .filter(Boolean)
      .join(', ');
    return [
      d.code,
      d.title,
      d.inForce?.label ?? '-',
      newer ? `${d.latest.label} ${words(d.latest.state)}` : 'published',
      d.inForce?.nextReviewAt ?? '-',
      notes || '-',
    ];
  });
  println(io.stdout, renderTable(['CODE', 'TITLE', 'IN FORCE', 'STATE', 'NEXT REVIEW', 'NOTES'], rows));
  println(io.stdout, `\n${plural(items.length, 'document')}, ${items.filter((d) => d.inForce).length} in force`);
  return EXIT.ok;
}

const MASTER_STATES: Record<string, string> = {
  missing: 'MISSING',
  records: 'records',
  published: 'published',
  approved: 'approved, not published',
  in_review: 'in review',
  draft: 'draft',
  withdrawn: 'withdrawn',
};

/** A table of master-list lines with each line's problems printed under it. */
function masterTable(items: MasterItem[]): string {
  const rows = items.map((i) => [
    i.refs.join(', ') || '-',
    i.title,
    MASTER_STATES[i.state] ?? words(i.state),
    i.code ? `${i.code} v${i.version ?? '?'}` : (i.records ?? '-'),
  ]);
  const [header, ...lines] = renderTable(['CLAUSES', 'DOCUMENTED INFORMATION', 'STATE', 'MET BY'], rows).split('\n');
  return [header, ...lines.flatMap((line, n) => [line, ...items[n]!.problems.map((p) => `    ! ${p}`)])].join('\n');
}

async function masterList(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    { args: argv, options: { ...COMMON, json: { type: 'boolean' } }, allowPositionals: false, strict: true },
    'docs master-list',
  );
  if (values.help) return (io.stdout.write(MASTER_HELP), EXIT.ok);
  const { client, base } = await api(io, values.org);
  const { items } = await client.get<{ items: MasterItem[] }>(`${base}/documented-information`);
  if (values.json) return (println(io.stdout, JSON.stringify(items, null, 2)), EXIT.ok);
  const mandatory = items.filter((i) => i.mandatory);
  const own = items.filter((i) => !i.mandatory);
  println(io.stdout, 'Mandatory documented information (ISO/IEC 42001)');
  println(io.stdout, masterTable(mandatory));
  if (own.length) {
    println(io.stdout, '\nThe organization’s other documents');
    println(io.stdout, masterTable(own));
  }
  const met = mandatory.filter((i) => i.state === 'published' || i.state === 'records').length;
  const problems = items.reduce((n, i) => n + i.problems.length, 0);
  println(
    io.stdout,
    `\n${mandatory.length} mandatory items, ${met} met (published or kept as records), ${mandatory.length - met} open; ${plural(problems, 'problem')}`,
  );
  return EXIT.ok;
}

async function exportPackage(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    { args: argv, options: { ...COMMON, out: { type: 'string', short: 'o' } }, allowPositionals: false, strict: true },
    'docs export',
  );
  if (values.help) return (io.stdout.write(EXPORT_HELP), EXIT.ok);
  const { client, base } = await api(io, values.org);
  const file = await client.download(`${base}/documents/export.zip`);
  const target = path.resolve(values.out ?? file.fileName ?? 'document-package.zip');
  try {
    fs.writeFileSync(target, file.bytes);
  } catch (err) {
    throw new UsageError(`Cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let contents = '';
  try {
    const { manifest } = readManifest(file.bytes);
    contents = ` (${plural(manifest.documents ?? 0, 'document')} in force, ${plural(manifest.files.length, 'file')})`;
  } catch {
    contents = '';
  }
  println(io.stdout, `Wrote the document package${contents} to ${target} (${size(file.bytes.length)}).`);
  println(io.stdout, `Check it offline with: fortytwo docs verify ${/\s/.test(target) ? `"${target}"` : target}`);
  return EXIT.ok;
}

const MARK: Record<FileCheck['status'], string> = { ok: 'ok', altered: 'ALTERED', missing: 'MISSING', extra: 'EXTRA' };

function verify(argv: string[], io: Io): number {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    },
    'docs verify',
  );
  if (values.help) return (io.stdout.write(VERIFY_HELP), EXIT.ok);
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new UsageError(
      `Give exactly one package, such as: fortytwo docs verify document-package.zip\n${VERIFY_HELP}`,
    );
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const result = verifyPackage(bytes);
  const code = result.verified ? EXIT.ok : EXIT.failed;
  if (values.json) return (println(io.stdout, JSON.stringify({ file: path.resolve(file), ...result }, null, 2)), code);
  if (result.fatal) {
    println(io.stdout, `NOT VERIFIED: ${file} cannot be checked: ${result.fatal}.`);
    return code;
  }
  const m = result.manifest!;
  println(
    io.stdout,
    `Package of ${m.organization.name}, generated ${m.generatedAt.replace('T', ' ').slice(0, 16)} UTC${m.generatedBy ? ` by ${m.generatedBy}` : ''}: ${plural(m.documents ?? 0, 'document')}, ${plural(m.files.length, 'file')} listed.`,
  );
  println(io.stdout, `manifest.json SHA-256 ${result.manifestSha256}`);
  const width = Math.max(...Object.values(MARK).map((x) => x.length));
  for (const f of result.files)
    println(io.stdout, `  ${MARK[f.status].padEnd(width)}  ${f.fileName}${f.reason ? `: ${f.reason}` : ''}`);
  if (result.verified) {
    println(
      io.stdout,
      `Verified: all ${plural(m.files.length, 'file')} match manifest.json (SHA-256 and size), and nothing else is in the package.`,
    );
  } else {
    const count = (s: FileCheck['status']) => result.files.filter((f) => f.status === s).length;
    const parts = [`${count('altered')} altered`, `${count('missing')} missing`, `${count('extra')} extra`].filter(
      (p) => !p.startsWith('0 '),
    );
    println(
      io.stdout,
      `NOT VERIFIED: ${parts.join(', ')} (of ${plural(m.files.length, 'file')} listed). Do not rely on this package; ask for a new one.`,
    );
  }
  return code;
}

export async function docs(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list':
      return list(rest, io);
    case 'master-list':
      return masterList(rest, io);
    case 'export':
      return exportPackage(rest, io);
    case 'verify':
      return verify(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(DOCS_HELP);
      return EXIT.ok;
    case undefined:
      io.stderr.write(DOCS_HELP);
      return EXIT.usage;
    default:
      throw new UsageError(`Unknown command "docs ${sub}".\nRun "fortytwo docs --help" for the commands.`);
  }
}
