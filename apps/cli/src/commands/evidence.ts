import fs from 'node:fs';
import path from 'node:path';
import { oneOf, parseCommand } from '../args';
import { connection } from '../config';
import { EXIT, UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';
import { personOf, type WithPeople } from '../people';
import { EVIDENCE_PACKAGE_FORMAT, verifyPackage, type FileCheck } from '../package-verify';
import { renderTable } from '../table';

export const EVIDENCE_HELP = `Usage: fortytwo evidence <command> [options]

The evidence library: files and links that show the AI management system works, each attached to
the requirements, controls, risks and other records it proves.

Commands:
  add <file|url>         add a file (uploaded) or a web link to the library, optionally attached
  list                   the register: reference, title, owner, review date, expiry state, links
  export --out <zip>     download the evidence package (files, manifest.json, SHA256SUMS)
  verify <zip>           check an evidence package offline against its manifest.json (no server)

Run "fortytwo evidence <command> --help" for a command's options.
`;

const ADD_HELP = `Usage: fortytwo evidence add <file|url> [options]

Adds a file (pdf, png, jpg, docx, xlsx, csv, txt, zip … at most 25 MB) or a web address
(https://…) to the evidence library and prints its reference (EV-n).

Options:
  --title <text>         the title (default: the file name; required for a link)
  --owner <user id>      the member who owns it
  --effective <date>     the date it takes effect (YYYY-MM-DD)
  --expires <date>       the review or expiry date (YYYY-MM-DD)
  --attach <type:id>     attach it at once, e.g. control:A.6.2.4 or risk:<id>
  --json                 print the API's record as JSON
  --org <id>             the organization (default: the one saved at login)
  -h, --help             show this help
`;

const LIST_HELP = `Usage: fortytwo evidence list [--expiry current|expiring|expired] [--search <text>] [--json] [--org <id>]

Lists the evidence register, newest first.
`;

const EXPORT_HELP = `Usage: fortytwo evidence export [--out <file.zip>] [--org <id>]

Downloads the evidence package: the current file of every piece of evidence, manifest.json (what
each file proves, its SHA-256, who collected it and when) and SHA256SUMS. Check it with
"fortytwo evidence verify <file.zip>".
`;

const VERIFY_HELP = `Usage: fortytwo evidence verify <file.zip> [--json]

Checks an evidence package offline: every file manifest.json lists must be in the zip with the
SHA-256 and size it gives, no other file may be there, and SHA256SUMS must agree with the manifest.
Needs no login and no server.

Exit codes: 0 every file matches; 3 the package does not match its manifest (or is no readable
package); 2 the file cannot be read.
`;

type EvidenceRow = {
  id: string;
  reference: string;
  title: string;
  kind: 'file' | 'link';
  file: { name: string } | null;
  url: string | null;
  ownerId: string | null;
  expiresOn: string | null;
  expiryState: string;
  linkCount: number;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const COMMON = { org: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

async function api(io: Io, org: string | undefined) {
  const conn = connection(io.env);
  const client = new Api(conn.url, conn.token);
  return { client, base: `/api/orgs/${encodeURIComponent(await resolveOrg(client, conn, org))}` };
}

async function add(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: {
        ...COMMON,
        json: { type: 'boolean' },
        title: { type: 'string' },
        owner: { type: 'string' },
        effective: { type: 'string' },
        expires: { type: 'string' },
        attach: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    },
    'evidence add',
  );
  if (values.help) return (io.stdout.write(ADD_HELP), EXIT.ok);
  const [what] = positionals;
  if (!what || positionals.length > 1)
    throw new UsageError(
      `Give exactly one file or web address, such as: fortytwo evidence add report.pdf --expires 2027-06-30\n${ADD_HELP}`,
    );
  let target: { subjectType?: string; subjectId?: string } = {};
  if (values.attach) {
    const m = /^([a-z_]+):(.+)$/.exec(values.attach);
    if (!m) throw new UsageError('--attach takes <type>:<id>, such as control:A.6.2.4 or risk:<id>.');
    target = { subjectType: m[1]!, subjectId: m[2]! };
  }
  const fields = {
    title: values.title,
    ownerId: values.owner,
    effectiveOn: values.effective,
    expiresOn: values.expires,
    ...target,
  };
  const { client, base } = await api(io, values.org);
  let created: EvidenceRow;
  if (/^https?:\/\//i.test(what)) {
    if (!values.title) throw new UsageError('A link needs a title: add --title "…".');
    created = await client.post<EvidenceRow>(`${base}/evidence`, {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      url: what,
    });
  } else {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(what);
    } catch (err) {
      throw new UsageError(`Cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    created = await client.upload<EvidenceRow>(`${base}/evidence/files`, { name: path.basename(what), bytes }, fields);
  }
  if (values.json) return (println(io.stdout, JSON.stringify(created, null, 2)), EXIT.ok);
  println(
    io.stdout,
    `Added ${created.reference} "${created.title}"${created.linkCount ? `, attached to ${values.attach}` : ''}.`,
  );
  return EXIT.ok;
}

async function list(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    {
      args: argv,
      options: { ...COMMON, json: { type: 'boolean' }, expiry: { type: 'string' }, search: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    },
    'evidence list',
  );
  if (values.help) return (io.stdout.write(LIST_HELP), EXIT.ok);
  const expiry = oneOf(values.expiry, ['current', 'expiring', 'expired'] as const, '--expiry');
  const { client, base } = await api(io, values.org);
  const page = await client.get<{ items: EvidenceRow[] } & WithPeople>(`${base}/evidence`, {
    expiry,
    q: values.search,
  });
  // Each row printed with its owner beside `ownerId`, as the full record reads.
  const items = page.items.map((e) => ({ ...e, owner: personOf(page.people, e.ownerId) }));
  if (values.json) return (println(io.stdout, JSON.stringify(items, null, 2)), EXIT.ok);
  if (items.length === 0) return (println(io.stdout, 'No evidence yet.'), EXIT.ok);
  const rows = items.map((e) => [
    e.reference,
    e.title,
    e.kind === 'file' ? (e.file?.name ?? '-') : (e.url ?? '-'),
    e.owner?.name ?? '-',
    e.expiresOn ?? '-',
    e.expiryState === 'current' ? 'current' : e.expiryState.toUpperCase(),
    String(e.linkCount),
  ]);
  println(io.stdout, renderTable(['REF', 'TITLE', 'FILE OR LINK', 'OWNER', 'REVIEW BY', 'STATE', 'LINKS'], rows));
  const flagged = items.filter((e) => e.expiryState !== 'current').length;
  println(
    io.stdout,
    `\n${plural(items.length, 'piece')} of evidence${flagged ? `, ${flagged} expiring or expired` : ''}`,
  );
  return EXIT.ok;
}

async function exportPackage(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    { args: argv, options: { ...COMMON, out: { type: 'string', short: 'o' } }, allowPositionals: false, strict: true },
    'evidence export',
  );
  if (values.help) return (io.stdout.write(EXPORT_HELP), EXIT.ok);
  const { client, base } = await api(io, values.org);
  const file = await client.download(`${base}/evidence/export.zip`);
  const target = path.resolve(values.out ?? file.fileName ?? 'evidence-package.zip');
  try {
    fs.writeFileSync(target, file.bytes);
  } catch (err) {
    throw new UsageError(`Cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  println(
    io.stdout,
    `Wrote the evidence package to ${target}. Check it offline with: fortytwo evidence verify ${/\s/.test(target) ? `"${target}"` : target}`,
  );
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
    'evidence verify',
  );
  if (values.help) return (io.stdout.write(VERIFY_HELP), EXIT.ok);
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new UsageError(
      `Give exactly one package, such as: fortytwo evidence verify evidence-package.zip\n${VERIFY_HELP}`,
    );
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const result = verifyPackage(bytes, EVIDENCE_PACKAGE_FORMAT);
  const code = result.verified ? EXIT.ok : EXIT.failed;
  if (values.json) return (println(io.stdout, JSON.stringify({ file: path.resolve(file), ...result }, null, 2)), code);
  if (result.fatal) return (println(io.stdout, `NOT VERIFIED: ${file} cannot be checked: ${result.fatal}.`), code);
  const m = result.manifest!;
  const evidence = (m as unknown as { evidence?: unknown[] }).evidence?.length ?? 0;
  println(
    io.stdout,
    `Evidence package of ${m.organization.name}, generated ${m.generatedAt.replace('T', ' ').slice(0, 16)} UTC${m.generatedBy ? ` by ${m.generatedBy}` : ''}: ${plural(evidence, 'piece')} of evidence, ${plural(m.files.length, 'file')} listed.`,
  );
  println(io.stdout, `manifest.json SHA-256 ${result.manifestSha256}`);
  const width = Math.max(...Object.values(MARK).map((x) => x.length));
  for (const f of result.files)
    println(io.stdout, `  ${MARK[f.status].padEnd(width)}  ${f.fileName}${f.reason ? `: ${f.reason}` : ''}`);
  if (result.verified)
    println(
      io.stdout,
      `Verified: all ${plural(m.files.length, 'file')} match manifest.json (SHA-256 and size), and nothing else is in the package.`,
    );
  else {
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

export async function evidence(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'add':
      return add(rest, io);
    case 'list':
      return list(rest, io);
    case 'export':
      return exportPackage(rest, io);
    case 'verify':
      return verify(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(EVIDENCE_HELP);
      return EXIT.ok;
    case undefined:
      io.stderr.write(EVIDENCE_HELP);
      return EXIT.usage;
    default:
      throw new UsageError(`Unknown command "evidence ${sub}".\nRun "fortytwo evidence --help" for the commands.`);
  }
}
