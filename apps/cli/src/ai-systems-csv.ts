import {
  AI_SYSTEM_CSV_COLUMNS,
  CsvParseError,
  parseCsv,
  splitCsvList,
  unguardCsvCell,
  ZCreateAiSystem,
  type TAiSystemFields,
} from '@fortytwo/domain';
import { UsageError } from './errors';

// Reads the CSV of `GET /api/orgs/:orgId/ai-systems/export.csv` back into create-inputs,
// reporting every problem with its line, so a file is fixed in one pass.

/** The export's columns, and an optional id (a system of the organization to update). */
const IMPORT_COLUMNS = ['id', ...AI_SYSTEM_CSV_COLUMNS] as const;
export type Column = (typeof IMPORT_COLUMNS)[number];
export type CsvRecord = { line: number; values: Partial<Record<Column, string>> };
export type RowProblem = { line: number; field?: string | undefined; message: string };

export const REQUIRED_COLUMNS: readonly Column[] = ['name', 'intendedPurpose', 'aiRoles', 'lifecycleStage'];

/** The export prefixes cells that start like a spreadsheet formula with an apostrophe; undo it (the domain's guard decides, so the two never drift apart). */
export const unescapeCell = unguardCsvCell;

/** Parses the file and checks its header; throws a UsageError naming every header problem. */
export function readCsvRecords(text: string, file: string): { records: CsvRecord[]; absent: Column[] } {
  let rows: { line: number; cells: string[] }[];
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvParseError) throw new UsageError(`${file}, ${err.message}`);
    throw err;
  }
  const [head, ...body] = rows;
  if (!head)
    throw new UsageError(
      `${file} is empty: expected a header line with the columns ${AI_SYSTEM_CSV_COLUMNS.join(',')}`,
    );

  const byLowerName = new Map(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns: (Column | null)[] = [];
  const problems: string[] = [];
  const seen = new Set<Column>();
  for (const [i, raw] of head.cells.entries()) {
    const name = raw.trim();
    const column = byLowerName.get(name.toLowerCase()) ?? null;
    if (!column) problems.push(name ? `unknown column "${name}" (column ${i + 1})` : `column ${i + 1} has no name`);
    else if (seen.has(column)) problems.push(`column "${column}" appears twice`);
    if (column) seen.add(column);
    columns.push(column);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0)
    problems.push(`missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new UsageError(
      `${file}, line ${head.line} (header): ${problems.join('; ')}.\nThe columns are those of the CSV export: ${AI_SYSTEM_CSV_COLUMNS.join(',')}`,
    );
  }
  if (body.length === 0) throw new UsageError(`${file} has a header but no AI systems.`);

  const records: CsvRecord[] = [];
  const shapeProblems: RowProblem[] = [];
  for (const row of body) {
    if (row.cells.length !== columns.length) {
      shapeProblems.push({
        line: row.line,
        message: `has ${row.cells.length} cells but the header has ${columns.length} (a comma or quote out of place?)`,
      });
      continue;
    }
    const values: CsvRecord['values'] = {};
    row.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column) values[column] = unescapeCell(cell);
    });
    records.push({ line: row.line, values });
  }
  if (shapeProblems.length > 0) throw new UsageError(formatProblems(file, shapeProblems));
  return { records, absent: AI_SYSTEM_CSV_COLUMNS.filter((c) => !seen.has(c)) };
}

export type OwnerLookup = (email: string) => { id: string } | { problem: string };

/** One record to a validated create-input, or the problems found in it (every field, not just the first). */
export function toInput(
  record: CsvRecord,
  owner: OwnerLookup,
): { input: TAiSystemFields } | { problems: RowProblem[] } {
  const v = record.values;
  const problems: RowProblem[] = [];
  const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  let ownerId: string | null = null;
  const email = optional(v.ownerEmail);
  if (email) {
    const found = owner(email);
    if ('id' in found) ownerId = found.id;
    else problems.push({ line: record.line, field: 'ownerEmail', message: found.problem });
  }
  const candidate = {
    name: v.name ?? '',
    description: v.description,
    intendedPurpose: v.intendedPurpose ?? '',
    aiRoles: splitCsvList(v.aiRoles ?? ''),
    lifecycleStage: optional(v.lifecycleStage),
    ownerId,
    jurisdictions: splitCsvList(v.jurisdictions ?? ''),
    thirdParties: splitCsvList(v.thirdParties ?? ''),
    riskTier: optional(v.riskTier),
    status: optional(v.status),
    tags: splitCsvList(v.tags ?? ''),
  };
  const parsed = ZCreateAiSystem.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = key === 'ownerId' ? 'ownerEmail' : typeof key === 'string' ? key : undefined;
      const message =
        field === 'lifecycleStage' && candidate.lifecycleStage === undefined
          ? 'Lifecycle stage is required'
          : issue.message;
      problems.push({ line: record.line, field, message });
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { input: parsed.data };
}

export function formatProblems(file: string, problems: RowProblem[]): string {
  const rows = new Set(problems.map((p) => p.line)).size;
  const lines = problems
    .sort((a, b) => a.line - b.line)
    .map((p) => `  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}`);
  return `${file} has ${rows} invalid row${rows === 1 ? '' : 's'}; nothing was imported:\n${lines.join('\n')}`;
}
