import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { toOscalAssessmentResults, type AuditInput, type ReadinessInput } from './assessment-results';
import { toOscalPoam, type NonconformityInput } from './poam';
import { controlIdsOf, dateTime } from './common';

const schema = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, `../../../../../packages/catalog/oscal-schema/${name}`), 'utf8'),
  ) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateResults = ajv.compile(schema('oscal_assessment-results_schema.json'));
const validatePoam = ajv.compile(schema('oscal_poam_schema.json'));

const org = { id: 'org-1', name: '  Acme  AI ' };
const readiness: ReadinessInput = {
  stage: 1,
  verdict: 'not_ready',
  summary: 'Not ready: 1 blocking rule fails.',
  counts: { passed: 1, blocking: 1, concern: 0, note: 0, lacksData: 1 },
  checkedAt: '2026-12-04T10:00:00.123Z',
  findings: [
    {
      id: 'scope-approved',
      ref: '4.3',
      checklist: 'S1',
      title: 'Scope approved',
      grade: 'blocking',
      status: 'failed',
      reasons: [{ message: 'The scope  is a draft', href: '/context/scope' }],
    },
    {
      id: 'treatment',
      ref: '6.1.3 c–d, A.5.2',
      checklist: 'S9',
      title: 'Treatment plan',
      grade: 'concern',
      status: 'lacks_data',
      reasons: [{ message: 'No treatment plan yet', href: '' }],
    },
    { id: 'policy', ref: '5.2', checklist: 'S4', title: 'Policy', grade: 'blocking', status: 'passed', reasons: [] },
  ],
};
const audit = (over: Partial<AuditInput> = {}): AuditInput => ({
  id: 'aud-1',
  ref: 'AUD-1',
  title: 'AIMS audit',
  status: 'completed',
  objectives: '',
  criteria: 'ISO/IEC 42001',
  scope: { refs: ['9.2', 'A.6.2.4'], aiSystemIds: [], units: [], sites: [] },
  plannedStart: '2026-11-02',
  plannedEnd: '2026-11-03',
  conclusion: 'Effective with one minor.',
  completedAt: '2026-11-03T16:00:00.000Z',
  createdAt: '2026-10-01T09:00:00.000Z',
  lead: { name: 'Ines Auditor' },
  checklist: [
    {
      id: 'ci-1',
      ref: '9.2',
      title: 'Audit programme',
      result: 'finding',
      notes: 'Programme not approved',
      sampled: '',
    },
    { id: 'ci-2', ref: 'A.6.2.4', title: 'V&V', result: 'open', notes: '', sampled: '' },
  ],
  findings: [
    {
      id: 'f-1',
      ref: 'F-1',
      grade: 'minor',
      clauseRef: '9.2',
      checklistItemId: 'ci-1',
      requirement: 'An approved programme',
      evidence: 'Draft programme v0.3',
      statement: 'The programme was not approved.',
      nonconformityId: 'nc-1',
      improvementId: null,
      evidenceIds: [],
      createdAt: '2026-11-03T12:00:00.000Z',
    },
    {
      id: 'f-2',
      ref: 'F-2',
      grade: 'ofi',
      clauseRef: null,
      checklistItemId: null,
      requirement: '',
      evidence: '',
      statement: '',
      nonconformityId: null,
      improvementId: null,
      evidenceIds: [],
      createdAt: '2026-11-03T12:00:00.000Z',
    },
  ],
  ...over,
});
const nc = (over: Partial<NonconformityInput> = {}): NonconformityInput => ({
  id: 'nc-1',
  ref: 'NC-1',
  title: 'Programme not approved',
  statement: 'The audit programme was never approved.',
  grade: 'minor',
  clauseRef: '9.2',
  source: 'internal_audit',
  sourceRef: 'AUD-1',
  status: 'actions_planned',
  overdue: false,
  responseDue: '2026-12-31',
  correction: 'Approved now',
  rootCause: '',
  owner: { name: 'Olga Owner' },
  actions: [
    { id: 'a-1', title: 'Add approval to the calendar', description: '', status: 'open', dueDate: '2027-01-15' },
    { id: 'a-2', title: 'Brief the team', description: 'At the meeting', status: 'done', dueDate: null },
  ],
  ...over,
});

