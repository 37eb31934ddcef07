import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ASSIGNMENT_STATUSES,
  COMPLETION_EVIDENCE_KINDS,
  COMPLETION_RESULT_LABELS,
  COMPLETION_RESULTS,
  DEVELOPMENT_ACTION_KIND_LABELS,
  DEVELOPMENT_ACTION_KINDS,
  GIVES_COMPETENCE,
  MATRIX_STATE_LABELS,
  MATRIX_STATES,
  PERSON_KIND_LABELS,
  PERSON_KINDS,
  ZAssignmentFields,
  ZCompetenceFields,
  ZCompletionFields,
  ZDevelopmentActionFields,
  ZPersonFields,
  ZUpdateAssignment,
  ZUpdateCompetence,
  ZUpdateDevelopmentAction,
  ZUpdatePerson,
} from './competence';
import { AI_SUB_ROLE_LABELS } from './context';

// What the competence, person, development action, assignment and completion inputs accept, and the
// words of each refusal: one bad field per case, so the answer names exactly that field. Then the
// value lists and their labels.

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);
const date = (label: string) => `${label} must be a real date written year-month-day, such as 2027-03-31`;
const roles = `AI roles: each must be one of ${Object.keys(AI_SUB_ROLE_LABELS).join(', ')}`;
const email = 'Email must be an email address such as ana@example.com';

describe('a competence', () => {
  it('has no description, AI role or RACI responsibility unless sent; texts are trimmed', () => {
    expect(ZCompetenceFields.parse({ name: ' Prompt review ' })).toEqual({
      name: 'Prompt review',
      description: '',
      aiRoles: [],
      raciActivityIds: [],
    });
    expect(ZCompetenceFields.parse({ name: 'n', description: ' d ' }).description).toBe('d');
    expect(
      ZCompetenceFields.safeParse({
        name: long(200),
        description: long(2000),
        aiRoles: Array(30).fill('ai_developer'),
        raciActivityIds: ids(50),
      }).success,
    ).toBe(true);
  });
  it.each([
    [{ name: undefined }, 'name', 'Name is required'],
    [{ name: ' ' }, 'name', 'Name is required'],
    [{ name: long(201) }, 'name', 'Name must be at most 200 characters'],
    [{ description: 5 }, 'description', 'Description must be text'],
    [{ description: long(2001) }, 'description', 'Description must be at most 2000 characters'],
    [{ aiRoles: 'ai_developer' }, 'aiRoles', 'AI roles: send a list of AI role ids'],
    [{ aiRoles: Array(31).fill('ai_developer') }, 'aiRoles', 'AI roles: at most 30'],
    [{ aiRoles: ['wizard'] }, 'aiRoles', roles],
    [{ raciActivityIds: 'a' }, 'raciActivityIds', 'RACI responsibilities: send a list of ids'],
    [{ raciActivityIds: ids(51) }, 'raciActivityIds', 'RACI responsibilities: at most 50'],
    [{ raciActivityIds: [''] }, 'raciActivityIds.0', 'RACI responsibilities: send the id of an activity of the RACI'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCompetenceFields, { name: 'n', ...bad })).toEqual([[path, message]]);
  });
  it('refuses the same on an update, where every field may be left out', () => {
    expect(ZUpdateCompetence.parse({ version: 2 })).toEqual({ version: 2 });
    expect(issues(ZUpdateCompetence, { version: 2, name: ' ' })).toEqual([['name', 'Name is required']]);
    expect(issues(ZUpdateCompetence, { version: 2, description: long(2001) })).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    expect(issues(ZUpdateCompetence, { version: 2, aiRoles: ['wizard'] })).toEqual([['aiRoles', roles]]);
    expect(issues(ZUpdateCompetence, { version: 2, raciActivityIds: ids(51) })).toEqual([
      ['raciActivityIds', 'RACI responsibilities: at most 50'],
    ]);
    expect(issues(ZUpdateCompetence, { version: 2, raciActivityIds: [''] })).toEqual([
      ['raciActivityIds.0', 'RACI responsibilities: send the id of an activity of the RACI'],
    ]);
  });
});

