import { describe, expect, it } from 'vitest';
import { splitCsvList, ZCreateAiSystem, ZUpdateAiSystem } from './ai-system';

const valid = {
  name: ' Fraud model ',
  intendedPurpose: 'Flag suspicious payments',
  aiRoles: ['provider'],
  lifecycleStage: 'operation',
};

describe('AI system schema', () => {
  it('trims text and fills defaults', () => {
    const v = ZCreateAiSystem.parse(valid);
    expect(v).toMatchObject({
      name: 'Fraud model',
      description: '',
      riskTier: 'unclassified',
      status: 'active',
      tags: [],
      ownerId: null,
    });
  });

  it('explains each problem in words a user can act on', () => {
    const r = ZCreateAiSystem.safeParse({ ...valid, name: '', aiRoles: [], lifecycleStage: 'later', extra: 1 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/Name is required/);
    expect(messages).toMatch(/at least one AI role/);
    expect(messages).toMatch(/Lifecycle stage must be one of/);
    expect(messages).toMatch(/extra/);
  });

  it('requires the version on update and allows partial changes', () => {
    expect(ZUpdateAiSystem.safeParse({ name: 'x' }).success).toBe(false);
    expect(ZUpdateAiSystem.parse({ version: 3, riskTier: 'high' })).toEqual({ version: 3, riskTier: 'high' });
  });

  it('splits CSV list cells on semicolons', () => {
    expect(splitCsvList(' provider;  customer ;;')).toEqual(['provider', 'customer']);
  });
});

describe("messages in the field's words (issue 18)", () => {
  it('says an empty lifecycle stage is required, not "must be one of"', () => {
    const r = ZCreateAiSystem.safeParse({ name: 'X', intendedPurpose: 'Y', aiRoles: ['provider'], lifecycleStage: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === 'lifecycleStage')!.message).toBe(
      'Lifecycle stage is required: choose the stage the system is in',
    );
  });
});