describe('OSCAL assessment results', () => {
  const doc = toOscalAssessmentResults({ org, generatedAt: '2026-12-04T10:00:01.500Z', readiness, audits: [audit()] });

  it('validates against the OSCAL 1.0.6 assessment-results schema', () => {
    expect(validateResults(doc), JSON.stringify(validateResults.errors, null, 2)).toBe(true);
  });

  it('maps the readiness check to one result, each rule to a finding with its status', () => {
    const [r] = doc['assessment-results'].results;
    expect(r!.title).toBe('Certification readiness check, stage 1');
    expect(r!.start).toBe('2026-12-04T10:00:00Z');
    const byRule = (id: string) => r!.findings!.find((f) => f.props!.some((p) => p.name === 'rule' && p.value === id))!;
    expect(byRule('scope-approved').target).toMatchObject({
      'target-id': 'clause-4.3_obj',
      status: { state: 'not-satisfied', reason: 'fail' },
    });
    expect(byRule('scope-approved').links).toEqual([
      { href: '/orgs/org-1/context/scope', rel: 'fix', text: 'The scope is a draft' },
    ]);
    // A rule without data never reads as satisfied.
    expect(byRule('treatment').target.status).toMatchObject({ state: 'not-satisfied', reason: 'other' });
    expect(byRule('policy').target.status).toEqual({ state: 'satisfied', reason: 'pass' });
    expect(r!['reviewed-controls']['control-selections']).toEqual([
      {
        'include-controls': ['clause-4.3', 'clause-6.1.3', 'a.5.2', 'clause-5.2'].map((id) => ({ 'control-id': id })),
      },
    ]);
  });

  it('maps an audit: checked lines as observations, findings graded, the minor not satisfied', () => {
    const r = doc['assessment-results'].results[1]!;
    expect(r.title).toBe('AUD-1 AIMS audit');
    expect(r.start).toBe('2026-11-02T00:00:00Z');
    expect(r.end).toBe('2026-11-03T16:00:00Z');
    expect(r.observations).toHaveLength(1);
    const [minor, ofi] = r.findings!;
    expect(minor!.target.status.state).toBe('not-satisfied');
    expect(minor!['related-observations']).toEqual([{ 'observation-uuid': r.observations![0]!.uuid }]);
    expect(ofi!.target).toMatchObject({ 'target-id': 'aims_obj', status: { state: 'satisfied' } });
    expect(r.remarks).toBe('Effective with one minor.');
  });

  it('leaves out planned and cancelled audits, and gives the same record the same UUID every time', () => {
    const again = toOscalAssessmentResults({
      org,
      generatedAt: '2027-01-01T00:00:00Z',
      readiness: { ...readiness, checkedAt: '2027-01-01T00:00:00Z' },
      audits: [audit(), audit({ id: 'aud-2', status: 'planned' }), audit({ id: 'aud-3', status: 'cancelled' })],
    });
    expect(again['assessment-results'].results).toHaveLength(2);
    const uuids = (d: typeof doc) =>
      d['assessment-results'].results.flatMap((r) => [r.uuid, ...(r.findings ?? []).map((f) => f.uuid)]);
    expect(uuids(again)).toEqual(uuids(doc));
    expect(again['assessment-results'].uuid).toBe(doc['assessment-results'].uuid);
    const otherOrg = toOscalAssessmentResults({
      org: { id: 'org-2', name: 'B' },
      generatedAt: '2027-01-01T00:00:00Z',
      readiness,
      audits: [],
    });
    expect(otherOrg['assessment-results'].uuid).not.toBe(doc['assessment-results'].uuid);
  });
});

describe('OSCAL POA&M', () => {
  const doc = toOscalPoam({
    org,
    generatedAt: '2026-12-04T10:00:00Z',
    nonconformities: [
      nc(),
      nc({ id: 'nc-2', ref: 'NC-2', status: 'closed' }),
      nc({ id: 'nc-3', ref: 'NC-3', status: 'open', actions: [], clauseRef: null, owner: null, correction: '' }),
    ],
  });

  it('validates against the OSCAL 1.0.6 POA&M schema', () => {
    expect(validatePoam(doc), JSON.stringify(validatePoam.errors, null, 2)).toBe(true);
  });

  it('lists every nonconformity not yet closed, its corrective actions as remediations with due dates', () => {
    const p = doc['plan-of-action-and-milestones'];
    expect(p['poam-items'].map((i) => i.title)).toEqual(['NC-1 Programme not approved', 'NC-3 Programme not approved']);
    const [planned, open] = p.risks!;
    expect(planned!.status).toBe('remediating');
    expect(planned!.deadline).toBe('2026-12-31T00:00:00Z');
    expect(planned!.remediations!.map((r) => [r.lifecycle, r.tasks?.[0]?.timing['on-date'].date])).toEqual([
      ['planned', '2027-01-15T00:00:00Z'],
      ['completed', undefined],
    ]);
    expect(open!.status).toBe('open');
    expect(open!.remediations).toBeUndefined();
    expect(p['poam-items'][0]!['related-risks']).toEqual([{ 'risk-uuid': planned!.uuid }]);
  });

  it('gives a nonconformity the same UUID in every export', () => {
    const again = toOscalPoam({ org, generatedAt: '2027-02-01T00:00:00Z', nonconformities: [nc()] });
    expect(again['plan-of-action-and-milestones']['poam-items'][0]!.uuid).toBe(
      doc['plan-of-action-and-milestones']['poam-items'][0]!.uuid,
    );
  });
});

describe('OSCAL helpers', () => {
  it('reads clause and control ids out of a reference', () => {
    expect(controlIdsOf('6.1.3 c–d, A.5.2, 6.1.3')).toEqual(['clause-6.1.3', 'a.5.2']);
    expect(controlIdsOf(null)).toEqual([]);
  });
  it('writes days and timestamps as date-times with a time zone', () => {
    expect(dateTime('2026-01-02')).toBe('2026-01-02T00:00:00Z');
    expect(dateTime('2026-01-02T03:04:05.678Z')).toBe('2026-01-02T03:04:05Z');
  });
});
