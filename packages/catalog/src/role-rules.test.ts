import { ROLE_CONTROL_RULES } from '@fortytwo/domain';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from './builtin';
import { Catalog } from './catalog';

// The SoA role-consistency table (packages/domain) names Annex A controls by ref: each must be a
// control of the shipped catalogue, so a renumbering cannot silently switch a rule off.

describe('SoA role-consistency table against the catalogue', () => {
  it('names only Annex A controls that exist', () => {
    const loaded = loadBuiltinCatalog();
    const iso = new Catalog(loaded.frameworks, loaded.crosswalks).framework('iso42001')!;
    const controls = new Set(iso.items.filter((i) => i.kind === 'control').map((i) => i.ref));
    for (const rule of ROLE_CONTROL_RULES) for (const ref of rule.refs) expect(controls.has(ref), ref).toBe(true);
  });
});
