import { describe, expect, it } from 'vitest';
import { INDIVIDUAL_EFFECT_AREAS } from '@fortytwo/domain';
import { impactDocument } from './export-routes';
import type { ImpactOut } from './service';

const base: ImpactOut = {
  id: 'ia1',
  ref: 'IA-3',
  aiSystemId: 's1',
  aiSystem: { id: 's1', name: 'Credit scoring' },
  title: 'Yearly review',
  trigger: 'periodic',
  intendedUse: 'Scores loan applications.',
  foreseeableMisuse: '',
  affectedGroups: [{ group: 'Applicants', vulnerable: true, effects: { fairness: 'Age bias possible' } }],
  societalEffects: { environment: 'Small' },
  societalNotApplicable: '',
  severity: 3,
  likelihood: 2,
  mitigations: 'Human review of refusals.',
  conclusion: 'Acceptable with mitigations.',
  retentionUntil: '2035-01-01',
  status: 'draft',
  signedOffAt: null,
  signedOffBy: null,
  signOffProblems: ['Answer every effect area for Applicants'],
  risks: [{ id: 'r1', ref: 'R-4', title: 'Age bias' }],
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};
const section = (doc: ReturnType<typeof impactDocument>, heading: string) =>
  doc.sections.find((s) => s.heading.startsWith(heading));

describe('impact assessment export', () => {
  it('prints every effect area of every group, unanswered ones as such, and what blocks sign-off', () => {
    const doc = impactDocument(base, 'Northwind');
    const rows = section(doc, 'Effects on individuals')!.table!.rows;
    expect(rows).toHaveLength(INDIVIDUAL_EFFECT_AREAS.length);
    expect(rows[0]).toEqual(['Applicants (vulnerable)', 'Fairness', 'Age bias possible']);
    expect(rows[1]![2]).toBe('Not answered');
    expect(section(doc, 'Reasonably foreseeable misuse')!.paragraphs).toEqual(['Not answered']);
    expect(section(doc, 'Risks created')!.bullets).toEqual(['R-4: Age bias']);
    expect(section(doc, 'Before it can be signed off')!.bullets).toEqual(base.signOffProblems);
    expect(doc.meta).toContainEqual(['Status', 'Draft, not signed off']);
    expect(doc.fileName).toBe('impact-assessment-ia-3');
  });

  it('prints the reason instead of the societal table when the section does not apply', () => {
    const doc = impactDocument(
      {
        ...base,
        societalNotApplicable: 'Internal tool, no effect outside the team.',
        status: 'signed_off',
        signedOffAt: '2026-02-01T10:00:00Z',
        signedOffBy: { id: 'u1', name: 'Dana' },
        signOffProblems: [],
      },
      'Northwind',
    );
    const societal = section(doc, 'Effects on society')!;
    expect(societal.table).toBeUndefined();
    expect(societal.paragraphs).toEqual(['Not applicable: Internal tool, no effect outside the team.']);
    expect(section(doc, 'Before it can be signed off')).toBeUndefined();
    expect(doc.meta).toContainEqual(['Status', 'Signed off 2026-02-01 by Dana']);
  });
});
