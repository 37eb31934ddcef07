import { describe, expect, it } from 'vitest';
import { ZCreateAiSystem } from './ai-system';
import { LIFECYCLE_STAGES } from './enums';
import { ZSavedViewState } from './saved-views';
import { composeScopeStatement, EMPTY_SCOPE } from './scope';

// Rules of the smaller domain files the mutation run showed untested.

describe('an AI system', () => {
  const valid = {
    name: 'Fraud model',
    intendedPurpose: 'Flag payments',
    aiRoles: ['provider'],
    lifecycleStage: 'idea',
  };
  const messageOf = (input: unknown, field: string) => {
    const r = ZCreateAiSystem.safeParse(input);
    return r.error?.issues.filter((i) => i.path[0] === field).map((i) => i.message);
  };

  it('asks for a lifecycle stage that is missing or null, and lists the stages for a wrong one', () => {
    const { lifecycleStage: _, ...withoutStage } = valid;
    expect(messageOf(withoutStage, 'lifecycleStage')).toEqual([
      'Lifecycle stage is required: choose the stage the system is in',
    ]);
    expect(messageOf({ ...valid, lifecycleStage: null }, 'lifecycleStage')).toEqual([
      'Lifecycle stage is required: choose the stage the system is in',
    ]);
    expect(messageOf({ ...valid, lifecycleStage: 'later' }, 'lifecycleStage')).toEqual([
      'Lifecycle stage must be one of: idea, design, development, verification, deployment, operation, retired',
    ]);
    expect(LIFECYCLE_STAGES).toHaveLength(7);
  });

  it('refuses a role listed twice', () => {
    expect(messageOf({ ...valid, aiRoles: ['provider', 'provider'] }, 'aiRoles')).toEqual([
      'AI roles lists an entry twice',
    ]);
  });
});

describe('a saved view', () => {
  const filters = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 'x']));

  it('keeps up to 30 filters', () => {
    expect(ZSavedViewState.safeParse({ filters: filters(30) }).success).toBe(true);
    expect(ZSavedViewState.safeParse({ filters: filters(31) }).error?.issues.map((i) => i.message)).toEqual([
      'A view keeps at most 30 filters',
    ]);
  });
});

describe('the scope statement', () => {
  it('lists each AI system in scope on its own line', () => {
    const aiSystems = [
      { id: 's1', name: 'Claims triage', intendedPurpose: 'Route claims', lifecycleStage: 'operation' },
      { id: 's2', name: 'Chatbot', intendedPurpose: 'Answer customers', lifecycleStage: 'operation' },
    ];
    expect(
      composeScopeStatement({
        organizationName: 'Acme',
        aiRoles: [],
        scope: { ...EMPTY_SCOPE, aiSystemIds: ['s1', 's2'] },
        aiSystems,
      }).split('\n\n')[1],
    ).toBe('It covers these AI systems:\n- Claims triage: Route claims\n- Chatbot: Answer customers');
  });
});
