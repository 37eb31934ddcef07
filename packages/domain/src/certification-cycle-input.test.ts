import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ZCertAuditFields,
  ZCertFindingFields,
  ZCertificateFields,
  ZUpdateCertAudit,
  ZUpdateCertFinding,
  ZUpdateCertificate,
} from './certification-cycle';

// What the certification audit, finding and certificate inputs accept, and the words of each refusal:
// one bad field per case, so the answer names exactly that field.

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const date = (label: string) => `${label} must be a real date written year-month-day, such as 2027-03-31`;

describe('a certification audit', () => {
  it('is planned, without dates, team or conclusion unless sent; texts and names are trimmed', () => {
    expect(ZCertAuditFields.parse({ kind: 'stage1' })).toEqual({
      kind: 'stage1',
      status: 'planned',
      startDate: null,
      endDate: null,
      dueBy: null,
      team: [],
      conclusion: '',
    });
    expect(
      ZCertAuditFields.parse({ kind: 'stage2', team: [{ name: ' Ana ', role: ' Lead ' }], conclusion: ' ok ' }),
    ).toMatchObject({ team: [{ name: 'Ana', role: 'Lead' }], conclusion: 'ok' });
    expect(ZCertAuditFields.safeParse({ kind: 'stage2', team: Array(50).fill({ name: 'A', role: '' }) }).success).toBe(
      true,
    );
    expect(ZCertAuditFields.safeParse({ kind: 'stage2', team: [{ name: long(200), role: long(100) }] }).success).toBe(
      true,
    );
    expect(ZCertAuditFields.safeParse({ kind: 'stage2', team: [{ name: long(201), role: '' }] }).success).toBe(false);
  });
  it.each([
    [{ kind: 'audit' }, 'kind', 'Audit must be one of: stage1, stage2, surveillance1, surveillance2, recertification'],
    [{ status: 'late' }, 'status', 'Status must be one of: planned, done, cancelled'],
    [{ startDate: '2027-02-30' }, 'startDate', date('First audit day')],
    [{ endDate: '2027-02-30' }, 'endDate', date('Last audit day')],
    [{ dueBy: '2027-02-30' }, 'dueBy', date('Due by')],
    [{ team: [{ name: ' ', role: '' }] }, 'team.0.name', 'Each auditor needs a name'],
    [{ team: [{ name: 'Ana', role: 5 }] }, 'team.0.role', 'Auditor role must be text'],
    [{ team: [{ name: 'Ana', role: long(101) }] }, 'team.0.role', 'Auditor role must be at most 100 characters'],
    [{ team: Array(51).fill({ name: 'A', role: '' }) }, 'team', 'At most 50 auditors'],
    [{ conclusion: 5 }, 'conclusion', 'Conclusion must be text'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCertAuditFields, { kind: 'stage1', ...bad })).toEqual([[path, message]]);
  });
  it('refuses the same on an update', () => {
    expect(issues(ZUpdateCertAudit, { version: 1, status: 'late' })).toEqual([
      ['status', 'Status must be one of: planned, done, cancelled'],
    ]);
  });
});

