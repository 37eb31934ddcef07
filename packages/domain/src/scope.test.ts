import { describe, expect, it } from 'vitest';
import {
  composeScopeStatement,
  EMPTY_SCOPE,
  scopeWarnings,
  ZScopeExclusion,
  ZUpdateScope,
  type ScopeContent,
} from './scope';

const systems = [
  { id: 's1', name: 'Claims triage', intendedPurpose: 'Route claims', lifecycleStage: 'operation' },
  { id: 's2', name: 'Chatbot', intendedPurpose: 'Answer customers', lifecycleStage: 'deployment' },
  { id: 's3', name: 'Pricing model', intendedPurpose: 'Price policies', lifecycleStage: 'design' },
  { id: 's4', name: 'Old scorer', intendedPurpose: 'Score', lifecycleStage: 'operation', status: 'archived' },
];

describe('scope warnings (4.3)', () => {
  it('warns about each live system left out with no reason, and nothing else', () => {
    expect(scopeWarnings(EMPTY_SCOPE, systems)).toEqual([
      {
        aiSystemId: 's1',
        name: 'Claims triage',
        message:
          'Claims triage is in operation but outside the scope, with no reason given. Add it to the scope or say why it is left out.',
      },
      expect.objectContaining({ aiSystemId: 's2', name: 'Chatbot' }),
    ]);
  });

  it('is satisfied by the system in scope or a reason, but not by a blank reason', () => {
    const scope: ScopeContent = {
      ...EMPTY_SCOPE,
      aiSystemIds: ['s1'],
      outOfScope: [{ aiSystemId: 's2', reason: '  ' }],
    };
    expect(scopeWarnings(scope, systems).map((w) => w.aiSystemId)).toEqual(['s2']);
    const explained = { ...scope, outOfScope: [{ aiSystemId: 's2', reason: 'Run by our parent company' }] };
    expect(scopeWarnings(explained, systems)).toEqual([]);
  });
});

describe('the scope statement', () => {
  it('says "the whole organization" and "no AI system" for an empty scope', () => {
    expect(
      composeScopeStatement({ organizationName: 'Acme', aiRoles: [], scope: EMPTY_SCOPE, aiSystems: systems }),
    ).toBe(
      'The AI management system of Acme covers the whole organization.\n\nNo AI system has been placed in scope yet.',
    );
  });

  it('writes every part in plain sentences, lists joined with "and"', () => {
    const scope: ScopeContent = {
      units: ['claims department'],
      sites: ['Lyon', 'Porto', 'Gdańsk'],
      aiSystemIds: ['s1'],
      processes: ['claims handling'],
      productsServices: ['motor insurance'],
      interfaces: ['the group IT', 'a cloud provider'],
      exclusions: [{ item: 'Marketing', justification: 'Uses no AI' }],
      outOfScope: [
        { aiSystemId: 's2', reason: 'Run by the parent company' },
        { aiSystemId: 'gone', reason: 'Retired' },
      ],
    };
    expect(
      composeScopeStatement({ organizationName: 'Acme', aiRoles: ['provider', 'customer'], scope, aiSystems: systems }),
    ).toBe(
      [
        'The AI management system of Acme covers the claims department at Lyon, Porto and Gdańsk in its roles as AI provider and customer.',
        'It covers these AI systems:\n- Claims triage: Route claims',
        'Processes in scope: claims handling.',
        'Products and services in scope: motor insurance.',
        'Interfaces and dependencies with activities outside the scope: the group IT and a cloud provider.',
        'Excluded from the scope, with the reasons:\n- Marketing: Uses no AI\n- Chatbot: Run by the parent company\n- An AI system no longer in the inventory: Retired',
      ].join('\n\n'),
    );
  });

  it('uses the singular for one role', () => {
    expect(
      composeScopeStatement({ organizationName: 'Acme', aiRoles: ['producer'], scope: EMPTY_SCOPE, aiSystems: [] }),
    ).toContain('covers the whole organization in its role as AI producer.');
  });
});

describe('scope input', () => {
  it('asks each exclusion for a justification, and names an empty entry by its label', () => {
    expect(ZScopeExclusion.safeParse({ item: 'HR', justification: ' ' }).error?.issues[0]?.message).toBe(
      'Each exclusion needs a justification: say why it is outside the AIMS',
    );
    expect(ZUpdateScope.safeParse({ version: 0, sites: [' '] }).error?.issues[0]).toMatchObject({
      path: ['sites', 0],
      message: 'Site must not be empty',
    });
    expect(ZUpdateScope.safeParse({ version: 0, units: Array(101).fill('x') }).error?.issues[0]?.message).toBe(
      'At most 100 entries in organizational units',
    );
    expect(ZUpdateScope.safeParse({ version: 0, units: Array(100).fill('x') }).success).toBe(true);
  });
});
