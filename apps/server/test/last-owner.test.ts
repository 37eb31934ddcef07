import { expect, it } from 'vitest';
import { addMember, describeEachDialect, newOrgOwner } from './harness';

// An organization always keeps an owner whose access does not end: the last such owner setting
// their own access to end (in the past or later) would lock everyone out (issue 17, item 9).

describeEachDialect('the last owner', (ctx) => {
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

  it('cannot end their own access, now or later, while no other owner keeps theirs', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Lockout Org');
    const self = `/api/orgs/${orgId}/members/${owner.user!.id}`;
    const past = await owner.patch(self, { version: 1, expiresAt: days(-1) });
    expect(past.status).toBe(422);
    expect(past.body.error).toMatchObject({
      message: 'Access ends on: choose today or a later day. To end access now, remove the member.',
      details: { field: 'expiresAt' },
    });
    const later = await owner.patch(self, { version: 1, expiresAt: days(30) });
    expect(later.status).toBe(422);
    expect(later.body.error.message).toBe(
      'This is the last owner whose access does not end. Make another member owner (without an end date) first.',
    );
    expect((await owner.get(`/api/orgs/${orgId}`)).status).toBe(200);
  });

  it('may set an end date once another owner keeps lasting access, and that owner then cannot end theirs', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Two Owners Org');
    const other = await addMember(ctx(), owner, orgId, 'owner');
    const mine = await owner.patch(`/api/orgs/${orgId}/members/${owner.user!.id}`, { version: 1, expiresAt: days(30) });
    expect(mine.status).toBe(200);
    const theirs = await other.patch(`/api/orgs/${orgId}/members/${other.user!.id}`, {
      version: 1,
      expiresAt: days(60),
    });
    expect(theirs.status).toBe(422);
    // Removing the owner who keeps lasting access is refused too; the one with an end date may go.
    expect((await owner.delete(`/api/orgs/${orgId}/members/${other.user!.id}`)).status).toBe(422);
    expect((await other.delete(`/api/orgs/${orgId}/members/${owner.user!.id}`)).status).toBe(204);
  });
});
