import { describe, expect, it } from 'vitest';
import {
  certificateExpiry,
  certificationDecisionBlockers,
  cycleAudits,
  defaultCbDeadline,
  findingState,
  ZCertAuditFields,
  ZUpdateCertAudit,
  ZCertFindingFields,
  ZCertificateFields,
  type FindingFacts,
} from './certification-cycle';

const finding = (over: Partial<FindingFacts>): FindingFacts => ({
  ref: 'F-1',
  grade: 'minor',
  auditKind: 'stage2',
  ncRef: 'NC-1',
  ncStatus: 'open',
  cbAcceptedOn: null,
  ...over,
});

describe('the three-year cycle', () => {
  it('expires three years after the decision, less a day', () => {
    expect(certificateExpiry('2027-03-15')).toBe('2030-03-14');
    expect(certificateExpiry('2028-02-29')).toBe('2031-02-27');
  });

  it('schedules surveillance within 12 and 24 months of the decision and recertification before expiry', () => {
    const audits = cycleAudits('2027-03-15', '2030-03-14');
    expect(audits).toEqual([
      { kind: 'surveillance1', startDate: '2028-02-15', dueBy: '2028-03-15' },
      { kind: 'surveillance2', startDate: '2029-02-15', dueBy: '2029-03-15' },
      { kind: 'recertification', startDate: '2029-12-14', dueBy: '2030-03-13' },
    ]);
    for (const a of audits) expect(a.startDate < a.dueBy).toBe(true);
  });

  it('gives majors and minors a default CB deadline, and OFIs none', () => {
    expect(defaultCbDeadline('major', '2027-01-10')).toBe('2027-04-10');
    expect(defaultCbDeadline('minor', '2027-01-10')).toBe('2027-04-10');
    expect(defaultCbDeadline('ofi', '2027-01-10')).toBeNull();
  });
});

describe('findings and the certification decision', () => {
  it('closes a major only with its nonconformity, a minor also by an accepted plan', () => {
    expect(findingState(finding({ grade: 'major', cbAcceptedOn: '2027-01-01' }))).toBe('open');
    expect(findingState(finding({ grade: 'major', ncStatus: 'closed' }))).toBe('closed');
    expect(findingState(finding({ grade: 'minor', cbAcceptedOn: '2027-01-01' }))).toBe('plan_accepted');
    expect(findingState(finding({ grade: 'ofi', ncRef: null, ncStatus: null }))).toBe('noted');
  });

  it('blocks the decision until stage 2 is done, majors are closed and minors have an accepted plan', () => {
    const done = [{ kind: 'stage2' as const, status: 'done' as const }];
    expect(certificationDecisionBlockers([], [])).toEqual(['The stage 2 audit must be recorded as done first.']);
    const blockers = certificationDecisionBlockers(done, [
      finding({ grade: 'major', ncRef: 'NC-4', auditKind: 'stage1' }),
      finding({ grade: 'minor', ncRef: 'NC-5' }),
      finding({ grade: 'ofi', ncRef: null }),
    ]);
    expect(blockers).toHaveLength(2);
    expect(blockers[0]).toContain('NC-4');
    expect(blockers[1]).toContain('NC-5');
    expect(
      certificationDecisionBlockers(done, [
        finding({ grade: 'major', ncStatus: 'closed' }),
        finding({ grade: 'minor', cbAcceptedOn: '2027-02-01' }),
        // Findings of a surveillance audit do not hold up the initial decision.
        finding({ grade: 'major', auditKind: 'surveillance1' }),
      ]),
    ).toEqual([]);
  });
});

describe('input', () => {
  it('names the field by its label', () => {
    const audit = ZCertAuditFields.safeParse({ kind: 'stage2', startDate: '2027-02-10', endDate: '2027-02-09' });
    expect(audit.error?.issues[0]?.message).toContain('Last audit day');
    const f = ZCertFindingFields.safeParse({ grade: 'minor', clauseRef: '', title: 'x' });
    expect(f.error?.issues[0]?.message).toContain('Clause or control');
    const c = ZCertificateFields.safeParse({
      certificateNumber: 'C-1',
      decisionDate: '2027-03-15',
      issueDate: '2027-03-01',
    });
    expect(c.error?.issues[0]?.message).toContain('Issue date');
  });
});

