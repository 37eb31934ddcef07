import { describe, expect, it } from 'vitest';
import { ZUpdateAudit, ZUpdateChecklistItem, ZUpdateProgramme } from './audits';
import { ZUpdateEngagement } from './certification';
import { ZUpdateCertAudit, ZUpdateCertFinding, ZUpdateCertificate } from './certification-cycle';
import { ZUpdateMetric } from './monitoring';
import { ZUpdateImprovement, ZUpdateNonconformity } from './nonconformities';

// An update sends back the version it read. These schemas were once built with
// `.partial().required({ version: true })`, which wraps the field: a request without a version was
// answered "expected nonoptional, received undefined" instead of the field's own words.
const SCHEMAS = {
  ZUpdateNonconformity,
  ZUpdateImprovement,
  ZUpdateEngagement,
  ZUpdateCertAudit,
  ZUpdateCertFinding,
  ZUpdateCertificate,
  ZUpdateMetric,
  ZUpdateAudit,
  ZUpdateChecklistItem,
};

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('update schemas: the version', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    describe(name, () => {
      it('answers a missing version with the version field’s own message', () => {
        expect(issues(schema.safeParse({}))).toEqual([
          { path: 'version', message: 'version is required: send the version you read' },
        ]);
      });
      it('refuses a version that is not a whole number from 0', () => {
        for (const version of [-1, 1.5])
          expect(issues(schema.safeParse({ version }))).toEqual([
            { path: 'version', message: 'version must be the version you read: a whole number from 0' },
          ]);
      });
      it('accepts a version alone, and still refuses an unknown field', () => {
        expect(schema.parse({ version: 4 })).toEqual({ version: 4 });
        expect(schema.safeParse({ version: 4, colour: 'red' }).success).toBe(false);
      });
    });
  }
});

describe('the audit programme update', () => {
  it('asks for the version it read, 0 before the first save', () => {
    expect(issues(ZUpdateProgramme.safeParse({}))).toEqual([
      { path: 'version', message: 'version is required: send the version you read (0 before the first save)' },
    ]);
    expect(ZUpdateProgramme.parse({ version: 0 })).toEqual({ version: 0 });
  });
});
