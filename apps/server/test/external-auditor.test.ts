import { expect, it } from 'vitest';
import { addMember, anonymous, describeEachDialect, newOrgOwner, uniqueEmail, validAiSystem } from './harness';

describeEachDialect('external auditor access', (ctx) => {
  it('requires an expiry date to invite an external auditor', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const res = await owner.post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail(), role: 'external_auditor' });
    expect(res.status).toBe(400);
    // In the form's words, on the form's field (issue 18): no "(expiresAt)" in what the user reads.
    expect(res.body.error.message).toMatch(/Access ends on: an external auditor needs the day their access ends/);
    // The form shows the issue's message under the field the path names.
    expect(res.body.error.details.issues).toEqual([
      { path: 'body.expiresAt', message: 'Access ends on: an external auditor needs the day their access ends' },
    ]);
    const past = await owner.post(`/api/orgs/${orgId}/invitations`, {
      email: uniqueEmail(),
      role: 'external_auditor',
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toMatch(/Access ends on: choose today or a later day/);
  });

  it('reads but cannot write, and loses access after expiry', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Audited Client');
    const system = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem())).body;
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const auditor = await addMember(ctx(), owner, orgId, 'external_auditor', { expiresAt });

    expect((await auditor.get(`/api/orgs/${orgId}/ai-systems/${system.id}`)).status).toBe(200);
    expect((await auditor.get(`/api/orgs/${orgId}/audit-events`)).status).toBe(200);
    expect((await auditor.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem())).status).toBe(403);
    expect((await auditor.patch(`/api/orgs/${orgId}/ai-systems/${system.id}`, { version: 1, name: 'x' })).status).toBe(
      403,
    );
    expect((await auditor.delete(`/api/orgs/${orgId}/ai-systems/${system.id}`)).status).toBe(403);
    const members = await owner.get(`/api/orgs/${orgId}/members`);
    expect(members.body.items).toContainEqual(
      expect.objectContaining({ role: 'external_auditor', expiresAt, expired: false }),
    );

    // Time passes: the access window closes.
    await ctx()
      .handle.db.updateTable('memberships')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('orgId', '=', orgId)
      .where('userId', '=', auditor.user!.id)
      .execute();
    expect((await auditor.get(`/api/orgs/${orgId}/ai-systems/${system.id}`)).status).toBe(404);
    expect((await auditor.get(`/api/orgs/${orgId}`)).status).toBe(404);
    const me = await auditor.get('/api/me');
    expect(me.body.memberships.map((m: { organization: { id: string } }) => m.organization.id)).not.toContain(orgId);
  });
});

describeEachDialect('invitations', (ctx) => {
  it('previews, accepts once, and refuses a reused or revoked link', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Inviting Org');
    const email = uniqueEmail('new');
    const inv = await owner.post(`/api/orgs/${orgId}/invitations`, { email, role: 'contributor' });
    expect(inv.status).toBe(201);
    const preview = await anonymous(ctx()).get(`/api/invitations/${inv.body.token}`);
    expect(preview.body).toMatchObject({
      organization: { id: orgId, name: 'Inviting Org' },
      email,
      role: 'contributor',
      accountExists: false,
    });
    const weak = await anonymous(ctx()).post(`/api/invitations/${inv.body.token}/accept`, {
      name: 'New Person',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    const ok = await anonymous(ctx()).post(`/api/invitations/${inv.body.token}/accept`, {
      name: 'New Person',
      password: 'a good long passphrase',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user: { email }, organization: { id: orgId }, role: 'contributor' });
    expect(
      (
        await anonymous(ctx()).post(`/api/invitations/${inv.body.token}/accept`, {
          name: 'Again',
          password: 'a good long passphrase',
        })
      ).status,
    ).toBe(404);

    const revoked = await owner.post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail(), role: 'viewer' });
    expect((await owner.delete(`/api/orgs/${orgId}/invitations/${revoked.body.id}`)).status).toBe(204);
    expect((await anonymous(ctx()).get(`/api/invitations/${revoked.body.token}`)).status).toBe(404);
    const listed = await owner.get(`/api/orgs/${orgId}/invitations`);
    expect(listed.body.items.map((i: { status: string }) => i.status).sort()).toEqual(['accepted', 'revoked']);
    expect(JSON.stringify(listed.body)).not.toContain(inv.body.token);
  });

  it('lets a signed-in user with another organization accept, only for their own email', async () => {
    const a = await newOrgOwner(ctx(), 'Consultant home');
    const b = await newOrgOwner(ctx(), 'Client');
    const forA = await b.owner.post(`/api/orgs/${b.orgId}/invitations`, {
      email: a.owner.user!.email,
      role: 'manager',
    });
    expect((await b.owner.post(`/api/invitations/${forA.body.token}/accept`, {})).status).toBe(403);
    const accepted = await a.owner.post(`/api/invitations/${forA.body.token}/accept`, {});
    expect(accepted.status).toBe(200);
    const me = await a.owner.get('/api/me');
    expect(me.body.memberships.map((m: { role: string }) => m.role).sort()).toEqual(
      expect.arrayContaining(['manager', 'owner']),
    );
  });
});
