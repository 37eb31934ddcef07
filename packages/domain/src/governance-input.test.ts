import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABILITY_ACTIVITIES,
  DEFAULT_RACI_ACTIVITIES,
  DEFAULT_RACI_MEMBER_COLUMNS,
  MEMBER_AFFILIATIONS,
  NEW_ORGANIZATION_RACI,
  PILLARS,
  PILLAR_LABELS,
  RACI_LABELS,
  RACI_LETTERS,
  RACI_PROBLEM_MESSAGES,
  ZRaciActivityFields,
  ZRaciAssignment,
  ZUpdatePillar,
  ZUpdateRaciActivity,
  ZUpdateRaciColumns,
} from './governance';

// What the governance page (pillars, RACI activities, RACI columns) accepts, and the words of each
// refusal, one bad field per case; the all-mutant Stryker run of governance.ts left the schemas'
// messages, bounds and defaults and the starting RACI a new organization reads untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('a pillar', () => {
  it('shows the six pillars under their labels, in order', () => {
    expect(PILLARS.map((p) => PILLAR_LABELS[p])).toEqual([
      'Ethics & accountability',
      'Risk management',
      'Transparency & explainability',
      'Human oversight',
      'Data governance',
      'Continuous monitoring',
    ]);
  });

  it('takes objectives and policy statements, trimmed, up to their limits', () => {
    expect(
      ZUpdatePillar.parse({
        version: 0,
        ownerId: null,
        objectives: [` ${'o'.repeat(500)} `],
        policyStatements: [`${'p'.repeat(1000)}  `],
      }),
    ).toEqual({ version: 0, ownerId: null, objectives: ['o'.repeat(500)], policyStatements: ['p'.repeat(1000)] });
    expect(ZUpdatePillar.parse({ version: 3 })).toEqual({ version: 3 });
    expect(
      ZUpdatePillar.parse({ version: 1, objectives: Array(30).fill('x'), policyStatements: Array(30).fill('y') }),
    ).toEqual({ version: 1, objectives: Array(30).fill('x'), policyStatements: Array(30).fill('y') });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZUpdatePillar.safeParse({}))).toEqual([
      ['version', 'version is required: send the version you read (0 before the first save)'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, objectives: [7] }))).toEqual([
      ['objectives.0', 'Each objective must be text'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, objectives: ['  '] }))).toEqual([
      ['objectives.0', 'Each objective must not be empty'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, objectives: ['o'.repeat(501)] }))).toEqual([
      ['objectives.0', 'Each objective must be at most 500 characters'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, objectives: Array(31).fill('x') }))).toEqual([
      ['objectives', 'At most 30 objectives'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, policyStatements: [''] }))).toEqual([
      ['policyStatements.0', 'Each policy statement must not be empty'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, policyStatements: [false] }))).toEqual([
      ['policyStatements.0', 'Each policy statement must be text'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, policyStatements: ['p'.repeat(1001)] }))).toEqual([
      ['policyStatements.0', 'Each policy statement must be at most 1000 characters'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, policyStatements: Array(31).fill('y') }))).toEqual([
      ['policyStatements', 'At most 30 policy statements'],
    ]);
    expect(messages(ZUpdatePillar.safeParse({ version: 0, ownerId: '' }))).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
  });
});

