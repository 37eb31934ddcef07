import { beforeEach, expect, it } from 'vitest';
import { parseCsv } from '@fortytwo/domain';
import { addMember, type Client, describeEachDialect, newOrgOwner } from './harness';
import { download, sheetRows } from './files';

describeEachDialect('context and interested parties', (ctx) => {
  let owner: Client;
  let orgId: string;

  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Context Org'));
  });

  it('starts with an empty context record and saves the climate decision and AI roles with reasons', async () => {
    const empty = await owner.get(`/api/orgs/${orgId}/context`);
    expect(empty.body).toEqual({
      climateRelevant: null,
      climateReason: '',
      aiRoles: [],
      summary: '',
      version: 0,
      updatedAt: null,
    });
    const saved = await owner.patch(`/api/orgs/${orgId}/context`, {
      version: 0,
      climateRelevant: false,
      climateReason: 'Our AI runs on a provider with audited renewable energy; no physical climate exposure.',
      aiRoles: [
        {
          role: 'provider',
          subRoles: ['ai_product_or_service_provider'],
          reason: 'We offer a credit decision service that uses our models.',
        },
        { role: 'customer', subRoles: ['ai_user'], reason: 'We use a third-party chatbot.' },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      climateRelevant: false,
      version: 1,
      aiRoles: [{ role: 'provider' }, { role: 'customer' }],
    });
    const stale = await owner.patch(`/api/orgs/${orgId}/context`, { version: 0, summary: 'lost' });
    expect(stale.status).toBe(409);
    const events = await owner.get(`/api/orgs/${orgId}/audit-events?entityType=org_context`);
    expect(events.body.items[0]).toMatchObject({ action: 'context.updated', after: { climateRelevant: false } });
  });

  it('asks for a reason with a climate decision, known sub-roles and each role once', async () => {
    const { owner: o, orgId: id } = await newOrgOwner(ctx(), 'Context Rules Org');
    const noReason = await o.patch(`/api/orgs/${id}/context`, { version: 0, climateRelevant: true });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toContain('reason for the climate-change decision');
    const badSub = await o.patch(`/api/orgs/${id}/context`, {
      version: 0,
      aiRoles: [{ role: 'customer', subRoles: ['regulator'], reason: 'x' }],
    });
    expect(badSub.status).toBe(400);
    expect(badSub.body.error.message).toContain('"regulator" is not a sub-role of customer');
    const twice = await o.patch(`/api/orgs/${id}/context`, {
      version: 0,
      aiRoles: [
        { role: 'customer', reason: 'a' },
        { role: 'customer', reason: 'b' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('listed twice');
    expect((await o.get(`/api/orgs/${id}/context`)).body.version).toBe(0);
  });

  it('keeps an issues register with filters, versions and CSV', async () => {
    const a = await owner.post(`/api/orgs/${orgId}/context-issues`, {
      kind: 'external',
      category: 'legal_regulatory',
      description: 'EU AI Act obligations for high-risk credit scoring',
      effect: 'Drives the risk and documentation work',
      reviewDate: '2027-06-30',
    });
    expect(a.status).toBe(201);
    await owner.post(`/api/orgs/${orgId}/context-issues`, {
      kind: 'internal',
      category: 'organizational',
      description: 'Data science team of four people',
    });
    const external = await owner.get(`/api/orgs/${orgId}/context-issues?kind=external`);
    expect(external.body.items.map((i: { description: string }) => i.description)).toEqual([
      'EU AI Act obligations for high-risk credit scoring',
    ]);
    const changed = await owner.patch(`/api/orgs/${orgId}/context-issues/${a.body.id}`, {
      version: 1,
      effect: 'Drives risk, documentation and oversight',
    });
    expect(changed.body).toMatchObject({ version: 2, category: 'legal_regulatory' });
    expect(
      (await owner.patch(`/api/orgs/${orgId}/context-issues/${a.body.id}`, { version: 1, effect: 'x' })).status,
    ).toBe(409);
    const bad = await owner.post(`/api/orgs/${orgId}/context-issues`, {
      kind: 'outer',
      category: 'legal_regulatory',
      description: '',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('internal or external');
    const file = await owner.get(`/api/orgs/${orgId}/context-issues/export.csv`);
    const rows = parseCsv(file.text).map((r) => r.cells);
    expect(rows[0]).toEqual(['kind', 'category', 'description', 'effect', 'source', 'reviewDate']);
    expect(rows).toHaveLength(3);
    const xlsx = await download(owner, `/api/orgs/${orgId}/context-issues/export.xlsx?kind=external`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await sheetRows(xlsx.bytes)).map((r) => r[2])).toEqual([
      'Description',
      'EU AI Act obligations for high-risk credit scoring',
    ]);
    expect((await owner.delete(`/api/orgs/${orgId}/context-issues/${a.body.id}`)).status).toBe(204);
  });

  it('records parties with requirements, each addressed through ISO refs or a description', async () => {
    const p = await owner.post(`/api/orgs/${orgId}/interested-parties`, {
      name: 'Financial regulator',
      category: 'regulators',
      requirements: [
        {
          kind: 'legal',
          description: 'Explain automated credit decisions to applicants',
          addressed: true,
          refs: ['A.8.2', '7.4'],
        },
        { kind: 'legal', description: 'Report serious incidents', addressed: false },
      ],
    });
    expect(p.status).toBe(201);
    expect(p.body.requirements).toHaveLength(2);
    expect(p.body.requirements[0]).toMatchObject({ id: expect.any(String), addressed: true, refs: ['A.8.2', '7.4'] });
    const noHow = await owner.post(`/api/orgs/${orgId}/interested-parties`, {
      name: 'Customers',
      category: 'customers',
      requirements: [{ kind: 'ethical', description: 'Fair treatment', addressed: true }],
    });
    expect(noHow.status).toBe(422);
    expect(noHow.body.error.message).toContain('Requirement 1: Say how the AIMS addresses');
    const badRef = await owner.post(`/api/orgs/${orgId}/interested-parties`, {
      name: 'Customers',
      category: 'customers',
      requirements: [{ kind: 'ethical', description: 'Fair', addressed: true, refs: ['A.99'] }],
    });
    expect(badRef.status).toBe(422);
    const kept = p.body.requirements[0];
    const changed = await owner.patch(`/api/orgs/${orgId}/interested-parties/${p.body.id}`, {
      version: 1,
      requirements: [
        kept,
        {
          kind: 'contractual',
          description: 'Annual assurance report',
          addressed: true,
          how: 'Internal audit report shared yearly',
        },
      ],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.requirements[0].id).toBe(kept.id);
    expect(changed.body.requirements).toHaveLength(2);
    const rows = parseCsv((await owner.get(`/api/orgs/${orgId}/interested-parties/export.csv`)).text).map(
      (r) => r.cells,
    );
    expect(rows[1]).toEqual([
      'Financial regulator',
      'regulators',
      'legal',
      'Explain automated credit decisions to applicants',
      'yes',
      '',
      'A.8.2; 7.4',
    ]);
    const xlsx = await download(owner, `/api/orgs/${orgId}/interested-parties/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/filename="interested-parties-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheet = await sheetRows(xlsx.bytes);
    expect(sheet[0]).toEqual([
      'Party',
      'Category',
      'Requirement kind',
      'Requirement',
      'Addressed by the AIMS',
      'How',
      'Clauses and controls',
    ]);
    expect(sheet.slice(1)).toEqual(rows.slice(1));
  });

  it("gives requirement ids itself: a client keeps one of the party's own ids, never plants another", async () => {
    const other = await newOrgOwner(ctx(), 'Other Party Org');
    const theirs = (
      await other.owner.post(`/api/orgs/${other.orgId}/interested-parties`, {
        name: 'Their regulator',
        category: 'regulators',
        requirements: [{ kind: 'legal', description: 'Theirs', addressed: false }],
      })
    ).body;
    const theirId = theirs.requirements[0].id as string;
    const requirement = (description: string, extra: Record<string, unknown> = {}) => ({
      kind: 'legal',
      description,
      addressed: true,
      refs: ['A.6.2.4'],
      ...extra,
    });

    // On creation every id is the server's, whatever was sent.
    const created = await owner.post(`/api/orgs/${orgId}/interested-parties`, {
      name: 'Auditor',
      category: 'certification_body',
      requirements: [
        requirement('Verification before release', { id: theirId }),
        requirement('Chosen id', { id: 'my-own-id' }),
      ],
    });
    expect(created.status).toBe(201);
    const [first, second] = created.body.requirements as { id: string }[];
    expect([first!.id, second!.id]).not.toContain(theirId);
    expect(second!.id).not.toBe('my-own-id');

    // On update: its own id is kept (once); another organization's or another party's is a new requirement.
    const sibling = (
      await owner.post(`/api/orgs/${orgId}/interested-parties`, {
        name: 'Sibling',
        category: 'other',
        requirements: [requirement('Sibling requirement')],
      })
    ).body;
    const updated = await owner.patch(`/api/orgs/${orgId}/interested-parties/${created.body.id}`, {
      version: 1,
      requirements: [
        requirement('Verification before every release', { id: first!.id }),
        requirement('Same id twice', { id: first!.id }),
        requirement('Planted', { id: theirId }),
        requirement('From a sibling', { id: sibling.requirements[0].id }),
      ],
    });
    expect(updated.status).toBe(200);
    const ids = (updated.body.requirements as { id: string }[]).map((r) => r.id);
    expect(ids[0]).toBe(first!.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).not.toContain(theirId);
    expect(ids).not.toContain(sibling.requirements[0].id);
    expect(ids).not.toContain(second!.id); // left out: removed

    // The other organization's party is untouched.
    expect((await other.owner.get(`/api/orgs/${other.orgId}/interested-parties`)).body.items[0].requirements).toEqual(
      theirs.requirements,
    );

    // The SoA still links the control to the kept requirement (once, with its new words) and the new ones.
    const soaItem = (await owner.get(`/api/orgs/${orgId}/soa`)).body.items.find(
      (i: { ref: string }) => i.ref === 'A.6.2.4',
    );
    const linked = (soaItem.requirements as { partyName: string; description: string }[])
      .filter((q) => q.partyName === 'Auditor')
      .map((q) => q.description);
    expect(linked).toEqual(['Verification before every release', 'Same id twice', 'Planted', 'From a sibling']);
  });

  it('lets a viewer read but not write, and hides other organizations behind 404', async () => {
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await viewer.get(`/api/orgs/${orgId}/interested-parties`)).status).toBe(200);
    expect(
      (
        await viewer.post(`/api/orgs/${orgId}/context-issues`, {
          kind: 'internal',
          category: 'other',
          description: 'x',
        })
      ).status,
    ).toBe(403);
    const other = await newOrgOwner(ctx(), 'Other Context Org');
    expect((await other.owner.get(`/api/orgs/${orgId}/context`)).status).toBe(404);
    const issue = await owner.post(`/api/orgs/${orgId}/context-issues`, {
      kind: 'internal',
      category: 'other',
      description: 'private',
    });
    expect(
      (
        await other.owner.patch(`/api/orgs/${other.orgId}/context-issues/${issue.body.id}`, {
          version: 1,
          description: 'hijack',
        })
      ).status,
    ).toBe(404);
  });
});
