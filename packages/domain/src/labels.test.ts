import { describe, expect, it } from 'vitest';
import * as action from './action';
import * as aiLifecycle from './ai-lifecycle';
import * as aiSystemProfile from './ai-system-profile';
import * as auditFrequency from './audit-frequency';
import * as audits from './audits';
import * as certificationCycle from './certification-cycle';
import * as certification from './certification';
import * as competence from './competence';
import * as context from './context';
import * as controls from './controls';
import * as dataSets from './data-sets';
import * as documents from './documents';
import * as enums from './enums';
import * as euAiAct from './eu-ai-act';
import * as evidence from './evidence';
import * as gap from './gap';
import * as governance from './governance';
import * as impact from './impact';
import * as managementReview from './management-review';
import * as monitoring from './monitoring';
import * as nonconformities from './nonconformities';
import * as objectives from './objectives';
import * as permissions from './permissions';
import * as readiness from './readiness';
import * as risk from './risk';
import * as soa from './soa';
import * as suppliers from './suppliers';
import * as tasks from './tasks';

// Every label table (`…_LABELS`) is what a page shows for a stored value: each value it can hold needs
// a label, a label says something, and two values never read the same (a select would offer two
// identical options). The values come from the value list beside the table (`RISK_LEVELS` for
// `RISK_LEVEL_LABELS`); the few tables of a type with no list are written out here by hand.
// The modules are imported one by one, not through the index, so the mutation run (which runs the tests
// that import a mutated file) does not load the document generators for every label.

const domain = {
  ...action,
  ...aiLifecycle,
  ...aiSystemProfile,
  ...auditFrequency,
  ...audits,
  ...certificationCycle,
  ...certification,
  ...competence,
  ...context,
  ...controls,
  ...dataSets,
  ...documents,
  ...enums,
  ...euAiAct,
  ...evidence,
  ...gap,
  ...governance,
  ...impact,
  ...managementReview,
  ...monitoring,
  ...nonconformities,
  ...objectives,
  ...permissions,
  ...readiness,
  ...risk,
  ...soa,
  ...suppliers,
  ...tasks,
};

const HAND_WRITTEN: Record<string, readonly string[]> = {
  AI_SUB_ROLE_LABELS: Object.values(domain.AI_SUB_ROLES).flat(),
  RACI_LABELS: domain.RACI_LETTERS,
  INDIVIDUAL_EFFECT_LABELS: domain.INDIVIDUAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_LABELS: domain.SOCIETAL_EFFECT_AREAS,
  EVIDENCE_SUBJECT_LABELS: domain.EVIDENCE_SUBJECT_TYPES,
  LEGAL_BASIS_LABELS: domain.LEGAL_BASES,
  ANNEX_III_LABELS: domain.ANNEX_III_CATEGORIES,
  FINDING_STATE_LABELS: ['open', 'plan_accepted', 'closed', 'noted'],
  COVERAGE_STATE_LABELS: ['covered', 'stale', 'planned', 'never'],
  AUDIT_WEIGHT_LABELS: ['high', 'raised', 'normal'],
};

/** The value list a table labels: written out above, or the list named like the table. */
function valuesOf(table: string): readonly unknown[] | undefined {
  if (HAND_WRITTEN[table]) return HAND_WRITTEN[table];
  const base = table.slice(0, -'_LABELS'.length);
  const lists = domain as unknown as Record<string, unknown>;
  for (const name of [`${base}S`, `${base}ES`, `${base.replace(/Y$/, 'IES')}`]) {
    const list = lists[name];
    if (Array.isArray(list)) return list;
  }
  return undefined;
}

const tables = Object.entries(domain).filter(
  (entry): entry is [string, Record<string, string>] => entry[0].endsWith('_LABELS') && !Array.isArray(entry[1]),
);

describe('label tables', () => {
  it('are found (the check below would pass on none)', () => {
    expect(tables.length).toBeGreaterThan(60);
  });

  for (const [name, labels] of tables)
    it(`${name} labels exactly its values, each with its own non-blank label`, () => {
      const values = valuesOf(name);
      expect(values, `no value list found for ${name}: add it to HAND_WRITTEN`).toBeDefined();
      expect(Object.keys(labels)).toEqual([...values!]);
      for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
      expect(new Set(Object.values(labels)).size).toBe(values!.length);
    });

  it('labels the maturity levels 0 to 5 in order, each with its number', () => {
    expect(domain.MATURITY_LEVELS).toEqual([0, 1, 2, 3, 4, 5]);
    expect(domain.MATURITY_LABELS.map((l, i) => l.startsWith(`${i} · `) && l.length > 4)).toEqual(
      domain.MATURITY_LEVELS.map(() => true),
    );
  });
});
