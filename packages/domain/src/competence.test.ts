import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';
import { competenceMatrix, expiryOf, matrixCell, ZCompletionFields, type MatrixCompletion } from './competence';

const person = { id: 'p1', aiRoles: ['ai_developer'], raciActivityIds: ['raci-risk'] };
const competence = { id: 'c1', aiRoles: ['ai_developer'], raciActivityIds: [] };
const actions = [
  { id: 'course', competenceIds: ['c1'] },
  { id: 'other', competenceIds: ['c2'] },
];
const done = (over: Partial<MatrixCompletion> = {}): MatrixCompletion => ({
  id: 'k1',
  personId: 'p1',
  actionId: 'course',
  completedOn: '2026-01-10',
  result: 'passed',
  expiresOn: null,
  ...over,
});
const today = '2026-12-03';

describe('competence matrix', () => {
  it('shows a gap when a required competence was never obtained', () => {
    const cell = matrixCell(person, competence, actions, [], today);
    expect(cell).toMatchObject({
      required: true,
      state: 'gap',
      because: { aiRoles: ['ai_developer'], raciActivityIds: [] },
      completionId: null,
    });
  });

  it('is met by a passed or attended completion of an action that gives the competence', () => {
    expect(matrixCell(person, competence, actions, [done()], today).state).toBe('met');
    expect(matrixCell(person, competence, actions, [done({ result: 'attended' })], today).state).toBe('met');
  });

  it('ignores failed attempts, other people and actions that give other competences', () => {
    expect(
      matrixCell(
        person,
        competence,
        actions,
        [done({ result: 'failed' }), done({ personId: 'p2' }), done({ actionId: 'other' })],
        today,
      ).state,
    ).toBe('gap');
  });

  it('requires a competence through a RACI responsibility as well as an AI role', () => {
    const viaRaci = matrixCell(person, { id: 'c1', aiRoles: [], raciActivityIds: ['raci-risk'] }, actions, [], today);
    expect(viaRaci).toMatchObject({
      required: true,
      state: 'gap',
      because: { aiRoles: [], raciActivityIds: ['raci-risk'] },
    });
  });

  it('marks a held competence nobody asks of the person as held, and an unheld one as not required', () => {
    const unrelated = { id: 'c1', aiRoles: ['ai_operator'], raciActivityIds: [] };
    expect(matrixCell(person, unrelated, actions, [], today).state).toBe('not_required');
    expect(matrixCell(person, unrelated, actions, [done()], today)).toMatchObject({ required: false, state: 'met' });
  });

  it('flags expiry: expired before today, expiring within 30 days (today and day 30 included), met after', () => {
    const at = (expiresOn: string) => matrixCell(person, competence, actions, [done({ expiresOn })], today).state;
    expect(at('2026-12-02')).toBe('expired');
    expect(at('2026-12-03')).toBe('expiring');
    expect(at('2027-01-02')).toBe('expiring');
    expect(at('2027-01-03')).toBe('met');
  });

  it('counts the longest-lasting completion: a renewal lifts an expired certificate, no expiry beats any date', () => {
    const old = done({ id: 'old', expiresOn: '2026-06-01' });
    const renewed = done({ id: 'new', completedOn: '2026-11-01', expiresOn: '2028-11-01' });
    expect(matrixCell(person, competence, actions, [old, renewed], today)).toMatchObject({
      state: 'met',
      completionId: 'new',
      expiresOn: '2028-11-01',
    });
    expect(
      matrixCell(person, competence, actions, [renewed, done({ id: 'forever', expiresOn: null })], today),
    ).toMatchObject({ completionId: 'forever', expiresOn: null });
  });

  it('summarizes the required cells per person', () => {
    const { cells, summaries } = competenceMatrix(
      [person, { id: 'p2', aiRoles: [], raciActivityIds: [] }],
      [competence, { id: 'c2', aiRoles: [], raciActivityIds: ['raci-risk'] }],
      actions,
      [done({ expiresOn: '2026-12-20' })],
      today,
    );
    expect(cells).toHaveLength(4);
    expect(summaries).toEqual([
      { personId: 'p1', required: 2, met: 0, expiring: 1, expired: 0, gap: 1 },
      { personId: 'p2', required: 0, met: 0, expiring: 0, expired: 0, gap: 0 },
    ]);
  });
});

describe('validity', () => {
  it('adds months to a date, keeping the month end inside the month', () => {
    expect(addMonths('2026-01-15', 24)).toBe('2028-01-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });

  it('prefers the date the certificate states, then the validity, then never', () => {
    expect(expiryOf('2026-01-15', 24, '2027-06-30')).toBe('2027-06-30');
    expect(expiryOf('2026-01-15', 24)).toBe('2028-01-15');
    expect(expiryOf('2026-01-15', null)).toBeNull();
  });

  it('asks for the attestation text and refuses an expiry before the completion', () => {
    const res = ZCompletionFields.safeParse({
      version: 1,
      completedOn: '2026-03-01',
      result: 'passed',
      evidenceKind: 'attestation',
      expiresOn: '2026-02-01',
    });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('Attestation: write'),
      'Expires on must be on or after Completed on',
    ]);
  });
});
