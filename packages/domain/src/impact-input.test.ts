import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  IMPACT_STATUSES,
  IMPACT_TRIGGERS,
  IMPACT_TRIGGER_LABELS,
  INDIVIDUAL_EFFECT_AREAS,
  INDIVIDUAL_EFFECT_LABELS,
  SOCIETAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_LABELS,
  ZAffectedGroup,
  ZImpactFields,
  ZUpdateImpact,
} from './impact';

// What an impact assessment accepts (new, update, an affected group), the words of each refusal, one
// bad field per case, the defaults, the labels and the API description a user reads; the
// all-mutant Stryker run of impact.ts left them untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);
const TEXTS = {
  intendedUse: 5000,
  foreseeableMisuse: 5000,
  societalNotApplicable: 2000,
  mitigations: 5000,
  conclusion: 5000,
  title: 200,
};

describe('the labels of an assessment', () => {
  it('names each trigger and effect area', () => {
    expect(IMPACT_TRIGGERS.map((t) => IMPACT_TRIGGER_LABELS[t])).toEqual([
      'New AI system',
      'Significant change',
      'Periodic review',
    ]);
    expect(INDIVIDUAL_EFFECT_AREAS.map((a) => INDIVIDUAL_EFFECT_LABELS[a])).toEqual([
      'Fairness',
      'Transparency',
      'Privacy and security',
      'Safety and health',
      'Accessibility',
      'Human rights',
    ]);
    expect(SOCIETAL_EFFECT_AREAS.map((a) => SOCIETAL_EFFECT_LABELS[a])).toEqual([
      'Environment and sustainability',
      'Economy and employment',
      'Government and democratic processes',
      'Health and safety',
      'Culture, norms and values',
    ]);
    expect(IMPACT_STATUSES).toEqual(['draft', 'signed_off']);
  });

  it('tells an API client what the not-applicable reason is', () => {
    const schema = z.toJSONSchema(ZImpactFields, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    expect(schema.properties.societalNotApplicable?.description).toBe(
      'why the societal section does not apply to this AI system; empty when it is answered',
    );
  });
});

describe('a new assessment', () => {
  it('starts empty and unrated, for one AI system and a trigger', () => {
    expect(ZImpactFields.parse({ aiSystemId: 's1', trigger: 'periodic' })).toEqual({
      aiSystemId: 's1',
      title: '',
      trigger: 'periodic',
      intendedUse: '',
      foreseeableMisuse: '',
      affectedGroups: [],
      societalEffects: {},
      societalNotApplicable: '',
      severity: null,
      likelihood: null,
      mitigations: '',
      conclusion: '',
      retentionUntil: null,
    });
  });

  it('takes each text up to its limit, trimmed, ratings from 1 to 5 and up to 50 groups', () => {
    const full = Object.fromEntries(Object.entries(TEXTS).map(([k, n]) => [k, ` ${'x'.repeat(n)} `]));
    const out = ZImpactFields.parse({
      aiSystemId: 's'.repeat(64),
      trigger: 'new_system',
      ...full,
      severity: 5,
      likelihood: 1,
      societalEffects: { environment: ` ${'e'.repeat(3000)} ` },
      affectedGroups: Array(50).fill({ group: 'g' }),
      retentionUntil: '2032-12-31',
    });
    for (const [k, n] of Object.entries(TEXTS)) expect(out[k as keyof typeof out]).toBe('x'.repeat(n));
    expect(out).toMatchObject({ severity: 5, likelihood: 1, societalEffects: { environment: 'e'.repeat(3000) } });
    expect(out.affectedGroups).toHaveLength(50);
  });

  it('refuses each bad field in its own words', () => {
    const ok = { aiSystemId: 's1', trigger: 'periodic' };
    expect(messages(ZImpactFields.safeParse({ trigger: 'periodic' }))).toEqual([
      ['aiSystemId', 'aiSystemId is required: an impact assessment is about one AI system'],
    ]);
    expect(ZImpactFields.safeParse({ ...ok, aiSystemId: '' }).success).toBe(false);
    expect(ZImpactFields.safeParse({ ...ok, aiSystemId: 's'.repeat(65) }).success).toBe(false);
    expect(messages(ZImpactFields.safeParse({ ...ok, trigger: 'audit' }))).toEqual([
      ['trigger', 'trigger must be one of: new_system, significant_change, periodic'],
    ]);
    for (const [k, n] of Object.entries(TEXTS))
      expect(messages(ZImpactFields.safeParse({ ...ok, [k]: 'x'.repeat(n + 1) }))).toEqual([
        [k, `At most ${n} characters`],
      ]);
    for (const r of ['severity', 'likelihood']) {
      expect(messages(ZImpactFields.safeParse({ ...ok, [r]: 2.5 }))).toEqual([[r, `${r} must be a whole number`]]);
      expect(messages(ZImpactFields.safeParse({ ...ok, [r]: 0 }))).toEqual([[r, `${r} must be at least 1`]]);
      expect(messages(ZImpactFields.safeParse({ ...ok, [r]: 6 }))).toEqual([[r, `${r} must be at most 5`]]);
    }
    expect(messages(ZImpactFields.safeParse({ ...ok, societalEffects: { weather: 'x' } }))).toEqual([
      // Zod 4 answers an unknown key of an enum-keyed record in its own words; the list in the schema is never shown.
      ['societalEffects', 'Unrecognized key: "weather"'],
    ]);
    expect(messages(ZImpactFields.safeParse({ ...ok, societalEffects: { culture: 'x'.repeat(3001) } }))).toEqual([
      ['societalEffects.culture', 'At most 3000 characters'],
    ]);
    expect(ZImpactFields.safeParse({ ...ok, affectedGroups: Array(51).fill({ group: 'g' }) }).success).toBe(false);
    expect(messages(ZImpactFields.safeParse({ ...ok, retentionUntil: '2032-13-01' }))).toEqual([
      ['retentionUntil', 'Keep until must be a real date written year-month-day, such as 2032-12-31'],
    ]);
  });
});

describe('an affected group', () => {
  it('is not vulnerable and has no answers by default', () => {
    expect(ZAffectedGroup.parse({ group: ' Applicants ' })).toEqual({
      group: 'Applicants',
      vulnerable: false,
      effects: {},
    });
    expect(
      ZAffectedGroup.parse({
        group: 'g'.repeat(200),
        vulnerable: true,
        effects: { fairness: ` ${'f'.repeat(3000)} ` },
      }),
    ).toEqual({ group: 'g'.repeat(200), vulnerable: true, effects: { fairness: 'f'.repeat(3000) } });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZAffectedGroup.safeParse({}))).toEqual([['group', 'Name the affected individuals or group']]);
    expect(messages(ZAffectedGroup.safeParse({ group: '  ' }))).toEqual([
      ['group', 'Name the affected individuals or group'],
    ]);
    expect(ZAffectedGroup.safeParse({ group: 'g'.repeat(201) }).success).toBe(false);
    expect(messages(ZAffectedGroup.safeParse({ group: 'g', effects: { mood: 'x' } }))).toEqual([
      ['effects', 'Unrecognized key: "mood"'],
    ]);
    expect(messages(ZAffectedGroup.safeParse({ group: 'g', effects: { privacy: 'x'.repeat(3001) } }))).toEqual([
      ['effects.privacy', 'At most 3000 characters'],
    ]);
  });
});

