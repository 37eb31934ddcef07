import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from './builtin';
import { Catalog } from './catalog';
import { toOscalCatalog } from './oscal';
import { ANNEX_GROUPS, CLAUSES, CONTAINERS, CONTROLS, OBJECTIVES, SUBCLAUSES } from './iso42001-facts';

const loaded = loadBuiltinCatalog();
const catalog = new Catalog(loaded.frameworks, loaded.crosswalks);
const iso = catalog.framework('iso42001')!;
const byKind = (kind: string) => iso.items.filter((i) => i.kind === kind);
const pairs = (kind: string) => byKind(kind).map((i) => [i.ref, i.title]);

describe('ISO/IEC 42001:2023 in the shipped catalogue', () => {
  it('has the 7 clauses, 4 containers and 32 lowest-level subclauses, with their published titles', () => {
    expect(pairs('clause')).toEqual(CLAUSES);
    const subclauses = byKind('subclause');
    expect(subclauses.filter((i) => !i.assessable).map((i) => [i.ref, i.title])).toEqual(CONTAINERS);
    expect(subclauses.filter((i) => i.assessable).map((i) => [i.ref, i.title])).toEqual(SUBCLAUSES);
    expect(SUBCLAUSES).toHaveLength(32);
  });

  it('has the 9 Annex A groups, 10 objectives and 38 controls, with their published titles', () => {
    expect(pairs('annex_group')).toEqual(ANNEX_GROUPS);
    expect(byKind('objective').map((i) => i.ref)).toEqual(OBJECTIVES.map(([ref]) => ref));
    for (const [ref, title] of OBJECTIVES) if (title) expect(iso.items.find((i) => i.ref === ref)?.title).toBe(title);
    expect(pairs('control')).toEqual(CONTROLS);
    expect([ANNEX_GROUPS.length, OBJECTIVES.length, CONTROLS.length]).toEqual([9, 10, 38]);
  });

  it('makes exactly the 32 subclauses and 38 controls assessable', () => {
    const assessable = iso.items.filter((i) => i.assessable).map((i) => i.ref);
    expect(assessable).toEqual([...SUBCLAUSES, ...CONTROLS].map(([ref]) => ref));
  });

  it('places every item in the tree: subclauses under their clause, controls under their objective', () => {
    for (const item of iso.items) {
      if (item.kind === 'clause' || item.kind === 'annex_group') expect(item.parent, item.ref).toBeUndefined();
      else if (item.kind === 'control') {
        // A.2.2 sits under the objective A.2.1; A.6.2.4 under A.6.2.
        const parent = iso.items.find((p) => p.ref === item.parent)!;
        expect(parent.kind, item.ref).toBe('objective');
        expect(
          item.ref.startsWith(parent.ref.replace(/\.1$/, '.')) || item.ref.startsWith(`${parent.ref}.`),
          `${item.ref} under ${parent.ref}`,
        ).toBe(true);
      } else expect(item.ref.startsWith(`${item.parent!}.`), `${item.ref} under ${item.parent}`).toBe(true);
    }
    expect(catalog.detail('iso42001', 'A.6.2.4')!.ancestors.map((a) => a.ref)).toEqual(['A.6', 'A.6.2']);
    expect(catalog.detail('iso42001', 'A.2.2')!.ancestors.map((a) => a.ref)).toEqual(['A.2', 'A.2.1']);
    expect(catalog.detail('iso42001', '6.1.4')!.ancestors.map((a) => a.ref)).toEqual(['6', '6.1']);
  });

  it('gives every assessable item guidance, a summary, pillars and a PDCA phase', () => {
    for (const item of iso.items.filter((i) => i.assessable)) {
      expect(item.guidance, item.ref).toBeDefined();
      expect(item.guidance!.asks.length, item.ref).toBeGreaterThan(80);
      expect(item.guidance!.auditorLooksFor.length, item.ref).toBeGreaterThan(60);
      expect(item.guidance!.evidence.length, item.ref).toBeGreaterThanOrEqual(2);
      expect(item.summary, item.ref).toBeTruthy();
      expect(item.pillars.length, item.ref).toBeGreaterThan(0);
      expect(item.pdca, item.ref).toBeDefined();
      if (item.documentation !== 'none') expect(item.documentationNote, item.ref).toBeTruthy();
    }
  });

  it('marks the clauses whose wording requires documented information', () => {
    const doc = (ref: string) => iso.items.find((i) => i.ref === ref)!.documentation;
    expect(['4.3', '5.2', '6.2', '7.2', '8.1', '9.1', '9.2.2', '9.3.3', '10.2'].map(doc)).toEqual(
      Array(9).fill('available'),
    );
    expect(doc('4.4')).toBe('document');
    expect(['6.1.1', '6.1.2', '8.2', '8.3', '8.4'].map(doc)).toEqual(Array(5).fill('retain'));
    expect(['5.1', '5.3', '7.3', '7.4', '10.1'].map(doc)).toEqual(Array(5).fill('none'));
  });

  it('links clauses to the Annex A controls the standard points to', () => {
    const related = (ref: string) => iso.items.find((i) => i.ref === ref)!.relatedControls;
    expect(related('5.2')).toEqual(expect.arrayContaining(['A.2.2', 'A.2.3', 'A.2.4']));
    expect(related('5.3')).toContain('A.3.2');
    expect(related('6.1.4')).toEqual(expect.arrayContaining(['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5']));
    expect(related('6.1.3')).toHaveLength(38);
    expect(related('7.1')).toEqual(expect.arrayContaining(['A.4.2', 'A.4.3', 'A.4.4', 'A.4.5', 'A.4.6']));
  });

  it('lists the mandatory documented information, each linked to existing clauses or controls', () => {
    expect(iso.documents.length).toBeGreaterThanOrEqual(15);
    const ids = iso.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const docOf = (clause: string) => iso.documents.filter((d) => d.clauses.includes(clause));
    for (const clause of [
      '4.3',
      '4.4',
      '5.2',
      '6.1.2',
      '6.1.3',
      '6.1.4',
      '6.2',
      '7.2',
      '9.1',
      '9.2.2',
      '9.3.3',
      '10.2',
    ])
      expect(docOf(clause).length, clause).toBeGreaterThan(0);
    expect(iso.documents.some((d) => /statement of applicability/i.test(d.title))).toBe(true);
    expect(catalog.detail('iso42001', '6.1.3')!.documents.length).toBeGreaterThan(0);
  });

  it('ships Annex C: 11 objectives and 7 risk sources', () => {
    const list = (id: string) => iso.referenceLists.find((l) => l.id === id)!;
    expect(list('annex-c-objectives').entries.map((e) => e.ref)).toEqual(
      Array.from({ length: 11 }, (_, i) => `C.2.${i + 1}`),
    );
    expect(list('annex-c-objectives').entries.map((e) => e.title)).toEqual([
      'Accountability',
      'AI expertise',
      'Availability and quality of training and test data',
      'Environmental impact',
      'Fairness',
      'Maintainability',
      'Privacy',
      'Robustness',
      'Safety',
      'Security',
      'Transparency and explainability',
    ]);
    expect(list('annex-c-risk-sources').entries.map((e) => e.ref)).toEqual(
      Array.from({ length: 7 }, (_, i) => `C.3.${i + 1}`),
    );
  });
});

