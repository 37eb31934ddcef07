import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from './builtin';
import { loadDocumentTypes, parseDocumentType } from './document-types';

const types = loadDocumentTypes();
const iso = loadBuiltinCatalog().frameworks.find((f) => f.id === 'iso42001')!;
const refs = new Set(iso.items.map((i) => i.ref));
const mandatory = new Set(iso.documents.map((d) => d.id));

describe('the shipped AIMS document types', () => {
  it('has every type the documentation step needs', () => {
    expect(types.map((t) => t.id).sort()).toEqual(
      [
        'ai-policy',
        'aims-manual',
        'aims-scope',
        'communication-plan',
        'competence-procedure',
        'data-management-procedure',
        'document-control-procedure',
        'impact-assessment-procedure',
        'incident-communication-procedure',
        'internal-audit-procedure',
        'internal-audit-report',
        'management-review-minutes',
        'lifecycle-procedure',
        'management-review-procedure',
        'nonconformity-procedure',
        'objectives-plan',
        'risk-methodology',
        'risk-treatment-plan',
        'roles-responsibilities',
        'statement-of-applicability',
        'third-party-procedure',
      ].sort(),
    );
  });

  it('cites only clauses and controls that exist in the catalogue', () => {
    const dangling = types.flatMap((t) => t.refs.filter((r) => !refs.has(r)).map((r) => `${t.id}: ${r}`));
    expect(dangling).toEqual([]);
  });

  it('meets only mandatory documented information the catalogue lists', () => {
    const unknown = types.flatMap((t) => t.meets.filter((m) => !mandatory.has(m)).map((m) => `${t.id}: ${m}`));
    expect(unknown).toEqual([]);
  });

  it('gives each type its own prefix, and registers a renderer', () => {
    expect(new Set(types.map((t) => t.prefix)).size).toBe(types.length);
    for (const t of types.filter((x) => x.kind === 'register')) expect(t.register).toBeTruthy();
  });

  it('keeps the internal audit report as a record of the audit results (9.2.2), frozen at sign-off', () => {
    const report = types.find((t) => t.id === 'internal-audit-report')!;
    expect(report).toMatchObject({ kind: 'record', refs: ['9.2'], meets: ['internal-audit-records'] });
    expect(report.sections).toEqual([]);
  });

  it('refuses a type file with a wrong field, naming the file and the field', () => {
    const bad =
      'format: fortytwo/document-type@1\nid: x-policy\nprefix: pol\ntitle: X\nkind: narrative\nsummary: s\nrefs: ["5.2"]\nbasis: available\nownerRole: manager\napproverRole: approver\nreviewMonths: 12\nretention: r\n';
    expect(() => parseDocumentType('document-types/x-policy.yaml', bad)).toThrow(
      /document-types\/x-policy.yaml: prefix: must be 2–5 capital letters.*sections: a narrative document needs its sections/,
    );
    expect(() =>
      parseDocumentType(
        'document-types/other.yaml',
        bad.replace('prefix: pol', 'prefix: POL').replace('kind: narrative', 'kind: register\nregister: scope'),
      ),
    ).toThrow(/must match the file name/);
  });
});
