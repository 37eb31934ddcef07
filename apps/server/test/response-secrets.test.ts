import { expect, it } from 'vitest';
import { addMember, anonymous, describeEachDialect, PASSWORD, signIn, uniqueEmail } from './harness';

// Issue 19, item 4: production sends answers as the handlers build them, with nothing stripped by the
// response schemas any more. So the answers that carry people, members, sessions, invitations and
// tokens are read here as production sends them (NODE_ENV=production: the plain serializer), and
// none may hold a stored secret: a password hash, a token or device hash, a full session id.

/** The column names that hold secrets (platform/db/schema/identity.ts); none may appear as a field. */
const SECRET_FIELDS = ['passwordHash', 'tokenHash', 'deviceHash', 'stateHash'];

/** Every field name anywhere in a JSON answer. */
function fieldNames(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldNames(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      fieldNames(v, out);
    }
  return out;
}

describeEachDialect(
  'no answer carries a stored secret, as production sends it',
  (ctx) => {
    it('user, member, invitation, session, token and password-reset answers hold no hash or session id', async () => {
      const server = ctx();
      const answers: Record<string, { status: number; text: string }> = {};
      const keep = (name: string, res: { status: number; text: string }, status: number) => {
        expect(res.status, `${name}: ${res.text}`).toBe(status);
        answers[name] = res;
        return res;
      };
      // This file's server is fresh: its first owner comes through setup, whose answer has no schema.
      const ownerEmail = uniqueEmail('owner');
      const setup = keep(
        'POST setup',
        await anonymous(server).post('/api/setup', {
          email: ownerEmail,
          password: PASSWORD,
          name: 'Olivia Owner',
          organizationName: 'Secrets Org',
        }),
        201,
      );
      const orgId = (JSON.parse(setup.text) as { organization: { id: string } }).organization.id;
      const owner = await signIn(server, ownerEmail);
      const member = await addMember(server, owner, orgId, 'contributor');
      const memberId = member.user!.id;

      // A pending invitation (its preview and the list show it), then one accepted by a new person.
      const pending = keep(
        'POST invitation',
        await owner.post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail('pending'), role: 'viewer' }),
        201,
      );
      const token = (JSON.parse(pending.text) as { token: string }).token;
      keep('GET invitation preview', await anonymous(server).get(`/api/invitations/${token}`), 200);
      const second = keep(
        'POST invitation 2',
        await owner.post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail('joiner'), role: 'approver' }),
        201,
      );
      const secondToken = (JSON.parse(second.text) as { token: string }).token;
      keep(
        'POST accept',
        await anonymous(server).post(`/api/invitations/${secondToken}/accept`, {
          name: 'Joe Joiner',
          password: PASSWORD,
        }),
        200,
      );

      keep(
        'POST login',
        await anonymous(server).post('/api/auth/login', { email: owner.user!.email, password: PASSWORD }),
        200,
      );
      keep('GET me', await owner.get('/api/me'), 200);
      keep('GET sessions', await owner.get('/api/auth/sessions'), 200);
      keep('GET orgs', await owner.get('/api/orgs'), 200);
      keep('GET org', await owner.get(`/api/orgs/${orgId}`), 200);
      const members = keep('GET members', await owner.get(`/api/orgs/${orgId}/members`), 200);
      const listed = (JSON.parse(members.text) as { items: { user: { id: string }; version: number }[] }).items;
      const version = listed.find((m) => m.user.id === memberId)!.version;
      keep(
        'PATCH member',
        await owner.patch(`/api/orgs/${orgId}/members/${memberId}`, { version, role: 'viewer' }),
        200,
      );
      keep('GET invitations', await owner.get(`/api/orgs/${orgId}/invitations`), 200);
      keep('POST token', await owner.post('/api/tokens', { name: 'ci' }), 201);
      keep('GET tokens', await owner.get('/api/tokens'), 200);
      const reset = keep(
        'POST password reset',
        await owner.post(`/api/orgs/${orgId}/members/${memberId}/password-reset`),
        201,
      );
      const resetToken = (JSON.parse(reset.text) as { token: string }).token;
      keep('GET password reset', await anonymous(server).get(`/api/password-resets/${resetToken}`), 200);
      keep('GET audit events', await owner.get(`/api/orgs/${orgId}/audit-events?limit=500`), 200);
      // The member signs in again (a second session and a known device) before the secrets are read.
      await signIn(server, member.user!.email);

      const db = server.handle.db;
      const secrets = [
        ...(await db.selectFrom('users').select('passwordHash as s').execute()),
        ...(await db.selectFrom('sessions').select('id as s').execute()),
        ...(await db.selectFrom('apiTokens').select('tokenHash as s').execute()),
        ...(await db.selectFrom('invitations').select('tokenHash as s').execute()),
        ...(await db.selectFrom('passwordResets').select('tokenHash as s').execute()),
        ...(await db.selectFrom('knownDevices').select('deviceHash as s').execute()),
      ].map((r) => r.s);
      // Each kind of secret is there to be looked for: two password hashes at least, sessions, etc.
      expect(secrets.length).toBeGreaterThanOrEqual(8);

      for (const [name, res] of Object.entries(answers)) {
        const fields = [...fieldNames(JSON.parse(res.text))];
        expect(
          fields.filter((f) => SECRET_FIELDS.includes(f) || /password/i.test(f)),
          `${name} has a secret field`,
        ).toEqual([]);
        for (const secret of secrets) expect(res.text.includes(secret), `${name} holds a stored secret`).toBe(false);
      }
    });
  },
  { env: () => ({ NODE_ENV: 'production' }) },
);