describe('a RACI activity', () => {
  it('names the four letters', () => {
    expect(RACI_LETTERS.map((l) => [l, RACI_LABELS[l]])).toEqual([
      ['R', 'Responsible'],
      ['A', 'Accountable'],
      ['C', 'Consulted'],
      ['I', 'Informed'],
    ]);
  });

  it('starts with no description and no assignments, and trims what it is given', () => {
    expect(ZRaciActivityFields.parse({ name: ' Privacy ' })).toEqual({
      name: 'Privacy',
      description: '',
      assignments: [],
    });
    const assignments = Array.from({ length: 100 }, (_, i) => ({ assignee: { role: `r${i}` }, letter: 'I' }));
    expect(
      ZRaciActivityFields.parse({ name: 'n'.repeat(200), description: ` ${'d'.repeat(2000)} `, assignments }),
    ).toEqual({ name: 'n'.repeat(200), description: 'd'.repeat(2000), assignments });
  });

  it('assigns a member or a role a letter', () => {
    expect(ZRaciAssignment.parse({ assignee: { userId: 'u1' }, letter: 'A' })).toEqual({
      assignee: { userId: 'u1' },
      letter: 'A',
    });
    expect(ZRaciAssignment.parse({ assignee: { role: 'r'.repeat(40) }, letter: 'C' })).toEqual({
      assignee: { role: 'r'.repeat(40) },
      letter: 'C',
    });
    expect(ZRaciAssignment.safeParse({ assignee: { role: 'r'.repeat(41) }, letter: 'C' }).success).toBe(false);
    expect(messages(ZRaciAssignment.safeParse({ assignee: { userId: '' }, letter: 'A' }))).toEqual([
      ['assignee.userId', 'Person: send the id of a member of this organization'],
    ]);
    expect(messages(ZRaciAssignment.safeParse({ assignee: { role: 'x' }, letter: 'X' }))).toEqual([
      ['letter', 'letter must be R, A, C or I'],
    ]);
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZRaciActivityFields.safeParse({ name: 4 }))).toEqual([['name', 'Activity must be text']]);
    expect(messages(ZRaciActivityFields.safeParse({ name: ' ' }))).toEqual([['name', 'Activity must not be empty']]);
    expect(messages(ZRaciActivityFields.safeParse({ name: 'n'.repeat(201) }))).toEqual([
      ['name', 'Activity must be at most 200 characters'],
    ]);
    expect(messages(ZRaciActivityFields.safeParse({ name: 'a', description: 'd'.repeat(2001) }))).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    const tooMany = Array.from({ length: 101 }, () => ({ assignee: { role: 'r' }, letter: 'I' }));
    expect(ZRaciActivityFields.safeParse({ name: 'a', assignments: tooMany }).success).toBe(false);
  });

  it('updates any field with the version read, and the same limits', () => {
    expect(ZUpdateRaciActivity.parse({ version: 2, description: '  x ' })).toEqual({ version: 2, description: 'x' });
    expect(messages(ZUpdateRaciActivity.safeParse({ name: 'a' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateRaciActivity.safeParse({ version: 1, name: '' }))).toEqual([
      ['name', 'Activity must not be empty'],
    ]);
    expect(messages(ZUpdateRaciActivity.safeParse({ version: 1, description: 'd'.repeat(2001) }))).toEqual([
      ['description', 'Description must be at most 2000 characters'],
    ]);
    const full = Array.from({ length: 100 }, () => ({ assignee: { role: 'r' }, letter: 'R' }));
    expect(ZUpdateRaciActivity.parse({ version: 1, assignments: full }).assignments).toHaveLength(100);
    expect(ZUpdateRaciActivity.safeParse({ version: 1, assignments: [...full, full[0]] }).success).toBe(false);
  });
});