describe('the other shipped frameworks', () => {
  it('has NIST AI RMF 1.0 with 4 functions, 19 categories and 72 subcategories', () => {
    const nist = catalog.framework('nist-ai-rmf')!;
    const count = (kind: string) => nist.items.filter((i) => i.kind === kind).length;
    expect([count('function'), count('category'), count('subcategory')]).toEqual([4, 19, 72]);
    const perFunction = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map(
      (f) => nist.items.filter((i) => i.kind === 'subcategory' && i.ref.startsWith(`${f} `)).length,
    );
    expect(perFunction).toEqual([19, 18, 22, 13]);
  });

  it('has the EU AI Act articles the crosswalk needs', () => {
    const act = catalog.framework('eu-ai-act')!;
    expect(act.items.map((i) => i.ref)).toEqual([
      'Art. 4',
      'Art. 9',
      'Art. 10',
      'Art. 11',
      'Art. 12',
      'Art. 13',
      'Art. 14',
      'Art. 15',
      'Art. 17',
      'Art. 26',
      'Art. 27',
      'Art. 72',
      'Art. 73',
    ]);
  });

  it('has ISO/IEC 27001:2022 clauses 4–10 with the same numbering, and no impact assessment', () => {
    const isms = catalog.framework('iso27001')!;
    const refs = new Set(isms.items.map((i) => i.ref));
    for (const [ref] of SUBCLAUSES) expect(refs.has(ref), ref).toBe(!['6.1.4', '8.4'].includes(ref));
  });
});

