import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Dialect } from '../platform/db/connect';
import { migrationsFor } from '../platform/db/migrations';
import { isSha256 } from '../platform/files';

// One backup is one directory: manifest.json, the database (database.sqlite or database.pgdump)
// and files/ab/cd/<sha256>, the content-addressed evidence store. The manifest says what, when,
// at which schema, and the size and SHA-256 of every other file, so a restore checks everything
// before it writes anything. It guards against corruption and partial copies, not against
// someone who rewrites the manifest too: keep backups where only operators can write.

export const MANIFEST = 'manifest.json';
export const FORMAT = 'fortytwo-backup';
export const FORMAT_VERSION = 1;
export const DB_FILE: Record<Dialect, string> = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };

const ZEntry = z.object({
  path: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Entry = z.infer<typeof ZEntry>;

export const ZManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  durationMs: z.number(),
  app: z.object({ name: z.string(), version: z.string() }),
  host: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  database: z.object({
    path: z.string(),
    method: z.string(),
    serverVersion: z.string().optional(),
    toolVersion: z.string().optional(),
  }),
  /** The migrations applied to the database, in order: the schema version is the last one. */
  schema: z.object({ migrations: z.array(z.string()), latest: z.string().nullable() }),
  /** Rows per table in the copied database: a restore compares the restored database with these. */
  tables: z.record(z.string(), z.number().int().min(0)),
  /** SHA-256 of every file the database refers to (files.sha256): each must be among the entries. */
  referencedFiles: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  /** What was wrong in the source when the backup was made (e.g. a referenced file missing from DATA_DIR/files). */
  problems: z.array(z.string()),
  entries: z.array(ZEntry),
});
export type Manifest = z.infer<typeof ZManifest>;

/** The migrations this version of Fortytwo knows, in the order they run. */
export const knownMigrations = (dialect: Dialect) => Object.keys(migrationsFor(dialect)).sort();

/**
 * Why a backup made at `migrations` cannot be restored by this version, or null if it can. An older
 * schema is fine (the server migrates it at start); an unknown migration means a newer Fortytwo.
 */
export function schemaRefusal(dialect: Dialect, migrations: string[]): string | null {
  const known = new Set(knownMigrations(dialect));
  const unknown = migrations.filter((m) => !known.has(m));
  if (unknown.length === 0) return null;
  return `this backup was made by a newer version of Fortytwo: its schema includes ${unknown.join(', ')}, which this version does not know (it knows up to ${knownMigrations(dialect).at(-1) ?? 'none'}). Restore it with that version or a newer one.`;
}

/** An entry path must be the database file or files/ab/cd/<sha256>: nothing can escape the target. */
export function entryPathProblem(p: string, dialect: Dialect): string | null {
  if (p === DB_FILE[dialect]) return null;
  const m = /^files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(p);
  if (!m || !m[3]!.startsWith(m[1]! + m[2]!)) return `unexpected path in the manifest: ${JSON.stringify(p)}`;
  return null;
}

export async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Flushes a file (or a directory, so a rename in it is durable) to disk. */
export async function fsyncPath(p: string): Promise<void> {
  const h = await fs.promises.open(p, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file))
    throw new Error(
      `${dir} is not a Fortytwo backup: ${MANIFEST} is missing (an interrupted backup leaves a directory ending in .partial).`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const format = (raw as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format === FORMAT && typeof format.formatVersion === 'number' && format.formatVersion > FORMAT_VERSION) {
    throw new Error(
      `this backup has format version ${format.formatVersion}; this version of Fortytwo reads up to ${FORMAT_VERSION}. Restore it with a newer Fortytwo.`,
    );
  }
  const parsed = ZManifest.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `${file} is not a valid backup manifest:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return parsed.data;
}

/** Name of the content file (its SHA-256) from an entry path, or null for the database file. */
export const entrySha = (p: string) => {
  const name = p.split('/').at(-1) ?? '';
  return p.startsWith('files/') && isSha256(name) ? name : null;
};

export function appVersion(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      name?: string;
      version?: string;
    };
    return { name: pkg.name ?? 'fortytwo', version: pkg.version ?? 'unknown' };
  } catch {
    return { name: 'fortytwo', version: 'unknown' };
  }
}
