import { beforeEach, expect, it } from 'vitest';
import { ACCOUNTABILITY_ACTIVITIES } from '@fortytwo/domain';
import { addMember, type Client, describeEachDialect, newOrgOwner } from './harness';

// Accountability (5.3, issue 15): the default RACI carries the two responsibilities the clause
// names and warns while either has no one Accountable; members are internal or external; top
// management is a named role, and once named, only they approve the AI policy.

const ANSWERS = {
  ambition:
    'We use AI to decide faster and more fairly on credit, never to replace the judgement of our lending officers.',
  prohibitedUses: ['Automated refusal of credit without human review'],
  restrictedUses: ['Generative AI on customer data: approval by the AIMS manager'],
  thirdPartyStance: 'Every AI service is approved by the AIMS manager after a supplier assessment.',
  relatedPolicies: ['Information security policy'],
};

describeEachDialect('accountability (5.3): RACI check, internal and external members, top management', (ctx) => {
  let owner: Client;
  let approver: Client;
  let consultant: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const member = async (id: string) =>
    (await owner.get(url('/members'))).body.items.find((m: { user: { id: string } }) => m.user.id === id);

  /** Names a member top management, as the owner. */
  const nameTopManagement = async (userId: string) => {
    const m = await member(userId);
    return owner.patch(url(`/members/${userId}`), { version: m.version, topManagement: true });
  };

  // An organization per test: what one test changes (the RACI, affiliations, top management) is no other's start.
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Accountable Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    consultant = await addMember(ctx(), owner, orgId, 'manager');
  });

  it('starts the RACI with the two 5.3 responsibilities and warns while nobody is Accountable for them', async () => {
    const raci = (await owner.get(url('/raci'))).body;
    const names = raci.items.map((a: { name: string }) => a.name);
    for (const a of ACCOUNTABILITY_ACTIVITIES) expect(names).toContain(a.name);
    expect(raci.accountability.map((w: { code: string }) => w.code)).toEqual([
      'ACCOUNTABILITY_NO_ACCOUNTABLE',
      'ACCOUNTABILITY_NO_ACCOUNTABLE',
    ]);
    expect(raci.accountability[0].message).toContain('AIMS conformity to ISO/IEC 42001');

    const conformity = raci.items.find((a: { name: string }) => a.name === ACCOUNTABILITY_ACTIVITIES[0]!.name);
    const set = await owner.patch(url(`/raci/${conformity.id}`), {
      version: conformity.version,
      assignments: [
        { assignee: { userId: approver.user!.id }, letter: 'A' },
        { assignee: { userId: consultant.user!.id }, letter: 'R' },
      ],
    });
    expect(set.status).toBe(200);
    const reporting = raci.items.find((a: { name: string }) => a.name === ACCOUNTABILITY_ACTIVITIES[1]!.name);
    expect((await owner.delete(url(`/raci/${reporting.id}`))).status).toBe(204);
    const after = (await owner.get(url('/raci'))).body.accountability;
    expect(after).toEqual([
      expect.objectContaining({
        code: 'ACCOUNTABILITY_MISSING',
        activity: 'Reporting AIMS performance to top management',
      }),
    ]);
  });

  it('marks members internal or external and names top management, with an audit event', async () => {
    expect(await member(consultant.user!.id)).toMatchObject({ affiliation: 'internal', topManagement: false });
    const m = await member(consultant.user!.id);
    const changed = await owner.patch(url(`/members/${consultant.user!.id}`), {
      version: m.version,
      affiliation: 'external',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ affiliation: 'external', topManagement: false, role: 'manager' });
    const bad = await owner.patch(url(`/members/${consultant.user!.id}`), {
      version: changed.body.version,
      affiliation: 'freelance',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Affiliation must be internal or external');
    const events = (await owner.get(url(`/audit-events?entityType=membership&entityId=${consultant.user!.id}`))).body
      .items;
    expect(events[0].after).toMatchObject({ affiliation: 'external' });
    expect((await nameTopManagement(owner.user!.id)).body.topManagement).toBe(true);
  });

  it('lets only named top management approve the AI policy once anyone is named', async () => {
    // Someone (the owner) is top management; the approver is not yet.
    expect((await nameTopManagement(owner.user!.id)).status).toBe(200);
    const doc = (await owner.post(url('/documents'), { typeId: 'ai-policy', answers: ANSWERS })).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    const v = (await owner.get(vUrl)).body;
    const submitted = await owner.post(`${vUrl}/submit`, {
      version: v.version,
      reviewerIds: [],
      dueDate: null,
      changeSummary: 'First issue',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const refused = await approver.post(`${vUrl}/approve`, { version: submitted.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('approved by top management: ask');
    expect((await nameTopManagement(approver.user!.id)).status).toBe(200);
    const approved = await approver.post(`${vUrl}/approve`, { version: submitted.body.version });
    expect(approved.status).toBe(200);
  });

  it('keeps other organizations out of these members', async () => {
    const other = await newOrgOwner(ctx(), 'Other Accountable Org');
    expect(
      (await other.owner.patch(url(`/members/${consultant.user!.id}`), { version: 1, topManagement: true })).status,
    ).toBe(404);
  });
});
