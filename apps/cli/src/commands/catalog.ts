import fs from 'node:fs';
import path from 'node:path';
import { oneOf, parseCommand } from '../args';
import { connection, type Connection } from '../config';
import { UsageError } from '../errors';
import { Api } from '../http';
import { println, type Io } from '../io';

export const CATALOG_HELP = `Usage: fortytwo catalog <command> [options]

The catalogue: ISO/IEC 42001 clauses and Annex A controls with guidance, the other frameworks
(NIST AI RMF, EU AI Act, ISO/IEC 27001) and the crosswalks between them.

Commands:
  show <ref>             one item: guidance, required documents, crosswalk links
  search <words...>      find items by ref, title or guidance
  export --format oscal  a framework as an OSCAL catalog (JSON)
  import <file>          add a framework or crosswalk file (YAML or JSON) to the organization

Common options:
  --framework <id>       iso42001 (default), nist-ai-rmf, eu-ai-act, iso27001, custom, or an imported id
  --org <id>             read the organization's view (with its imports and custom controls);
                         default: the organization saved at login, else the shipped catalogue

Run "fortytwo catalog <command> --help" for a command's options.
`;

const SHOW_HELP = `Usage: fortytwo catalog show <ref> [--framework <id>] [--org <id>] [--json]

Prints one catalogue item, e.g. "fortytwo catalog show A.6.2.4" or
"fortytwo catalog show 'GOVERN 1.1' --framework nist-ai-rmf".
`;
const SEARCH_HELP = `Usage: fortytwo catalog search <words...> [--framework <id>] [--org <id>] [--json]
`;
const EXPORT_HELP = `Usage: fortytwo catalog export --format oscal [--framework <id>] [--org <id>] [--output <file>]

Writes the framework as an OSCAL 1.0.6 catalog (JSON) to stdout, or to --output.
`;
const IMPORT_HELP = `Usage: fortytwo catalog import <file> [--replace] [--org <id>]

Imports a framework (format: fortytwo/framework@1) or crosswalk (format: fortytwo/crosswalk@1) file,
all or nothing. --replace overwrites an earlier import with the same id.
`;

type Item = {
  ref: string;
  kind: string;
  title: string;
  assessable: boolean;
  summary: string | null;
  guidance: { asks: string; auditorLooksFor: string; evidence: string[] } | null;
  documentation: string;
  documentationNote: string | null;
  pillars: string[];
  pdca: string | null;
  frameworkName: string;
  ancestors: { ref: string; title: string }[];
  children: { ref: string; title: string }[];
  related: { ref: string; title: string }[];
  documents: { title: string; wording: string }[];
  links: { frameworkName: string; ref: string; title: string; relationship: string; rationale: string }[];
};

/** The organization's view when an organization is known, else the shipped catalogue. */
function base(conn: Connection, org: string | undefined): string {
  const orgId = org ?? conn.orgId;
  return orgId ? `/api/orgs/${encodeURIComponent(orgId)}/catalog` : '/api/catalog';
}