describe('a person', () => {
  it('is external, without email, organization or AI role unless sent; texts are trimmed', () => {
    expect(ZPersonFields.parse({ name: ' Ana ' })).toEqual({
      name: 'Ana',
      email: '',
      organization: '',
      kind: 'external',
      aiRoles: [],
    });
    expect(ZPersonFields.parse({ name: 'Ana', organization: ' Acme ', kind: 'internal' })).toMatchObject({
      organization: 'Acme',
      kind: 'internal',
    });
    expect(ZPersonFields.safeParse({ name: 'Ana', email: 'ana@example.com' }).success).toBe(true);
    // An empty email is sent by a form whose email field was left blank: it means "none".
    expect(ZPersonFields.parse({ name: 'Ana', email: '' }).email).toBe('');
    expect(ZPersonFields.safeParse({ name: 'Ana', email: `${long(308)}@example.com` }).success).toBe(true);
  });
  it.each([
    [{ name: ' ' }, 'name', 'Name is required'],
    [{ email: 'ana' }, 'email', email],
    [{ organization: 5 }, 'organization', 'Organization must be text'],
    [{ organization: long(201) }, 'organization', 'Organization must be at most 200 characters'],
    [{ kind: 'partner' }, 'kind', 'Internal or external: choose internal or external'],
    [{ aiRoles: ['wizard'] }, 'aiRoles', roles],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZPersonFields, { name: 'Ana', ...bad })).toEqual([[path, message]]);
  });
  it('refuses an email longer than 320 characters', () => {
    expect(ZPersonFields.safeParse({ name: 'Ana', email: `${long(309)}@example.com` }).success).toBe(false);
    expect(ZUpdatePerson.safeParse({ version: 0, email: `${long(309)}@example.com` }).success).toBe(false);
    expect(ZUpdatePerson.safeParse({ version: 0, email: `${long(308)}@example.com` }).success).toBe(true);
  });
  it.each([
    [
      { version: undefined },
      'version',
      'version is required: send the version you read (0 for a member not yet edited)',
    ],
    [{ name: ' ' }, 'name', 'Name is required'],
    [{ email: 'ana' }, 'email', email],
    [{ organization: long(201) }, 'organization', 'Organization must be at most 200 characters'],
    [{ kind: 'partner' }, 'kind', 'Internal or external: choose internal or external'],
    [{ aiRoles: ['wizard'] }, 'aiRoles', roles],
    [{ active: 'no' }, 'active', 'Active must be true or false'],
  ])('refuses %j on an update', (bad, path, message) => {
    expect(issues(ZUpdatePerson, { version: 0, ...bad })).toEqual([[path, message]]);
  });
  it('may clear the email on an update', () => {
    expect(ZUpdatePerson.parse({ version: 0, email: '' })).toEqual({ version: 0, email: '' });
  });
});

describe('a development action', () => {
  const a = { title: 'ISO 42001 course', kind: 'course' };
  it('does not expire and gives no competence unless sent; texts are trimmed', () => {
    expect(ZDevelopmentActionFields.parse({ ...a, title: ' ISO 42001 course ' })).toEqual({
      ...a,
      description: '',
      provider: '',
      competenceIds: [],
      validityMonths: null,
    });
    expect(ZDevelopmentActionFields.parse({ ...a, description: ' d ', provider: ' p ' })).toMatchObject({
      description: 'd',
      provider: 'p',
    });
    expect(
      ZDevelopmentActionFields.safeParse({
        ...a,
        title: long(200),
        description: long(2000),
        provider: long(200),
        competenceIds: ids(50),
        validityMonths: 600,
      }).success,
    ).toBe(true);
    expect(ZDevelopmentActionFields.parse({ ...a, validityMonths: 1 }).validityMonths).toBe(1);
  });
  it.each([
    [{ title: ' ' }, 'title', 'Title is required'],
    [{ title: long(201) }, 'title', 'Title must be at most 200 characters'],
    [{ kind: 'book' }, 'kind', 'Kind must be one of: course, training, mentoring, hiring, reassignment, other'],
    [{ description: long(2001) }, 'description', 'Description must be at most 2000 characters'],
    [{ provider: 5 }, 'provider', 'Provider must be text'],
    [{ provider: long(201) }, 'provider', 'Provider must be at most 200 characters'],
    [{ competenceIds: ids(51) }, 'competenceIds', 'Competences given: at most 50'],
    [{ competenceIds: [''] }, 'competenceIds.0', 'Competences given: send the id of a competence of this organization'],
    [
      { validityMonths: 'a year' },
      'validityMonths',
      'Valid for (months) must be a whole number of months, or null when it does not expire',
    ],
    [{ validityMonths: 1.5 }, 'validityMonths', 'Valid for (months) must be a whole number of months'],
    [{ validityMonths: 0 }, 'validityMonths', 'Valid for (months) must be at least 1'],
    [{ validityMonths: 601 }, 'validityMonths', 'Valid for (months) must be at most 600'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZDevelopmentActionFields, { ...a, ...bad })).toEqual([[path, message]]);
  });
  it('refuses the same on an update, where every field may be left out', () => {
    expect(ZUpdateDevelopmentAction.parse({ version: 1 })).toEqual({ version: 1 });
    expect(ZUpdateDevelopmentAction.parse({ version: 1, validityMonths: null })).toEqual({
      version: 1,
      validityMonths: null,
    });
    for (const [bad, path, message] of [
      [{ title: ' ' }, 'title', 'Title is required'],
      [{ kind: 'book' }, 'kind', 'Kind must be one of: course, training, mentoring, hiring, reassignment, other'],
      [{ description: long(2001) }, 'description', 'Description must be at most 2000 characters'],
      [{ provider: long(201) }, 'provider', 'Provider must be at most 200 characters'],
      [{ competenceIds: ids(51) }, 'competenceIds', 'Competences given: at most 50'],
      [
        { competenceIds: [''] },
        'competenceIds.0',
        'Competences given: send the id of a competence of this organization',
      ],
      [{ validityMonths: 0 }, 'validityMonths', 'Valid for (months) must be at least 1'],
    ] as const)
      expect(issues(ZUpdateDevelopmentAction, { version: 1, ...bad })).toEqual([[path, message]]);
  });
});

