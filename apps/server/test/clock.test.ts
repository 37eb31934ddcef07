import { afterEach, expect, it } from 'vitest';
import { addDays } from '@fortytwo/domain';
import { setClock, clockFrom } from '../src/platform/clock';
import { addMember, describeEachDialect, newOrgOwner } from './harness';

// The server reads "now" and "today" from one clock (platform/clock.ts): a test that pins it sees the
// pinned day in what the server records and in what it says, with no date computed apart from it.

describeEachDialect('the server clock', (ctx) => {
  afterEach(() => setClock(null));

  it('dates an approval, and the overview that reports it, by the clock a test pins', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Clock Org');
    const approver = await addMember(ctx(), owner, orgId, 'approver');
    // Three days back: far enough to tell from today, near enough that the sessions (14 idle days) hold.
    const day = addDays(new Date().toISOString().slice(0, 10), -3);
    setClock(clockFrom(`${day}T12:00:00.000Z`));
    const draft = (await owner.get(`/api/orgs/${orgId}/risk-criteria`)).body.draft;
    const approved = await approver.post(`/api/orgs/${orgId}/risk-criteria/approve`, { version: draft.version });
    expect(approved.status).toBe(200);
    expect(approved.body.inForce.approvedAt.slice(0, 10)).toBe(day);
    const scope = (await owner.get(`/api/orgs/${orgId}/overview`)).body.steps.find(
      (s: { slug: string }) => s.slug === 'scope',
    );
    expect(scope.facts).toContain(`Risk criteria No. 1 approved on ${day}`);
  });
});