describe('an update', () => {
  it('changes any field with the version read, without defaults', () => {
    expect(ZUpdateImpact.parse({ version: 1 })).toEqual({ version: 1 });
    expect(
      ZUpdateImpact.parse({ version: 1, conclusion: ' ok ', severity: null, societalEffects: { health: 'h' } }),
    ).toEqual({ version: 1, conclusion: 'ok', severity: null, societalEffects: { health: 'h' } });
    const full = Object.fromEntries(Object.entries(TEXTS).map(([k, n]) => [k, 'x'.repeat(n)]));
    expect(ZUpdateImpact.parse({ version: 1, ...full, affectedGroups: Array(50).fill({ group: 'g' }) })).toMatchObject(
      full,
    );
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZUpdateImpact.safeParse({ title: 't' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    for (const [k, n] of Object.entries(TEXTS))
      expect(messages(ZUpdateImpact.safeParse({ version: 1, [k]: 'x'.repeat(n + 1) }))).toEqual([
        [k, `At most ${n} characters`],
      ]);
    for (const r of ['severity', 'likelihood']) {
      expect(messages(ZUpdateImpact.safeParse({ version: 1, [r]: 1.5 }))).toEqual([[r, `${r} must be a whole number`]]);
      expect(messages(ZUpdateImpact.safeParse({ version: 1, [r]: 0 }))).toEqual([[r, `${r} must be at least 1`]]);
      expect(messages(ZUpdateImpact.safeParse({ version: 1, [r]: 6 }))).toEqual([[r, `${r} must be at most 5`]]);
    }
    expect(ZUpdateImpact.safeParse({ version: 1, affectedGroups: Array(51).fill({ group: 'g' }) }).success).toBe(false);
    expect(messages(ZUpdateImpact.safeParse({ version: 1, retentionUntil: 'never' }))).toEqual([
      ['retentionUntil', 'Keep until must be a real date written year-month-day, such as 2032-12-31'],
    ]);
    expect(messages(ZUpdateImpact.safeParse({ version: 1, trigger: 'x' }))).toEqual([
      ['trigger', 'trigger must be one of: new_system, significant_change, periodic'],
    ]);
  });
});
