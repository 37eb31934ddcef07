import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '@fortytwo/domain';
import {
  addMember,
  type Client,
  describeEachDialect,
  newOrgOwner,
  pinServerDay,
  serverToday,
  validAiSystem,
} from './harness';
import { download, sheetRows, unzipEntry } from './files';
import { itWithLibreOffice, libreOfficePages } from './libreoffice';

// The ratings carry the day they were made: the server's day is pinned so a run across midnight cannot
// put the rating on one day and the expectation on the next (seen in CI at 23:59).
pinServerDay();

describeEachDialect('risk register, treatment plan and SoA exports', (ctx) => {
  let owner: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;

  /**
   * An organization with two risks (one treated), a decided SoA, and approved criteria, plan and SoA
   * (version 1). The tests that only read share one; a test that changes the SoA builds its own.
   */
  async function exportOrg(name: string): Promise<{ owner: Client; orgId: string }> {
    const { owner, orgId } = await newOrgOwner(ctx(), name);
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const approver = await addMember(ctx(), owner, orgId, 'approver');
    // A claims triage system bought in and used (customer role): excluding A.10.4 is consistent with it.
    const aiSystemId = (
      await owner.post(url('/ai-systems'), validAiSystem({ name: 'Claims triage', aiRoles: ['customer'] }))
    ).body.id;
    const me = owner.user!.id;
    const r = (
      await owner.post(url('/risks'), {
        title: 'Unfair claim routing',
        aiSystemId,
        source: 'C.3.4',
        likelihood: 4,
        consequence: 5,
        consequencesSociety: 'Loss of trust in insurers',
        ownerId: me,
        reviewDate: '2027-06-30',
      })
    ).body;
    await owner.post(url(`/risks/${r.id}/treatments`), {
      option: 'modify',
      description: 'Fairness tests per release',
      controlRefs: ['A.6.2.4'],
      residualLikelihood: 2,
      residualConsequence: 3,
      resources: 'One data scientist, two days a release',
      actions: [{ title: 'Build the fairness test suite', ownerId: me, dueDate: '2027-03-31' }],
    });
    await owner.post(url('/risks'), {
      title: 'Vendor model change without notice',
      source: 'Supplier practices',
      likelihood: 2,
      consequence: 2,
      ownerId: me,
    });
    await owner.patch(url('/soa/items/A.10.4'), { version: 0, included: false, justification: 'No AI customers' });
    const soa = (await owner.get(url('/soa'))).body;
    for (const i of soa.items.filter((x: { included: boolean | null }) => x.included === null))
      await owner.patch(url(`/soa/items/${i.ref}`), { version: i.version, included: true });
    // The SoA rests on approved criteria and an approved plan; its open warnings are acknowledged.
    expect(
      (
        await approver.post(url('/risk-criteria/approve'), {
          version: (await owner.get(url('/risk-criteria'))).body.draft.version,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await approver.post(url('/risk-treatment-plan/approve'), {
          number: (await owner.get(url('/risk-treatment-plan'))).body.number,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await approver.post(url('/soa/approve'), {
          version: 1,
          acknowledgement: 'Statuses and reasons are completed in the Q1 review',
        })
      ).status,
    ).toBe(200);
    return { owner, orgId };
  }

  beforeAll(async () => {
    ({ owner, orgId } = await exportOrg('Export Org'));
  });

  it('exports the register as CSV and XLSX with the same rows, filters applied', async () => {
    const csv = parseCsv((await owner.get(url('/risks/export.csv'))).text).map((r) => r.cells);
    expect(csv[0]!.slice(0, 3)).toEqual(['ref', 'title', 'kind']);
    expect(csv.slice(1).map((r) => r[0])).toEqual(['R-1', 'R-2']);
    const xlsx = await download(owner, url('/risks/export.xlsx?level=critical'));
    expect(xlsx.headers['content-disposition']).toMatch(/filename="risk-register-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const rows = await sheetRows(xlsx.bytes);
    expect(rows[0]!.slice(0, 3)).toEqual(['Ref', 'Risk', 'Kind']);
    // level filters on the current level (residual when rated): R-1 is medium after treatment.
    expect(rows).toHaveLength(1);
    const all = await sheetRows((await download(owner, url('/risks/export.xlsx'))).bytes);
    expect(all[1]).toEqual(csv[1]!.map((c) => c));
    expect((await owner.get(url('/risks/export.csv?level=extreme'))).status).toBe(400);
  });

  it('carries what an auditor asks of the register: who assessed each rating and when, the criteria and their approval, the rating history, and flags', async () => {
    const csv = parseCsv((await owner.get(url('/risks/export.csv'))).text).map((r) => r.cells);
    const col = (key: string) => csv[0]!.indexOf(key);
    const [r1, r2] = [csv[1]!, csv[2]!];
    const today = serverToday();
    expect(r1[col('inherentAssessed')]).toBe(`${today}, ${owner.user!.name}`);
    expect(r1[col('residualAssessed')]).toBe(`${today}, ${owner.user!.name}`);
    // Criteria no. 1, the draft the ratings used, was approved afterwards (a draft would read "No (draft)").
    expect(r1[col('criteria')]).toBe('1');
    expect(r1[col('criteriaApproved')]).toBe('Yes');
    expect(r1[col('ratingHistory')]!.split('\n')).toHaveLength(2);
    expect(r1[col('flags')]).toBe('');
    // no review date and no consequences for society.
    expect(r2[col('flags')]).toBe(
      'No review date; Consequences for society not stated: give them, or write "none" with the reason',
    );
  });

  it('exports the SoA as CSV and XLSX, the current one or an approved version', async () => {
    // Its own organization: this test changes the SoA after its approval.
    const { owner, orgId } = await exportOrg('SoA Export Org');
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const csv = parseCsv((await owner.get(url('/soa/export.csv'))).text).map((r) => r.cells);
    expect(csv[0]).toEqual([
      'ref',
      'control',
      'group',
      'applicable',
      'justification',
      'implementationStatus',
      'riskIds',
    ]);
    expect(csv).toHaveLength(39);
    expect(csv.find((r) => r[0] === 'A.6.2.4')).toEqual([
      'A.6.2.4',
      expect.any(String),
      'A.6',
      'Included',
      'Treats risk R-1: Unfair claim routing',
      '',
      'R-1',
    ]);
    expect(csv.find((r) => r[0] === 'A.10.4')!.slice(3, 5)).toEqual(['Excluded', 'No AI customers']);
    await owner.patch(url('/soa/items/A.10.4'), { version: 1, justification: 'Changed after approval' });
    const v1 = await download(owner, url('/soa/export.xlsx?version=1'));
    expect(v1.headers['content-disposition']).toMatch(/statement-of-applicability-v1-/);
    const rows = await sheetRows(v1.bytes);
    expect(rows.find((r) => r[0] === 'A.10.4')![4]).toBe('No AI customers');
    expect((await download(owner, url('/soa/export.xlsx?version=7'))).status).toBe(404);
  });

  it('writes the SoA, the register and the treatment plan as .docx and as PDF', async () => {
    // Its own organization, where the approved SoA (version 1) is changed: the current one is a draft of 2.
    const { owner, orgId } = await exportOrg('Document Export Org');
    const url = (p: string) => `/api/orgs/${orgId}${p}`;
    const changed = await owner.patch(url('/soa/items/A.10.4'), {
      version: 1,
      justification: 'Changed after approval',
    });
    expect(changed.status).toBe(200);
    const docx = await download(owner, url('/soa/export.docx'));
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = unzipEntry(docx.bytes, 'word/document.xml')!;
    expect(xml).toContain('Statement of Applicability');
    // The document-control block (issue 15): id, version, approver with role, derived-from versions, change log.
    for (const fact of [
      'AIMS-SOA',
      'draft of 2, not approved',
      'Not approved yet',
      'Derived from: risk criteria',
      'Derived from: treatment plan',
      'Change log',
      'Statuses and reasons are completed in the Q1 review',
    ])
      expect(xml, fact).toContain(fact);
    const v1 = unzipEntry((await download(owner, url('/soa/export.docx?version=1'))).bytes, 'word/document.xml')!;
    for (const fact of ['1 (approved)', 'Approver (top management)', 'Next review']) expect(v1, fact).toContain(fact);
    expect(xml).toContain('Treats risk R-1: Unfair claim routing');
    expect(xml).toContain('Draft of version 2');
    for (const p of ['/risks/export.docx', '/risk-treatment-plan/export.docx']) {
      const d = await download(owner, url(p));
      expect(d.status, p).toBe(200);
      expect(unzipEntry(d.bytes, 'word/document.xml'), p).toContain('R-1');
    }
    for (const p of ['/soa/export.pdf', '/risks/export.pdf', '/risk-treatment-plan/export.pdf']) {
      const pdf = await download(owner, url(p));
      expect(pdf.status, p).toBe(200);
      expect(pdf.bytes.subarray(0, 5).toString('latin1'), p).toBe('%PDF-');
    }
    const plan = await sheetRows((await download(owner, url('/risk-treatment-plan/export.xlsx'))).bytes);
    // Per treatment: the risk owner, the AI system, actions with owners and dates, resources, the residual rating.
    expect(plan[0]!.slice(0, 6)).toEqual(['Risk', 'Title', 'Risk owner', 'AI system', 'Inherent level', 'Option']);
    expect(plan[1]!.slice(0, 6)).toEqual([
      'R-1',
      'Unfair claim routing',
      owner.user!.name,
      'Claims triage',
      'Critical',
      'Modify (reduce with controls)',
    ]);
    expect(plan[1]![8]).toContain('Build the fairness test suite');
    expect(plan[1]![8]).toContain('2027-03-31');
    expect(plan[1]![9]).toBe('One data scientist, two days a release');
    expect(plan[1]![10]).toBe('Medium (2 × 3 = 6)');
  });

  itWithLibreOffice(
    'writes an SoA .xlsx (approved version) and SoA and treatment plan .docx files that LibreOffice opens',
    async () => {
      expect(
        libreOfficePages((await download(owner, url('/soa/export.xlsx?version=1'))).bytes, 'soa.xlsx'),
      ).toBeGreaterThanOrEqual(1);
      expect(
        libreOfficePages((await download(owner, url('/soa/export.docx'))).bytes, 'soa.docx'),
      ).toBeGreaterThanOrEqual(2);
      expect(
        libreOfficePages((await download(owner, url('/risk-treatment-plan/export.docx'))).bytes, 'plan.docx'),
      ).toBeGreaterThanOrEqual(1);
    },
    240_000,
  );
});