describe('the certification decision: exact blockers', () => {
  const stage = (kind: 'stage1' | 'stage2', status: 'planned' | 'done' | 'cancelled') => ({ kind, status });
  it('needs the stage 2 audit done, not only planned, nor stage 1 done', () => {
    const msg = ['The stage 2 audit must be recorded as done first.'];
    expect(certificationDecisionBlockers([stage('stage2', 'planned'), stage('stage1', 'done')], [])).toEqual(msg);
    expect(certificationDecisionBlockers([stage('stage1', 'done'), stage('stage2', 'done')], [])).toEqual([]);
  });

  it('names each open major and each minor without an accepted plan, by its NC or else its own ref', () => {
    expect(
      certificationDecisionBlockers(
        [stage('stage2', 'done')],
        [
          finding({ grade: 'major', ncRef: 'NC-4', auditKind: 'stage1', cbAcceptedOn: '2027-01-01' }),
          finding({ grade: 'minor', ncRef: null, ref: 'F-9' }),
          finding({ grade: 'minor', ncRef: 'NC-6', ncStatus: 'closed' }),
          finding({ grade: 'ofi', ncRef: null, ncStatus: null }),
        ],
      ),
    ).toEqual([
      'Major NC-4 (Stage 1) must be verified closed first.',
      'Minor F-9 (Stage 2) needs a corrective action plan the CB accepted.',
    ]);
  });

  it('does not count findings of a recertification audit either', () => {
    expect(
      certificationDecisionBlockers(
        [stage('stage2', 'done')],
        [finding({ grade: 'minor', auditKind: 'recertification' })],
      ),
    ).toEqual([]);
  });

  it('closes a minor with its nonconformity too, and keeps a minor without an accepted plan open', () => {
    expect(findingState(finding({ grade: 'minor', ncStatus: 'closed' }))).toBe('closed');
    expect(findingState(finding({ grade: 'minor' }))).toBe('open');
    expect(findingState(finding({ grade: 'ofi', ncStatus: 'closed' }))).toBe('noted');
  });
});

describe('input: day order on create and update, certificate dates', () => {
  it('accepts an audit of one day, or with one end missing, and refuses the last day first', () => {
    expect(ZCertAuditFields.safeParse({ kind: 'stage1', startDate: '2027-02-10', endDate: '2027-02-10' }).success).toBe(
      true,
    );
    expect(ZCertAuditFields.safeParse({ kind: 'stage1', startDate: null, endDate: '2027-02-10' }).success).toBe(true);
    expect(ZCertAuditFields.safeParse({ kind: 'stage1', startDate: '2027-02-10', endDate: null }).success).toBe(true);
    const bad = ZCertAuditFields.safeParse({ kind: 'stage1', startDate: '2027-02-10', endDate: '2027-02-09' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endDate', 'Last audit day must not be before the first audit day'],
    ]);
    const update = ZUpdateCertAudit.safeParse({ version: 1, startDate: '2027-02-10', endDate: '2027-02-09' });
    expect(update.error?.issues.map((i) => i.path.join('.'))).toEqual(['endDate']);
    // The kind of an audit is fixed once created.
    expect(ZUpdateCertAudit.safeParse({ version: 1, kind: 'stage2' }).success).toBe(false);
  });

  it('lets a certificate be issued on its decision day, and expire only after its issue', () => {
    const cert = (over: Record<string, unknown>) =>
      ZCertificateFields.safeParse({
        certificateNumber: 'C-1',
        decisionDate: '2027-03-15',
        issueDate: '2027-03-15',
        ...over,
      });
    expect(cert({}).success).toBe(true);
    expect(cert({ expiryDate: '2030-03-14' }).success).toBe(true);
    expect(cert({ issueDate: '2027-03-14' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['issueDate', 'Issue date must not be before the certification decision date'],
    ]);
    expect(cert({ expiryDate: '2027-03-15' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['expiryDate', 'Expiry date must be after the issue date'],
    ]);
  });
});