describe('crosswalks', () => {
  it('ships the three crosswalks into ISO/IEC 42001', () => {
    expect(loaded.crosswalks.map((c) => `${c.source}→${c.target}`).sort()).toEqual([
      'eu-ai-act→iso42001',
      'iso27001→iso42001',
      'nist-ai-rmf→iso42001',
    ]);
  });

  it('points every link at existing refs on both sides, with a rationale', () => {
    for (const cw of loaded.crosswalks) {
      for (const l of cw.links) {
        expect(catalog.item(cw.source, l.source), `${cw.id}: ${l.source}`).toBeDefined();
        expect(catalog.item(cw.target, l.target), `${cw.id}: ${l.target}`).toBeDefined();
        expect(l.rationale.length, `${cw.id}: ${l.source}→${l.target}`).toBeGreaterThan(10);
      }
    }
  });

  it('maps every NIST subcategory and reaches every Annex A control from NIST', () => {
    const cw = loaded.crosswalks.find((c) => c.source === 'nist-ai-rmf')!;
    const mapped = new Set(cw.links.map((l) => l.source));
    for (const sub of catalog.framework('nist-ai-rmf')!.items.filter((i) => i.kind === 'subcategory'))
      expect(mapped.has(sub.ref), sub.ref).toBe(true);
    const targets = new Set(cw.links.map((l) => l.target));
    for (const [ref] of CONTROLS) expect(targets.has(ref), ref).toBe(true);
  });

  it('shows a link from both ends, with the relationship turned around', () => {
    const cw = loaded.crosswalks.find((c) => c.source === 'nist-ai-rmf')!;
    const link = cw.links.find((l) => l.relationship === 'subset' || l.relationship === 'superset')!;
    const fromIso = catalog
      .linksOf('iso42001', link.target)
      .find((l) => l.frameworkId === 'nist-ai-rmf' && l.ref === link.source)!;
    expect(fromIso.direction).toBe('incoming');
    expect(fromIso.relationship).toBe(link.relationship === 'subset' ? 'superset' : 'subset');
  });
});

describe('search', () => {
  it('finds an item by ref, by title words and by guidance words, best match first', () => {
    expect(catalog.search('A.6.2.8')[0]).toMatchObject({ frameworkId: 'iso42001', ref: 'A.6.2.8' });
    expect(
      catalog
        .search('impact assessment', { frameworkId: 'iso42001' })
        .slice(0, 6)
        .map((h) => h.ref),
    ).toEqual(expect.arrayContaining(['6.1.4', '8.4']));
    expect(catalog.search('statement of applicability', { frameworkId: 'iso42001' }).map((h) => h.ref)).toContain(
      '6.1.3',
    );
    expect(catalog.search('zzzz-nothing')).toEqual([]);
  });
});

describe('OSCAL export', () => {
  const schema = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../oscal-schema/oscal_catalog_schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  for (const id of ['iso42001', 'nist-ai-rmf', 'eu-ai-act', 'iso27001']) {
    it(`exports ${id} as a catalog that validates against the OSCAL 1.0.6 schema`, () => {
      const doc = JSON.parse(
        JSON.stringify(toOscalCatalog(catalog.framework(id)!, { lastModified: '2026-11-28T00:00:00Z' })),
      ) as unknown;
      const ok = validate(doc);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('carries all 70 assessable items of ISO/IEC 42001 as controls, with guidance parts', () => {
    const doc = toOscalCatalog(iso, { lastModified: '2026-11-28T00:00:00Z' });
    const controls: { id: string; parts?: { name: string }[] }[] = [];
    const walk = (g: { groups?: unknown[]; controls?: unknown[] }) => {
      for (const c of (g.controls ?? []) as { id: string; parts?: { name: string }[] }[]) controls.push(c);
      for (const sub of (g.groups ?? []) as { groups?: unknown[]; controls?: unknown[] }[]) walk(sub);
    };
    walk(doc.catalog);
    expect(controls).toHaveLength(70);
    expect(controls.find((c) => c.id === 'a.6.2.4')!.parts!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['statement', 'guidance', 'assessment-objective']),
    );
    expect(controls.find((c) => c.id === 'clause-6.1.4')).toBeDefined();
    expect(toOscalCatalog(iso, { lastModified: '2026-11-28T00:00:00Z' }).catalog.uuid).toBe(doc.catalog.uuid);
  });
});
