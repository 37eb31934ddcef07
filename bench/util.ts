import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RISK_TIERS } from '@fortytwo/domain';

/** Shared by the benchmark scripts: where results go, and how they are printed. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(REPO_ROOT, '.bench');

export function writeResult(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A plain-text table: numbers right-aligned, text left-aligned. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const line = (r: string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** Machine facts recorded next to every result, so numbers from different boxes are not compared blindly. */
export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemMiB: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()}`,
    loadAvg1m: os.loadavg()[0] ?? 0,
    date: new Date().toISOString(),
  };
}

/** The tier rank CASE with literal values: only a literal expression can match an expression index. */
export const tierRank = (col: string) =>
  `case ${col} ${RISK_TIERS.map((t, i) => `when '${t}' then ${i}`).join(' ')} else ${RISK_TIERS.length} end`;

/** Indexes the server does not have, tried on throwaway benchmark databases only (see README "Findings"). */
export const CANDIDATE_INDEXES = [
  // The default sort is lower(name): the migrated (org_id, name, id) index cannot serve it.
  'create index bench_ai_systems_org_lower_name on ai_systems (org_id, lower(name), id)',
  // sort=riskTier orders by a CASE rank; (org_id, risk_tier, id) orders tiers alphabetically.
  `create index bench_ai_systems_org_tier_rank on ai_systems (org_id, (${tierRank('risk_tier')}), id)`,
];