describe('the RACI columns', () => {
  it('takes people and roles, up to 100', () => {
    const columns = [{ userId: 'u1' }, { role: 'r'.repeat(40) }, ...Array(98).fill({ role: 'x' })];
    expect(ZUpdateRaciColumns.parse({ version: 0, columns })).toEqual({ version: 0, columns });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZUpdateRaciColumns.safeParse({ columns: [] }))).toEqual([
      ['version', 'version is required: send the version you read (0 before the first save)'],
    ]);
    expect(messages(ZUpdateRaciColumns.safeParse({ version: 0, columns: [{ userId: '' }] }))).toEqual([
      ['columns.0.userId', 'Person: send the id of a member of this organization'],
    ]);
    expect(messages(ZUpdateRaciColumns.safeParse({ version: 0, columns: 'all' }))).toEqual([
      ['columns', 'columns must be a list'],
    ]);
    expect(messages(ZUpdateRaciColumns.safeParse({ version: 0, columns: [{ team: 'x' }] }))).toEqual([
      ['columns.0', 'Each column is a person { "userId": "…" } or a role { "role": "…" }'],
    ]);
    // A role name over 40 characters gets Zod's own words (the schema gives none), on the role.
    expect(
      messages(ZUpdateRaciColumns.safeParse({ version: 0, columns: [{ role: 'r'.repeat(41) }] }))?.map(([p]) => p),
    ).toEqual(['columns.0.role']);
    expect(messages(ZUpdateRaciColumns.safeParse({ version: 0, columns: Array(101).fill({ role: 'x' }) }))).toEqual([
      ['columns', 'At most 100 columns'],
    ]);
  });

  it('shows the first eight members until someone chooses', () => {
    expect(DEFAULT_RACI_MEMBER_COLUMNS).toBe(8);
  });
});

describe('the RACI a new organization starts with', () => {
  it('lists the usual AIMS activities, word for word, then the two 5.3 responsibilities', () => {
    expect(DEFAULT_RACI_ACTIVITIES).toEqual([
      {
        name: 'AI risk assessment',
        description: 'Identify, analyse and evaluate AI risks against the criteria (6.1.2, 8.2).',
      },
      {
        name: 'AI risk treatment and acceptance',
        description: 'Choose controls, keep the treatment plan, accept residual risk (6.1.3, 8.3).',
      },
      {
        name: 'AI system impact assessment',
        description: 'Assess effects on people and society for each AI system (6.1.4, 8.4, A.5).',
      },
      {
        name: 'Data quality and provenance',
        description: 'Data requirements, acquisition, quality and lineage for AI systems (A.7).',
      },
      { name: 'Human oversight', description: 'Design and run oversight of AI systems in use (A.9.3).' },
      { name: 'AI security', description: 'Protect AI systems against AI-specific threats, with the security team.' },
      { name: 'Privacy', description: 'Personal data in AI systems, with the data protection officer.' },
      {
        name: 'Supplier management',
        description: 'AI suppliers and third parties: due diligence, contracts, monitoring (A.10).',
      },
      { name: 'Internal audit', description: 'Plan and run the AIMS audit programme (9.2).' },
      { name: 'Management review', description: 'Prepare inputs and record decisions of top management (9.3).' },
      {
        name: 'Document control',
        description: 'Approve, publish, version and retain documented information (7.5).',
      },
      {
        name: 'Incident and concern handling',
        description: 'AI incidents, external reports and staff concerns (A.3.3, A.8.3, A.8.4).',
      },
    ]);
    expect(ACCOUNTABILITY_ACTIVITIES).toEqual([
      {
        key: 'aims_conformity',
        name: 'AIMS conformity to ISO/IEC 42001',
        description: 'Make sure the AI management system meets the requirements of the standard (5.3).',
      },
      {
        key: 'aims_performance_reporting',
        name: 'Reporting AIMS performance to top management',
        description: 'Tell top management how the AI management system is performing (5.3).',
      },
    ]);
    expect(NEW_ORGANIZATION_RACI.slice(12)).toEqual([
      {
        name: 'AIMS conformity to ISO/IEC 42001',
        description: 'Make sure the AI management system meets the requirements of the standard (5.3).',
      },
      {
        name: 'Reporting AIMS performance to top management',
        description: 'Tell top management how the AI management system is performing (5.3).',
      },
    ]);
  });

  it('says what is wrong with an activity, word for word', () => {
    expect(RACI_PROBLEM_MESSAGES).toEqual({
      no_accountable: 'Nobody is accountable: name exactly one Accountable.',
      several_accountable: 'More than one Accountable: keep exactly one, so a decision has one owner.',
      no_responsible: 'Nobody is responsible for doing the work: name at least one Responsible.',
    });
    expect(MEMBER_AFFILIATIONS).toEqual(['internal', 'external']);
  });
});
