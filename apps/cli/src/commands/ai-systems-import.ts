import fs from 'node:fs';
import path from 'node:path';
import { AI_SYSTEM_CSV_COLUMNS, type TAiSystemFields } from '@fortytwo/domain';
import { parseCommand } from '../args';
import type { Member, Page } from '../api-types';
import {
  formatProblems,
  readCsvRecords,
  REQUIRED_COLUMNS,
  toInput,
  type OwnerLookup,
  type RowProblem,
} from '../ai-systems-csv';
import { connection } from '../config';
import { ApiError, UsageError } from '../errors';
import { Api, asText } from '../http';
import { println, type Io } from '../io';
import { resolveOrg } from '../org';

type ImportPlan = {
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; action: 'create' | 'update' | 'unchanged'; name: string; changes: string[] }[];
};

/** The server's limit for one all-or-nothing batch (POST /ai-systems/import). */
export const MAX_IMPORT_ROWS = 1000;

export const IMPORT_HELP = `Usage: fortytwo ai-systems import <file.csv> [--org <id>] [--dry-run]

Imports the AI systems of a CSV file into the organization's inventory, all or nothing.
A row whose id (optional "id" column) or else name matches an AI system of the
organization updates it; any other row adds one. Importing an export back duplicates nothing.

The header names the columns of the CSV export (Inventory > Export CSV, or
GET /api/orgs/<id>/ai-systems/export.csv), so an export imports back as it is:
  ${AI_SYSTEM_CSV_COLUMNS.join(',')}
Required: ${REQUIRED_COLUMNS.join(', ')}; the others may be left out and take their defaults.
List cells (aiRoles, jurisdictions, thirdParties, tags) separate entries with ";".
ownerEmail must be the email of a current member of the organization (or empty).

Every row is checked before anything is sent; each problem is reported with its line
number and column, and then nothing is imported (exit code 2). At most ${MAX_IMPORT_ROWS} rows per file.

Options:
  --org <id>     the organization (default: the one saved at login)
  --dry-run      check the file and show the plan (what is added, updated, unchanged), change nothing
  -h, --help     show this help
`;

function ownerLookup(members: Member[]): OwnerLookup {
  const byEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m]));
  return (email) => {
    const m = byEmail.get(email.toLowerCase());
    if (!m) return { problem: `no member of this organization has the email "${email}"` };
    if (m.expired) return { problem: `the access of ${email} has expired; choose a current member` };
    return { id: m.user.id };
  };
}

/** Points a server-side rejection of item k back at its line in the file. */
export function withLines(err: ApiError, lineOfItem: number[]): ApiError {
  const where: string[] = [];
  const details = err.details as
    { row?: unknown; field?: unknown; issues?: { path?: unknown; message?: unknown }[] } | undefined;
  if (typeof details?.row === 'number' && lineOfItem[details.row] !== undefined) {
    where.push(
      `  line ${lineOfItem[details.row]}${details.field === 'ownerId' ? ', ownerEmail' : typeof details.field === 'string' ? `, ${details.field}` : ''}`,
    );
  }
  for (const issue of details?.issues ?? []) {
    const m = /^body\.items\.(\d+)(?:\.(\w+))?/.exec(asText(issue.path));
    const line = m ? lineOfItem[Number(m[1])] : undefined;
    if (line !== undefined) where.push(`  line ${line}${m?.[2] ? `, ${m[2]}` : ''}: ${asText(issue.message)}`);
  }
  if (where.length === 0) return err;
  // The server's message already says nothing was changed; say it once.
  return new ApiError(`${err.message}\nIn the file:\n${where.join('\n')}`, err.status, err.code, err.details);
}

export async function importAiSystems(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    {
      args: argv,
      options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    },
    'ai-systems import',
  );
  if (values.help) {
    io.stdout.write(IMPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `${positionals.length === 0 ? 'Name the CSV file to import' : 'Import one file at a time'}.\nRun "fortytwo ai-systems import --help" for usage.`,
    );
  }
  const file = positionals[0]!;
  const label = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }

  // Everything that needs no server first, so a broken file fails fast even offline.
  const { records, absent } = readCsvRecords(text, label);
  if (records.length > MAX_IMPORT_ROWS) {
    throw new UsageError(
      `${label} has ${records.length} AI systems; import at most ${MAX_IMPORT_ROWS} at once (split the file).`,
    );
  }

  const conn = connection(io.env);
  const api = new Api(conn.url, conn.token);
  const orgId = await resolveOrg(api, conn, values.org);
  const base = `/api/orgs/${encodeURIComponent(orgId)}`;
  const needsOwners = records.some((r) => (r.values.ownerEmail ?? '').trim() !== '');
  const members = needsOwners ? (await api.get<Page<Member>>(`${base}/members`)).items : [];
  const lookup = ownerLookup(members);

  const items: (TAiSystemFields & { id?: string })[] = [];
  const lineOfItem: number[] = [];
  const problems: RowProblem[] = [];
  for (const record of records) {
    const result = toInput(record, lookup);
    if ('problems' in result) problems.push(...result.problems);
    else {
      const id = (record.values.id ?? '').trim();
      items.push(id ? { ...result.input, id } : result.input);
      lineOfItem.push(record.line);
    }
  }
  if (problems.length > 0) throw new UsageError(formatProblems(label, problems));
  if (absent.length > 0)
    println(
      io.stderr,
      `note: ${label} has no column ${absent.join(', ')}; ${absent.length > 1 ? 'they take' : 'it takes'} the default.`,
    );

  const dryRun = values['dry-run'] === true;
  let plan: ImportPlan;
  try {
    plan = await api.post<ImportPlan>(`${base}/ai-systems/import`, { items, dryRun });
  } catch (err) {
    throw err instanceof ApiError ? withLines(err, lineOfItem) : err;
  }
  const n = (k: number, what: string) => `${k} ${what}`;
  const summary = [
    n(plan.created, dryRun ? 'to add' : 'added'),
    n(plan.updated, dryRun ? 'to update' : 'updated'),
    n(plan.unchanged, 'unchanged'),
  ].join(', ');
  if (dryRun) {
    println(
      io.stdout,
      `${label}: ${items.length} AI system${items.length === 1 ? '' : 's'} valid: ${summary}. Nothing was changed (--dry-run).`,
    );
    for (const r of plan.rows.filter((x) => x.action !== 'unchanged'))
      println(
        io.stdout,
        `  line ${lineOfItem[r.row]}: ${r.action === 'create' ? 'add' : `update (${r.changes.join(', ')})`} ${r.name}`,
      );
    return 0;
  }
  println(io.stdout, `Imported ${label}: ${summary}.`);
  return 0;
}
