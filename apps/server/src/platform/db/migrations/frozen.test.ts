import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A migration is frozen history: what it does to an older database must not change when the app's
// code changes. So a migration imports only kysely, Node's built-ins and types.
const dir = fileURLToPath(new URL('.', import.meta.url));
const migrations = readdirSync(dir).filter((f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'));

describe('migrations', () => {
  it('are found', () => {
    expect(migrations.length).toBeGreaterThan(10);
  });

  it.each(migrations)('%s imports no runtime code (only kysely, node: modules and types)', (file) => {
    const source = readFileSync(dir + file, 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((m) => ({
      typeOnly: Boolean(m[1]),
      from: m[2]!,
    }));
    const runtime = imports.filter((i) => !i.typeOnly && i.from !== 'kysely' && !i.from.startsWith('node:'));
    expect(runtime.map((i) => i.from)).toEqual([]);
  });
});
