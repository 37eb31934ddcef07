import { describe, expect, it } from 'vitest';
import { ZCreateAiSystem, ZUpdateAiSystem } from './ai-system';

// What a new AI system and an update accept, and the words of each refusal, one bad field per case
// (the all-mutant Stryker run of ai-system.ts left 37 of 84 mutants alive: the schema's messages,
// bounds and defaults had no domain test).
const base = {
  name: 'Claims triage',
  intendedPurpose: 'Route claims.',
  aiRoles: ['provider'],
  lifecycleStage: 'design',
};
const refusal = (input: Record<string, unknown>) =>
  ZCreateAiSystem.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]);
const updateRefusal = (input: Record<string, unknown>) =>
  ZUpdateAiSystem.safeParse({ version: 1, ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('a new AI system', () => {
  it('takes the defaults for what is not sent', () => {
    expect(ZCreateAiSystem.parse(base)).toEqual({
      ...base,
      description: '',
      ownerId: null,
      jurisdictions: [],
      thirdParties: [],
      riskTier: 'unclassified',
      status: 'active',
      tags: [],
    });
  });

  it('keeps the longest values it allows, trimmed', () => {
    const input = {
      ...base,
      description: ` ${'d'.repeat(5000)} `,
      intendedPurpose: 'p'.repeat(2000),
      jurisdictions: Array.from({ length: 50 }, (_, i) => `${'j'.repeat(97)}${i}`.slice(-100)),
      thirdParties: [' '.repeat(3) + 't'.repeat(200)],
      tags: Array.from({ length: 30 }, (_, i) => `tag${i}`),
    };
    const out = ZCreateAiSystem.parse(input);
    expect(out.description).toBe('d'.repeat(5000));
    expect(out.thirdParties).toEqual(['t'.repeat(200)]);
    expect(out.jurisdictions).toHaveLength(50);
    expect(out.tags).toHaveLength(30);
  });

  it('refuses each bad text field in its own words', () => {
    expect(refusal({ description: 5 })).toEqual([['description', 'Description must be text']]);
    expect(refusal({ description: 'd'.repeat(5001) })).toEqual([
      ['description', 'Description must be at most 5000 characters'],
    ]);
    expect(refusal({ intendedPurpose: '  ' })).toEqual([['intendedPurpose', 'Intended purpose is required']]);
    expect(refusal({ intendedPurpose: 'p'.repeat(2001) })).toEqual([
      ['intendedPurpose', 'Intended purpose must be at most 2000 characters'],
    ]);
  });

  it('refuses each bad list in its own words', () => {
    expect(refusal({ aiRoles: ['seller'] })).toEqual([
      ['aiRoles.0', 'AI role must be one of: provider, producer, customer, partner, subject, relevant_authority'],
    ]);
    expect(refusal({ jurisdictions: 'EU' })).toEqual([['jurisdictions', 'Jurisdictions must be a list']]);
    expect(refusal({ jurisdictions: [' '] })).toEqual([['jurisdictions.0', 'Jurisdiction is required']]);
    expect(refusal({ jurisdictions: ['j'.repeat(101)] })).toEqual([
      ['jurisdictions.0', 'Jurisdiction must be at most 100 characters'],
    ]);
    expect(refusal({ jurisdictions: Array.from({ length: 51 }, (_, i) => `J${i}`) })).toEqual([
      ['jurisdictions', 'Jurisdictions can hold at most 50 entries'],
    ]);
    expect(refusal({ jurisdictions: ['EU', ' EU'] })).toEqual([
      ['jurisdictions', 'Jurisdictions lists an entry twice'],
    ]);
    expect(refusal({ thirdParties: [''] })).toEqual([['thirdParties.0', 'Third party is required']]);
    expect(refusal({ thirdParties: ['A', 'A'] })).toEqual([['thirdParties', 'Third parties lists an entry twice']]);
    expect(refusal({ thirdParties: Array.from({ length: 51 }, (_, i) => `T${i}`) })).toEqual([
      ['thirdParties', 'Third parties can hold at most 50 entries'],
    ]);
    expect(refusal({ tags: ['t'.repeat(51)] })).toEqual([['tags.0', 'Tag must be at most 50 characters']]);
    expect(refusal({ tags: ['x', 'x'] })).toEqual([['tags', 'Tags lists an entry twice']]);
    expect(refusal({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).toEqual([
      ['tags', 'Tags can hold at most 30 entries'],
    ]);
  });

  it('refuses a risk tier or status outside its list, naming the list', () => {
    expect(refusal({ riskTier: 'severe' })).toEqual([
      ['riskTier', 'Risk tier must be one of: unclassified, minimal, limited, high, prohibited'],
    ]);
    expect(refusal({ status: 'gone' })).toEqual([['status', 'Status must be one of: draft, active, archived']]);
  });
});

describe('an update of an AI system', () => {
  it('asks for the version read, and refuses the same bad fields in the same words', () => {
    expect(ZUpdateAiSystem.safeParse({}).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(updateRefusal({ description: 'd'.repeat(5001) })).toEqual([
      ['description', 'Description must be at most 5000 characters'],
    ]);
    expect(updateRefusal({ jurisdictions: [''] })).toEqual([['jurisdictions.0', 'Jurisdiction is required']]);
    expect(updateRefusal({ jurisdictions: ['EU', 'EU'] })).toEqual([
      ['jurisdictions', 'Jurisdictions lists an entry twice'],
    ]);
    expect(updateRefusal({ thirdParties: ['t'.repeat(201)] })).toEqual([
      ['thirdParties.0', 'Third party must be at most 200 characters'],
    ]);
    expect(updateRefusal({ thirdParties: ['A', 'A'] })).toEqual([
      ['thirdParties', 'Third parties lists an entry twice'],
    ]);
    expect(updateRefusal({ tags: [' '] })).toEqual([['tags.0', 'Tag is required']]);
    expect(updateRefusal({ tags: ['x', 'x'] })).toEqual([['tags', 'Tags lists an entry twice']]);
    expect(ZUpdateAiSystem.parse({ version: 2, description: '  new  ' })).toEqual({ version: 2, description: 'new' });
  });
});
