// Authoring aid: checks every catalogue file and prints counts. `npx tsx packages/catalog/scripts/check.ts`
// A framework may be drafted in parts: data/parts/<framework-id>-*.yaml files (each an `items:` list)
// are appended to that framework here, so cross references resolve before the parts are merged.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DATA_DIR } from '../src/builtin';
import { CatalogFileError, parseCrosswalk, parseFramework } from '../src/parse';
import type { Framework } from '../src/format';

let failed = false;
const frameworks: Framework[] = [];
for (const f of fs.readdirSync(path.join(DATA_DIR, 'frameworks')).filter((x) => x.endsWith('.yaml'))) {
  const id = f.replace(/\.yaml$/, '');
  let text = fs.readFileSync(path.join(DATA_DIR, 'frameworks', f), 'utf8');
  const partsDir = path.join(DATA_DIR, 'parts');
  const parts = fs.existsSync(partsDir)
    ? fs.readdirSync(partsDir).filter((p) => p.startsWith(`${id}-`) && p.endsWith('.yaml'))
    : [];
  if (parts.length) {
    const merged = parse(text) as { items?: unknown[] };
    for (const p of parts)
      merged.items = [
        ...(merged.items ?? []),
        ...((parse(fs.readFileSync(path.join(partsDir, p), 'utf8')) as { items: unknown[] }).items ?? []),
      ];
    text = JSON.stringify(merged, null, 1);
    console.log(`${f}: merged ${parts.join(', ')} (line numbers below refer to the merged JSON)`);
  }
  try {
    const fw = parseFramework(f, text);
    frameworks.push(fw);
    const byKind = fw.items.reduce<Record<string, number>>((m, i) => ((m[i.kind] = (m[i.kind] ?? 0) + 1), m), {});
    const assessable = fw.items.filter((i) => i.assessable);
    const noGuidance = assessable.filter((i) => !i.guidance).map((i) => i.ref);
    console.log(
      `OK ${fw.id}: ${JSON.stringify(byKind)}, assessable ${assessable.length}, documents ${fw.documents.length}, lists ${fw.referenceLists.map((l) => `${l.id}(${l.entries.length})`).join(' ')}`,
    );
    if (noGuidance.length) console.log(`   assessable without guidance: ${noGuidance.join(', ')}`);
  } catch (e) {
    failed = true;
    console.log(e instanceof CatalogFileError ? `FAIL ${e.message}` : e);
  }
}
const refs = new Map(frameworks.map((fw) => [fw.id, new Set(fw.items.map((i) => i.ref))]));
const cwDir = path.join(DATA_DIR, 'crosswalks');
for (const f of fs.existsSync(cwDir) ? fs.readdirSync(cwDir).filter((x) => x.endsWith('.yaml')) : []) {
  try {
    const cw = parseCrosswalk(f, fs.readFileSync(path.join(cwDir, f), 'utf8'), refs);
    const rel = cw.links.reduce<Record<string, number>>(
      (m, l) => ((m[l.relationship] = (m[l.relationship] ?? 0) + 1), m),
      {},
    );
    console.log(`OK ${cw.id}: ${cw.source} → ${cw.target}, ${cw.links.length} links ${JSON.stringify(rel)}`);
  } catch (e) {
    failed = true;
    console.log(e instanceof CatalogFileError ? `FAIL ${e.message}` : e);
  }
}
process.exit(failed ? 1 : 0);