/** Wraps prose to the terminal width with an indent, so guidance stays readable. */
function wrap(text: string, indent = '  ', width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export function renderItem(i: Item): string {
  const out: string[] = [];
  out.push(`${i.ref}  ${i.title}`);
  out.push([i.frameworkName, ...i.ancestors.map((a) => `${a.ref} ${a.title}`)].join(' › '));
  const facts = [
    i.kind.replace('_', ' '),
    i.assessable ? 'assessable' : null,
    i.documentation !== 'none' ? `documented information: ${i.documentation}` : null,
    i.pdca ? `PDCA: ${i.pdca}` : null,
  ];
  if (i.pillars.length) facts.push(`pillars: ${i.pillars.join(', ')}`);
  out.push(facts.filter(Boolean).join(' · '));
  if (i.summary) out.push('', wrap(i.summary, ''));
  if (i.guidance) {
    out.push('', 'What it asks', wrap(i.guidance.asks));
    out.push('', 'What an auditor looks for', wrap(i.guidance.auditorLooksFor));
    out.push('', 'Typical evidence', ...i.guidance.evidence.map((e) => `  - ${e}`));
  }
  if (i.documentationNote) out.push('', 'Documented information', wrap(i.documentationNote));
  if (i.documents.length)
    out.push('', 'Required documents', ...i.documents.map((d) => `  - ${d.title} (${d.wording})`));
  if (i.children.length) out.push('', 'Contains', ...i.children.map((c) => `  ${c.ref}  ${c.title}`));
  if (i.related.length) out.push('', 'Related', ...i.related.map((r) => `  ${r.ref}  ${r.title}`));
  if (i.links.length) {
    out.push('', 'Crosswalk links');
    for (const l of i.links)
      out.push(`  ${l.frameworkName}  ${l.ref}  ${l.title}  [${l.relationship}]`, wrap(l.rationale, '      '));
  }
  return out.join('\n');
}

const COMMON = {
  framework: { type: 'string' },
  org: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function show(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    { args: argv, options: { ...COMMON, json: { type: 'boolean' } }, allowPositionals: true, strict: true },
    'catalog show',
  );
  if (values.help) return (io.stdout.write(SHOW_HELP), 0);
  const ref = positionals.join(' ').trim();
  if (!ref) throw new UsageError(`Which item? For example: fortytwo catalog show A.6.2.4\n${SHOW_HELP}`);
  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const item = await api.get<Item>(
    `${base(conn, values.org)}/frameworks/${encodeURIComponent(values.framework ?? 'iso42001')}/items/${encodeURIComponent(ref)}`,
  );
  println(io.stdout, values.json ? JSON.stringify(item, null, 2) : renderItem(item));
  return 0;
}

async function search(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    { args: argv, options: { ...COMMON, json: { type: 'boolean' } }, allowPositionals: true, strict: true },
    'catalog search',
  );
  if (values.help) return (io.stdout.write(SEARCH_HELP), 0);
  const q = positionals.join(' ').trim();
  if (!q) throw new UsageError(`What should be searched for? For example: fortytwo catalog search impact assessment`);
  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const res = await api.get<{ items: { frameworkId: string; ref: string; title: string; snippet: string }[] }>(
    `${base(conn, values.org)}/search`,
    { q, frameworkId: values.framework, limit: 50 },
  );
  if (values.json) println(io.stdout, JSON.stringify(res.items, null, 2));
  else if (res.items.length === 0) println(io.stdout, `Nothing matches "${q}".`);
  else for (const h of res.items) println(io.stdout, `${h.frameworkId.padEnd(12)} ${h.ref.padEnd(14)} ${h.title}`);
  return 0;
}

async function exportCatalog(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    {
      args: argv,
      options: { ...COMMON, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
      allowPositionals: false,
      strict: true,
    },
    'catalog export',
  );
  if (values.help) return (io.stdout.write(EXPORT_HELP), 0);
  if (values.format === undefined) throw new UsageError(`--format is required (oscal).\n${EXPORT_HELP}`);
  oneOf(values.format, ['oscal'], '--format');
  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const framework = values.framework ?? 'iso42001';
  const doc = await api.get<unknown>(`${base(conn, values.org)}/frameworks/${encodeURIComponent(framework)}/oscal`);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.output) {
    fs.writeFileSync(values.output, text);
    println(io.stderr, `Wrote the OSCAL catalog of ${framework} to ${path.resolve(values.output)}`);
  } else io.stdout.write(text);
  return 0;
}

async function importFile(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: { org: { type: 'string' }, replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    },
    'catalog import',
  );
  if (values.help) return (io.stdout.write(IMPORT_HELP), 0);
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`Give exactly one file.\n${IMPORT_HELP}`);
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const conn = connection(io.env);
  const orgId = values.org ?? conn.orgId;
  if (!orgId) throw new UsageError('Which organization? Pass --org <id>, or log in with a default organization.');
  const api = new Api(conn.url, conn.token);
  try {
    const res = await api.post<{ kind: string; key: string; name: string; size: number }>(
      `/api/orgs/${encodeURIComponent(orgId)}/catalog/imports`,
      { content, fileName: path.basename(file), replace: values.replace ?? false },
    );
    println(
      io.stdout,
      `Imported ${res.kind} "${res.name}" (${res.key}): ${res.size} ${res.kind === 'framework' ? 'items' : 'links'}.`,
    );
    return 0;
  } catch (err) {
    // Import issues carry a line number: print it first, the way an editor would.
    const details = (err as { details?: { issues?: { line: number | null; path: string; message: string }[] } })
      .details;
    if (details?.issues?.length && err instanceof Error) {
      err.message = [
        err.message.split('\n')[0],
        ...details.issues.map((i) => `  ${file}${i.line ? `:${i.line}` : ''}  ${i.path || '(file)'}: ${i.message}`),
      ].join('\n');
    }
    throw err;
  }
}

export async function catalog(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'show':
      return show(rest, io);
    case 'search':
      return search(rest, io);
    case 'export':
      return exportCatalog(rest, io);
    case 'import':
      return importFile(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(CATALOG_HELP);
      return 0;
    case undefined:
      io.stderr.write(CATALOG_HELP);
      return 2;
    default:
      throw new UsageError(`Unknown command "catalog ${sub}".\nRun "fortytwo catalog --help" for the commands.`);
  }
}
