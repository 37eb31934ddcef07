import { describe, expect, it } from 'vitest';
import { ZAiRoleDetermination, ZUpdateOrgContext } from './context';

const messages = (r: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('AI role determinations', () => {
  it('lists every sub-role of the role, comma-separated, when refusing another', () => {
    expect(
      messages(ZAiRoleDetermination.safeParse({ role: 'provider', subRoles: ['ai_user'], reason: 'We sell it' })),
    ).toEqual([
      'subRoles: "ai_user" is not a sub-role of provider; choose from: ai_platform_provider, ai_product_or_service_provider',
    ]);
  });

  it('lets the context be updated without touching the roles', () => {
    expect(ZUpdateOrgContext.parse({ version: 4, summary: 'Insurer using two models' })).toEqual({
      version: 4,
      summary: 'Insurer using two models',
    });
  });
});
