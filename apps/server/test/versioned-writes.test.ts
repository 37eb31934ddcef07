import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A versioned write whose changed-row count nobody reads records a lost update as a success (two
// clients with the same version both get 200). This reads the server's source so that every such
// write goes through writeOne/changedOne (platform/db/versioned.ts), present and future.

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The statement around `at`: from the previous `;` or block start to the next `;`. */
function statementAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('{\n', at)) + 1;
  const end = text.indexOf(';', at);
  return text.slice(start, end === -1 ? undefined : end);
}

const files = sourceFiles(src).map((file) => ({ file: path.relative(src, file), text: fs.readFileSync(file, 'utf8') }));

describe('versioned writes', () => {
  it('finds the server source', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('check the rows they changed: every `where version = ?` write goes through writeOne or changedOne', () => {
    const unchecked: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(/\.where\('version', '=',/g)) {
        const statement = statementAt(text, m.index);
        if (!/(updateTable|deleteFrom)\(/.test(statement)) continue; // a read
        if (!/\b(writeOne|changedOne)\(/.test(statement)) unchecked.push(`${file}: ${statement.trim().slice(0, 120)}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it('never bump a version from a value read earlier without checking it', () => {
    // `set({ version: x.version + 1 })` without `where version = x.version` lets two writers both
    // land on the same version; bump in SQL (eb('version', '+', 1)) or check the version read.
    const blind: string[] = [];
    for (const { file, text } of files) {
      for (const m of text.matchAll(/updateTable\(/g)) {
        const statement = statementAt(text, m.index);
        if (/version: [\w.]+ \+ 1/.test(statement) && !statement.includes(".where('version', '=',"))
          blind.push(`${file}: ${statement.trim().slice(0, 120)}`);
      }
    }
    expect(blind).toEqual([]);
  });

  it('would catch an unchecked versioned write', () => {
    const sample =
      "await tx.updateTable('risks').set({ version: 2 }).where('id', '=', id).where('version', '=', 1).execute();";
    const at = sample.indexOf(".where('version'");
    expect(/\b(writeOne|changedOne)\(/.test(statementAt(sample, at))).toBe(false);
  });
});
