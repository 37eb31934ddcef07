import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CRITERIA } from './risk';
import {
  deriveSoa,
  needsAcknowledgement,
  riskNeedsAttention,
  type RiskForWarnings,
  type SoaControl,
  type SoaDecisionRecord,
} from './soa';

// The reason an auditor reads beside each control. An excluded control's reason is the stated one
// alone: listing the risks it "treats" beside an exclusion would make the SoA contradict itself.

const controls: SoaControl[] = [
  { ref: 'A.6.2.4', title: 'Verification and validation', kind: 'annex_a', group: 'A.6' },
  { ref: 'A.7.4', title: 'Quality of data', kind: 'annex_a', group: 'A.7' },
];
const risk = { id: 'r1', ref: 'R-1', title: 'Biased scores', controlRefs: ['A.6.2.4'] };
const requirement = { partyName: 'Regulator', description: 'Validation evidence', refs: ['A.6.2.4'] };
const decision = (included: boolean | null, justification: string): SoaDecisionRecord => ({
  ref: 'A.6.2.4',
  included,
  justification,
  implementationStatus: null,
  version: 3,
});

describe('the reason beside a control', () => {
  it('gives an excluded control only its stated reason, never the risks or requirements that name it', () => {
    const [v] = deriveSoa(controls, [decision(false, 'No models of our own')], [risk], [requirement]);
    expect(v).toMatchObject({
      included: false,
      justification: 'No models of our own',
      statedJustification: 'No models of our own',
      riskIds: ['r1'], // still known, for the EXCLUDED_BUT_TREATING warning
      version: 3,
    });
    expect(v!.justification).not.toContain('Treats risk');
    expect(v!.justification).not.toContain('Required by');
  });

  it('leaves an excluded control with no stated reason blank, even when a risk names it', () => {
    const [v] = deriveSoa(controls, [decision(false, '')], [risk], []);
    expect(v!.justification).toBe('');
  });

  it('gives an included control its stated words, then each risk, then each requirement, one per line', () => {
    const [v] = deriveSoa(controls, [decision(true, 'Release gate')], [risk], [requirement]);
    expect(v!.justification).toBe(
      'Release gate\nTreats risk R-1: Biased scores\nRequired by Regulator: Validation evidence',
    );
  });

  it('gives an undecided control the same lines, and leaves out blank stated words', () => {
    const items = deriveSoa(controls, [decision(null, '  ')], [], [requirement]);
    expect(items[0]).toMatchObject({ included: null, justification: 'Required by Regulator: Validation evidence' });
    expect(items[1]).toMatchObject({ ref: 'A.7.4', included: null, justification: '', version: 0 });
  });

  it('lets a decision override the inclusion a treatment implies, both ways', () => {
    expect(deriveSoa(controls, [decision(null, '')], [risk], [])[0]!.included).toBe(true);
    expect(deriveSoa(controls, [decision(false, 'x')], [risk], [])[0]!.included).toBe(false);
    expect(deriveSoa(controls, [decision(true, 'x')], [], [])[0]!.included).toBe(true);
  });
});

describe('acknowledgement', () => {
  it('is needed for any non-blocking warning, not for blocking ones alone', () => {
    expect(needsAcknowledgement([])).toBe(false);
    expect(needsAcknowledgement([{ blocking: true }])).toBe(false);
    expect(needsAcknowledgement([{ blocking: true }, { blocking: false }])).toBe(true);
  });
});

describe('an acceptance behind a risk above the level', () => {
  const high: RiskForWarnings = {
    id: 'r1',
    ref: 'R-1',
    title: 'Drift',
    kind: 'risk',
    status: 'open',
    level: 'high',
    residualLevel: null,
    treated: false,
    acceptedUntil: '2026-12-03',
  };
  it('holds on its last day and lapses the day after', () => {
    expect(riskNeedsAttention(high, DEFAULT_RISK_CRITERIA, '2026-12-02')).toBe(false);
    expect(riskNeedsAttention(high, DEFAULT_RISK_CRITERIA, '2026-12-03')).toBe(false);
    expect(riskNeedsAttention(high, DEFAULT_RISK_CRITERIA, '2026-12-04')).toBe(true);
  });
  it('is not needed at or below the acceptance level, and never for a closed risk or an opportunity', () => {
    const none = { ...high, acceptedUntil: null };
    expect(riskNeedsAttention({ ...none, level: 'medium' }, DEFAULT_RISK_CRITERIA, '2026-12-04')).toBe(false);
    expect(riskNeedsAttention({ ...none, status: 'closed' }, DEFAULT_RISK_CRITERIA, '2026-12-04')).toBe(false);
    expect(riskNeedsAttention({ ...none, kind: 'opportunity' }, DEFAULT_RISK_CRITERIA, '2026-12-04')).toBe(false);
    expect(riskNeedsAttention({ ...none, level: null }, DEFAULT_RISK_CRITERIA, '2026-12-04')).toBe(true);
  });
});
