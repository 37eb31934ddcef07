import { describe, expect, it } from 'vitest';
import {
  competenceMatrix,
  matrixCell,
  ZCompetenceFields,
  ZCompletionFields,
  type MatrixCompletion,
} from './competence';

// Which completion a matrix cell counts, whatever the order they come in, and what a completion record needs.

const person = { id: 'p1', aiRoles: ['ai_developer', 'ai_auditor'], raciActivityIds: ['raci-risk', 'raci-data'] };
const actions = [{ id: 'course', competenceIds: ['c0', 'c1'] }];
const competence = { id: 'c1', aiRoles: ['ai_operator', 'ai_developer'], raciActivityIds: ['raci-data', 'raci-x'] };
const done = (id: string, completedOn: string, expiresOn: string | null): MatrixCompletion => ({
  id,
  personId: 'p1',
  actionId: 'course',
  completedOn,
  result: 'passed',
  expiresOn,
});
const today = '2026-12-03';
const counted = (completions: MatrixCompletion[]) =>
  matrixCell(person, competence, actions, completions, today).completionId;

describe('the completion a cell counts', () => {
  it('is the one lasting longest, in either order', () => {
    const later = done('later', '2026-01-01', '2028-01-01');
    const earlier = done('earlier', '2026-05-01', '2027-06-01');
    expect(counted([later, earlier])).toBe('later');
    expect(counted([earlier, later])).toBe('later');
  });
  it('prefers one without expiry, in either order', () => {
    const forever = done('forever', '2025-01-01', null);
    const dated = done('dated', '2026-05-01', '2030-01-01');
    expect(counted([forever, dated])).toBe('forever');
    expect(counted([dated, forever])).toBe('forever');
  });
  it('on the same expiry, takes the latest completion, in either order', () => {
    const first = done('first', '2026-01-01', '2028-01-01');
    const second = done('second', '2026-06-01', '2028-01-01');
    expect(counted([first, second])).toBe('second');
    expect(counted([second, first])).toBe('second');
    const a = done('a', '2026-01-01', null);
    const b = done('b', '2026-06-01', null);
    expect(counted([b, a])).toBe('b');
  });
  it('gives the whole cell: why it is required, its state and dates', () => {
    expect(matrixCell(person, competence, actions, [done('k', '2026-01-01', '2026-12-01')], today)).toEqual({
      personId: 'p1',
      competenceId: 'c1',
      required: true,
      because: { aiRoles: ['ai_developer'], raciActivityIds: ['raci-data'] },
      state: 'expired',
      completionId: 'k',
      expiresOn: '2026-12-01',
    });
  });
  it('shows an expired competence nobody asks for as expired, not as not required', () => {
    const unasked = { id: 'c1', aiRoles: ['ai_operator'], raciActivityIds: [] };
    expect(matrixCell(person, unasked, actions, [done('k', '2026-01-01', '2026-12-01')], today)).toMatchObject({
      required: false,
      state: 'expired',
    });
  });
});

describe('a completion record', () => {
  const base = { version: 1, completedOn: '2026-03-01', result: 'passed' };
  const issues = (over: Record<string, unknown>) =>
    (ZCompletionFields.safeParse({ ...base, ...over }).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
  it('needs the certificate in the evidence library, or an attestation', () => {
    expect(issues({ evidenceKind: 'certificate' })).toEqual([
      [
        'evidenceId',
        'Certificate: upload the certificate to the evidence library, or record a signed attestation instead',
      ],
    ]);
    expect(issues({ evidenceKind: 'certificate', evidenceId: 'ev-1' })).toEqual([]);
    expect(issues({ evidenceKind: 'attestation' })).toEqual([
      [
        'attestation',
        'Attestation: write what the person or their manager attests (e.g. "Completed the course and applied it on project X")',
      ],
    ]);
    expect(issues({ evidenceKind: 'attestation', attestation: 'Completed it' })).toEqual([]);
  });
  it('may expire on the day it was completed, not before', () => {
    expect(issues({ evidenceKind: 'attestation', attestation: 'ok', expiresOn: '2026-03-01' })).toEqual([]);
    expect(issues({ evidenceKind: 'attestation', attestation: 'ok', expiresOn: '2026-02-28' })).toEqual([
      ['expiresOn', 'Expires on must be on or after Completed on'],
    ]);
  });
});

describe('ties and counts', () => {
  it('keeps the first of two completions on the same day with the same expiry', () => {
    const one = done('one', '2026-05-01', '2028-01-01');
    const two = done('two', '2026-05-01', '2028-01-01');
    expect(counted([one, two])).toBe('one');
    expect(counted([two, one])).toBe('two');
  });
  it('counts met and expired cells of a person', () => {
    const c = (id: string) => ({ id, aiRoles: ['ai_developer'], raciActivityIds: [] });
    const acts = [
      { id: 'a-met', competenceIds: ['met'] },
      { id: 'a-old', competenceIds: ['old'] },
    ];
    const completions = [
      { ...done('k1', '2026-01-01', null), actionId: 'a-met' },
      { ...done('k2', '2025-01-01', '2026-01-01'), actionId: 'a-old' },
    ];
    expect(competenceMatrix([person], [c('met'), c('old'), c('gap')], acts, completions, today).summaries).toEqual([
      { personId: 'p1', required: 3, met: 1, expiring: 0, expired: 1, gap: 1 },
    ]);
  });
});

describe('AI roles a competence or a person names', () => {
  it('accepts the AI roles of the context, and names the list when one is unknown', () => {
    expect(ZCompetenceFields.parse({ name: 'Bias testing', aiRoles: ['ai_developer', 'ai_operator'] }).aiRoles).toEqual(
      ['ai_developer', 'ai_operator'],
    );
    const r = ZCompetenceFields.safeParse({ name: 'Bias testing', aiRoles: ['ai_developer', 'wizard'] });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['aiRoles']);
    expect(r.error?.issues[0]?.message).toMatch(/^AI roles: each must be one of ai_platform_provider, /);
  });
});