describe('an assignment', () => {
  const a = { personId: 'p1', actionId: 'a1' };
  it('has no due date unless sent', () => {
    expect(ZAssignmentFields.parse(a)).toEqual({ ...a, dueOn: null });
  });
  it.each([
    [{ personId: '' }, 'personId', 'Person: send the id of a person of this organization'],
    [
      { actionId: '' },
      'actionId',
      'Development action: send the id of a course, training or other action of this organization',
    ],
    [{ dueOn: '2027-02-30' }, 'dueOn', date('Due date')],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZAssignmentFields, { ...a, ...bad })).toEqual([[path, message]]);
  });
  it('is reopened or cancelled on an update, never completed by hand', () => {
    expect(ZUpdateAssignment.parse({ version: 0, status: 'cancelled', dueOn: null })).toEqual({
      version: 0,
      status: 'cancelled',
      dueOn: null,
    });
    expect(ZUpdateAssignment.parse({ version: 0, status: 'open' })).toEqual({ version: 0, status: 'open' });
    expect(issues(ZUpdateAssignment, { version: 0, status: 'completed' })).toEqual([
      ['status', 'Status must be open or cancelled (a completion closes an assignment)'],
    ]);
    expect(issues(ZUpdateAssignment, { version: 0, dueOn: '2027-02-30' })).toEqual([['dueOn', date('Due date')]]);
  });
});

describe('a completion', () => {
  const c = { version: 0, completedOn: '2026-05-01', result: 'passed', evidenceKind: 'attestation', attestation: 'ok' };
  it('has no certificate and keeps the stated expiry unset unless sent; the attestation is trimmed', () => {
    expect(ZCompletionFields.parse({ ...c, attestation: ' ok ' })).toEqual({ ...c, evidenceId: null });
    expect(
      ZCompletionFields.parse({ ...c, evidenceKind: 'certificate', attestation: undefined, evidenceId: 'e1' }),
    ).toEqual({ ...c, evidenceKind: 'certificate', attestation: '', evidenceId: 'e1' });
    expect(ZCompletionFields.safeParse({ ...c, attestation: long(2000) }).success).toBe(true);
  });
  it.each([
    [{ completedOn: '2026-02-30' }, 'completedOn', date('Completed on')],
    [{ result: 'done' }, 'result', 'Result must be passed, attended or failed'],
    [{ attestation: long(2001) }, 'attestation', 'Attestation must be at most 2000 characters'],
    [{ expiresOn: '2026-02-30' }, 'expiresOn', date('Expires on')],
    [{ evidenceId: '' }, 'evidenceId', 'Certificate: send the id of a piece of evidence in the evidence library'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZCompletionFields, { ...c, ...bad })).toEqual([[path, message]]);
  });
  it('refuses evidence that is neither a certificate nor an attestation', () => {
    expect(issues(ZCompletionFields, { ...c, evidenceKind: 'photo' })).toEqual([
      ['evidenceKind', 'Evidence must be a certificate or an attestation'],
    ]);
  });
});

describe('the value lists', () => {
  it('are the ones the API accepts, and only a pass or an attendance gives the competence', () => {
    expect(PERSON_KINDS).toEqual(['internal', 'external']);
    expect(DEVELOPMENT_ACTION_KINDS).toEqual(['course', 'training', 'mentoring', 'hiring', 'reassignment', 'other']);
    expect(COMPLETION_RESULTS).toEqual(['passed', 'attended', 'failed']);
    expect(GIVES_COMPETENCE).toEqual(['passed', 'attended']);
    expect(COMPLETION_EVIDENCE_KINDS).toEqual(['certificate', 'attestation']);
    expect(ASSIGNMENT_STATUSES).toEqual(['open', 'completed', 'cancelled']);
    expect(MATRIX_STATES).toEqual(['met', 'expiring', 'expired', 'gap', 'not_required']);
  });
  it('are shown in the words of the pages', () => {
    expect(PERSON_KIND_LABELS).toEqual({ internal: 'Internal', external: 'External (contractor, partner)' });
    expect(DEVELOPMENT_ACTION_KIND_LABELS).toEqual({
      course: 'Course',
      training: 'Training',
      mentoring: 'Mentoring',
      hiring: 'Hiring',
      reassignment: 'Reassignment',
      other: 'Other action',
    });
    // A failed attempt reads "Not passed" on the record, not "Failed".
    expect(COMPLETION_RESULT_LABELS).toEqual({ passed: 'Passed', attended: 'Attended', failed: 'Not passed' });
    expect(MATRIX_STATE_LABELS).toEqual({
      met: 'Met',
      expiring: 'Expiring',
      expired: 'Expired',
      gap: 'Gap',
      not_required: 'Not required',
    });
  });
});
