import { describe, expect, it } from 'vitest';
import {
  changeLogSection,
  controlMeta,
  controlRows,
  nextReviewDate,
  personWithRole,
  withControlBlock,
  type ControlBlock,
} from './control-block';
import type { ReportDocument } from './model';

const block: ControlBlock = {
  organization: 'Northwind Lending',
  documentId: 'NWL-SOA',
  version: '2 (approved)',
  owner: personWithRole('Priya Raman', 'AIMS manager'),
  approver: personWithRole('Dana Whitfield', 'Approver (top management)'),
  approvedAt: '2026-12-03T10:00:00.000Z',
  nextReview: nextReviewDate('2026-12-03T10:00:00.000Z', 12),
  derivedFrom: [
    ['scope', 'revision 1'],
    ['risk criteria', 'no. 2 (approved)'],
  ],
  changeLog: [{ version: '2', date: '2026-12-03', by: 'Dana Whitfield', change: 'Version 2 approved' }],
};

describe('document-control block', () => {
  it('lists the facts an auditor files an export by, in one order', () => {
    expect(controlMeta(block)).toEqual([
      ['Organization', 'Northwind Lending'],
      ['Document', 'NWL-SOA'],
      ['Version', '2 (approved)'],
      ['Owner', 'Priya Raman, AIMS manager'],
      ['Approver', 'Dana Whitfield, Approver (top management)'],
      ['Approved', '2026-12-03'],
      ['Next review', '2027-12-03'],
      ['Derived from: scope', 'revision 1'],
      ['Derived from: risk criteria', 'no. 2 (approved)'],
    ]);
    expect(controlRows(block).at(-1)).toEqual(['Change log', '2 2026-12-03 Dana Whitfield: Version 2 approved']);
  });
  it('says plainly when nothing is approved yet', () => {
    const draft = controlMeta({
      ...block,
      approver: null,
      approvedAt: null,
      nextReview: nextReviewDate(null, 12),
      owner: null,
    });
    expect(Object.fromEntries(draft)).toMatchObject({
      Owner: 'Not named',
      Approver: 'Not approved yet',
      Approved: 'Not approved',
      'Next review': 'Set at approval',
    });
    expect(changeLogSection([]).paragraphs).toEqual(['No approved version yet: this copy is a draft.']);
  });
  it('puts the block first under the title, the change log last, and the id on every page, without repeating facts', () => {
    const doc: ReportDocument = {
      title: 'SoA',
      organizationName: 'Northwind Lending',
      generatedAt: '2026-12-03T10:00:00Z',
      meta: [
        ['Organization', 'Northwind Lending'],
        ['Controls', '38'],
      ],
      sections: [{ heading: 'A.2' }],
      orientation: 'landscape',
      fileName: 'soa',
    };
    const out = withControlBlock(doc, block);
    expect(out.meta.map(([l]) => l)).toEqual([...controlMeta(block).map(([l]) => l), 'Controls']);
    expect(out.sections.map((s) => s.heading)).toEqual(['A.2', 'Change log']);
    expect(out.pageHeader).toBe('NWL-SOA · 2 (approved)');
  });
});