describe('a certification finding', () => {
  const f = { grade: 'minor', clauseRef: '6.1.4', title: 'Impact assessment not repeated' };
  it('fills what is not sent, trimmed', () => {
    expect(ZCertFindingFields.parse({ ...f, clauseRef: ' A.5.2 ', statement: ' s ', evidence: ' e ' })).toEqual({
      ...f,
      clauseRef: 'A.5.2',
      statement: 's',
      evidence: 'e',
      ownerId: null,
      cbDeadline: null,
    });
    expect(ZCertFindingFields.parse(f)).toMatchObject({ statement: '', evidence: '' });
    expect(ZCertFindingFields.safeParse({ ...f, clauseRef: long(40), title: long(300) }).success).toBe(true);
  });
  it.each([
    [{ grade: 'critical' }, 'grade', 'Grade must be major, minor or ofi'],
    [{ clauseRef: undefined }, 'clauseRef', 'Clause or control is required'],
    [{ clauseRef: ' ' }, 'clauseRef', 'Clause or control is required, such as 6.1.4 or A.5.2'],
    [{ clauseRef: long(41) }, 'clauseRef', 'Clause or control must be at most 40 characters'],
    [{ title: undefined }, 'title', 'Title is required'],
    [{ title: ' ' }, 'title', 'Title is required: say in a line what the auditor found'],
    [{ title: long(301) }, 'title', 'Title must be at most 300 characters'],
    [{ statement: 5 }, 'statement', 'Statement must be text'],
    [{ evidence: long(5001) }, 'evidence', 'Evidence must be at most 5000 characters'],
    [{ ownerId: '' }, 'ownerId', 'Owner: send the id of a member of this organization'],
    [{ cbDeadline: 'soon' }, 'cbDeadline', date('CB deadline')],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCertFindingFields, { ...f, ...bad })).toEqual([[path, message]]);
  });
  it.each([
    [{ clauseRef: '' }, 'clauseRef', 'Clause or control is required, such as 6.1.4 or A.5.2'],
    [{ title: '' }, 'title', 'Title is required: say in a line what the auditor found'],
    [{ statement: 5 }, 'statement', 'Statement must be text'],
    [{ evidence: 5 }, 'evidence', 'Evidence must be text'],
    [{ cbDeadline: 'soon' }, 'cbDeadline', date('CB deadline')],
    [{ cbAcceptedOn: 'soon' }, 'cbAcceptedOn', date('Accepted by the CB on')],
  ])('refuses the update %j', (bad, path, message) => {
    expect(issues(ZUpdateCertFinding, { version: 1, ...bad })).toEqual([[path, message]]);
  });
});

describe('a certificate', () => {
  const c = { certificateNumber: 'C-1', decisionDate: '2027-03-15', issueDate: '2027-03-20' };
  it('leaves the expiry, the body and the accreditation to the defaults the service fills', () => {
    expect(ZCertificateFields.parse({ ...c, certificateNumber: ' C-1 ', scope: ' AIMS ', cbName: ' CB ' })).toEqual({
      ...c,
      expiryDate: null,
      scope: 'AIMS',
      cbName: 'CB',
    });
    expect(ZCertificateFields.parse(c)).toEqual({ ...c, expiryDate: null, scope: '', cbName: '' });
    expect(ZCertificateFields.parse({ ...c, accredited: true }).accredited).toBe(true);
    expect(ZCertificateFields.safeParse({ ...c, certificateNumber: long(100), cbName: long(200) }).success).toBe(true);
  });
  it.each([
    [{ certificateNumber: undefined }, 'certificateNumber', 'Certificate number is required'],
    [{ certificateNumber: ' ' }, 'certificateNumber', 'Certificate number is required'],
    [{ certificateNumber: long(101) }, 'certificateNumber', 'Certificate number must be at most 100 characters'],
    [{ expiryDate: '2030-02-30' }, 'expiryDate', date('Expiry date')],
    [{ scope: 5 }, 'scope', 'Scope on the certificate must be text'],
    [{ cbName: long(201) }, 'cbName', 'Certification body must be at most 200 characters'],
    [{ accredited: 'yes' }, 'accredited', 'Accredited must be true or false'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCertificateFields, { ...c, ...bad })).toEqual([[path, message]]);
  });
  it('names the decision and issue dates when they are not dates', () => {
    expect(issues(ZCertificateFields, { ...c, decisionDate: 'x' })).toContainEqual([
      'decisionDate',
      date('Certification decision date'),
    ]);
    expect(issues(ZCertificateFields, { ...c, issueDate: 'x' })).toContainEqual(['issueDate', date('Issue date')]);
  });
  it.each([
    [{ certificateNumber: '' }, 'certificateNumber', 'Certificate number is required'],
    [{ scope: 5 }, 'scope', 'Scope on the certificate must be text'],
    [{ status: 'expired' }, 'status', 'Status must be active, suspended or withdrawn'],
  ])('refuses the update %j', (bad, path, message) => {
    expect(issues(ZUpdateCertificate, { version: 1, ...bad })).toEqual([[path, message]]);
  });
  it('takes each status of a certificate on an update', () => {
    for (const status of ['active', 'suspended', 'withdrawn'])
      expect(ZUpdateCertificate.parse({ version: 1, status })).toEqual({ version: 1, status });
  });
});
