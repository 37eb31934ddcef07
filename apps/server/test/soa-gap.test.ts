import { beforeEach, expect, it } from 'vitest';
import { type Client, describeEachDialect, newOrgOwner } from './harness';

// The gap analysis feeds the SoA (issue 18): A.6.2.4 answered "nonconformant" shows beside the
// control and, applied, becomes its implementation status through the SoA's own write.

describeEachDialect('gap results in the SoA', (ctx) => {
  let owner: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;

  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Gap SoA Org'));
  });

  it('has nothing to offer before a gap assessment', async () => {
    expect((await owner.get(url('/soa/gap-results'))).body).toEqual({ assessment: null, items: [] });
  });

  it("offers the latest gap result as the control's implementation status, and applying it writes the SoA", async () => {
    const gap = (await owner.post(url('/gap-assessments'), { name: 'Baseline' })).body;
    const item = gap.items.find((i: { ref: string }) => i.ref === 'A.6.2.4');
    expect(
      (
        await owner.patch(url(`/gap-assessments/${gap.id}/items/A.6.2.4`), {
          version: item.version,
          result: 'nonconformant',
        })
      ).status,
    ).toBe(200);
    const res = await owner.get(url('/soa/gap-results'));
    expect(res.status).toBe(200);
    expect(res.body.assessment).toMatchObject({ id: gap.id, name: 'Baseline' });
    expect(res.body.items).toEqual([{ ref: 'A.6.2.4', result: 'nonconformant', suggestedStatus: 'planned' }]);
    const soaItem = (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.6.2.4');
    expect(soaItem.implementationStatus).toBeNull();
    const applied = await owner.patch(url('/soa/items/A.6.2.4'), {
      version: soaItem.version,
      implementationStatus: res.body.items[0].suggestedStatus,
    });
    expect(applied.status).toBe(200);
    expect(
      (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.6.2.4').implementationStatus,
    ).toBe('planned');
  });

  it("keeps another organization's results to itself", async () => {
    const other = await newOrgOwner(ctx(), 'Other Gap SoA Org');
    expect([403, 404]).toContain((await other.owner.get(url('/soa/gap-results'))).status);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/soa/gap-results`)).body).toEqual({
      assessment: null,
      items: [],
    });
  });
});
