import { describe, expect, it } from 'vitest';
import { auditFrequency, auditSchedule, type FrequencyFacts } from './audit-frequency';

const TODAY = '2026-12-04';
const facts = (unit: string, over: Partial<FrequencyFacts> = {}): FrequencyFacts => ({
  unit,
  lastAuditedOn: '2026-06-01',
  openNonconformities: [],
  findingsLastAudit: 0,
  highRisks: [],
  ...over,
});

describe('audit frequency weighted by importance, risk and past results (9.2.2)', () => {
  it('audits a quiet unit once in the cycle, due the cycle after its last audit', () => {
    const f = auditFrequency(facts('7'), 3, TODAY);
    expect(f).toMatchObject({ weight: 'normal', intervalMonths: 36, nextDue: '2029-06-01', overdue: false });
    expect(f.reasons).toEqual(['Once in the 3-year cycle']);
  });

  it('audits every year what has an open nonconformity, or treats a high AI risk', () => {
    const nc = auditFrequency(facts('A.6.2.4', { openNonconformities: ['NC-2'] }), 3, TODAY);
    expect(nc).toMatchObject({ weight: 'high', intervalMonths: 12, nextDue: '2027-06-01' });
    expect(nc.reasons).toEqual(['Open nonconformity: NC-2']);
    const risk = auditFrequency(facts('A.7.4', { highRisks: ['R-4', 'R-9'] }), 3, TODAY);
    expect(risk).toMatchObject({ weight: 'high', intervalMonths: 12 });
    expect(risk.reasons).toEqual(['Treats high AI risks: R-4, R-9']);
  });

  it('raises the frequency for findings at the last audit, or a key clause, to half the cycle (at least yearly)', () => {
    const past = auditFrequency(facts('9', { findingsLastAudit: 2 }), 3, TODAY);
    expect(past).toMatchObject({ weight: 'raised', intervalMonths: 24, nextDue: '2028-06-01' });
    expect(past.reasons).toEqual(['2 nonconformities found at its last audit']);
    const key = auditFrequency(facts('6'), 3, TODAY);
    expect(key).toMatchObject({ weight: 'raised', intervalMonths: 24 });
    expect(key.reasons[0]).toMatch(/Key process/);
    expect(auditFrequency(facts('8'), 1, TODAY).intervalMonths).toBe(12);
    // Both together weigh as much as an open nonconformity.
    expect(auditFrequency(facts('6', { findingsLastAudit: 1 }), 3, TODAY).weight).toBe('high');
  });

  it('makes what was never audited due now, and what is past its interval overdue', () => {
    const never = auditFrequency(facts('A.2.2', { lastAuditedOn: null }), 3, TODAY);
    expect(never).toMatchObject({ nextDue: TODAY, overdue: true });
    expect(never.reasons[0]).toBe('Never audited');
    const late = auditFrequency(facts('A.5.2', { lastAuditedOn: '2025-10-01', highRisks: ['R-1'] }), 3, TODAY);
    expect(late).toMatchObject({ nextDue: TODAY, overdue: true, intervalMonths: 12 });
    expect(late.reasons[0]).toBe('Not audited for 12 months');
  });

  it('schedules the soonest due first, then the heaviest', () => {
    const rows = [
      auditFrequency(facts('7'), 3, TODAY),
      auditFrequency(facts('A.6.2.4', { openNonconformities: ['NC-1'] }), 3, TODAY),
      auditFrequency(facts('5', { lastAuditedOn: null }), 3, TODAY),
      auditFrequency(facts('4', { lastAuditedOn: null, openNonconformities: ['NC-2'] }), 3, TODAY),
    ];
    expect(auditSchedule(rows).map((r) => r.unit)).toEqual(['4', '5', 'A.6.2.4', '7']);
  });

  it('names every open nonconformity, and says "nonconformity" for one finding', () => {
    expect(auditFrequency(facts('7', { openNonconformities: ['NC-2', 'NC-5'] }), 3, TODAY).reasons).toEqual([
      'Open nonconformity: NC-2, NC-5',
    ]);
    expect(auditFrequency(facts('9', { findingsLastAudit: 1 }), 3, TODAY).reasons).toEqual([
      '1 nonconformity found at its last audit',
    ]);
  });

  it('puts the heavier of two units due the same day first, whatever their names', () => {
    const rows = [
      auditFrequency(facts('A.2.2', { lastAuditedOn: null }), 3, TODAY),
      auditFrequency(facts('A.9.1', { lastAuditedOn: null, findingsLastAudit: 1 }), 3, TODAY),
      auditFrequency(facts('A.5.2', { lastAuditedOn: null, highRisks: ['R-1'] }), 3, TODAY),
    ];
    expect(auditSchedule(rows).map((r) => r.unit)).toEqual(['A.5.2', 'A.9.1', 'A.2.2']);
  });
});
