import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCrosswalk, parseFramework } from './parse';
import type { Crosswalk, Framework } from './format';

/** Where the shipped catalogue lives: one YAML file per framework and per crosswalk. */
export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

export type LoadedCatalog = { frameworks: Framework[]; crosswalks: Crosswalk[] };

/** Reads and checks every shipped file; a broken file stops the server at start, naming its line. */
export function loadBuiltinCatalog(dataDir = DATA_DIR): LoadedCatalog {
  const frameworks = yamlFiles(path.join(dataDir, 'frameworks')).map((f) =>
    parseFramework(path.relative(dataDir, f), fs.readFileSync(f, 'utf8')),
  );
  const refs = new Map(frameworks.map((fw) => [fw.id, new Set(fw.items.map((i) => i.ref))]));
  const crosswalks = yamlFiles(path.join(dataDir, 'crosswalks')).map((f) =>
    parseCrosswalk(path.relative(dataDir, f), fs.readFileSync(f, 'utf8'), refs),
  );
  return { frameworks, crosswalks };
}
