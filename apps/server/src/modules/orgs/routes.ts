import { z } from 'zod';
import {
  MEMBER_AFFILIATIONS,
  ZInvitationInput,
  ZOrganizationName,
  ZPassword,
  ZPersonName,
  ZRole,
  versionField,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { REQUEST_LIMITS } from '../../platform/http/rate-limit';
import { authOf, membershipOf } from '../../platform/http/access';
import { AppError } from '../../platform/errors';
import { createOrganization } from './create-organization';
import { getOrganization, listMyOrganizations, renameOrganization } from './organizations';
import { changeMember, listMembers, removeMember } from './members';
import { acceptInvitation, inviteMember, listInvitations, previewInvitation, revokeInvitation } from './invitations';
import { ZInvitation, ZMember, ZOrganization, ZOrgParams } from './schema';
import { sendInvitation } from '../identity/emails';

const actorOf = (user: { id: string; name: string }) => ({ userId: user.id, name: user.name });

export function orgRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];

  app.get(
    '/api/orgs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Organizations you belong to',
        response: {
          200: z.object({
            items: z.array(ZOrganization.extend({ role: ZRole, expiresAt: z.string().nullable() })),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (req) => {
      const rows = await listMyOrganizations(deps, authOf(req).user.id);
      return {
        items: rows.map((r) => ({ ...r.organization, role: r.role, expiresAt: r.expiresAt })),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/api/orgs',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create an organization; you become its owner',
        body: z.strictObject({ name: ZOrganizationName }),
        response: { 201: ZOrganization },
      },
    },
    async (req, reply) => {
      const user = authOf(req).user;
      return reply.code(201).send(await createOrganization(deps, { userId: user.id, name: user.name }, req.body.name));
    },
  );

  app.get(
    '/api/orgs/:orgId',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'One organization',
        params: ZOrgParams,
        response: { 200: ZOrganization.extend({ myRole: ZRole }) },
      },
    },
    async (req) => ({ ...(await getOrganization(deps, req.params.orgId)), myRole: membershipOf(req).role }),
  );

  app.patch(
    '/api/orgs/:orgId',
    {
      config: { access: 'org.update' },
      schema: {
        tags,
        summary: 'Rename an organization',
        params: ZOrgParams,
        body: z.strictObject({ version: versionField(), name: ZOrganizationName }),
        response: { 200: ZOrganization },
      },
    },
    async (req) => renameOrganization(deps, actorOf(authOf(req).user), req.params.orgId, req.body),
  );

  app.get(
    '/api/orgs/:orgId/members',
    {
      config: { access: 'member.read' },
      schema: {
        tags,
        summary: 'Members with their roles',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZMember), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listMembers(deps, req.params.orgId), nextCursor: null }),
  );

  app.patch(
    '/api/orgs/:orgId/members/:userId',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary:
          "Change a member's role, access expiry, affiliation (internal or external) or whether they are named as top management",
        params: ZOrgParams.extend({ userId: z.string().max(64) }),
        body: z.strictObject({
          version: versionField(),
          role: ZRole.optional(),
          expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
          affiliation: z.enum(MEMBER_AFFILIATIONS, { error: 'affiliation must be internal or external' }).optional(),
          topManagement: z.boolean({ error: 'topManagement must be true or false' }).optional(),
        }),
        response: { 200: ZMember },
      },
    },
    async (req) => changeMember(deps, actorOf(authOf(req).user), membershipOf(req), req.params.userId, req.body),
  );

  app.delete(
    '/api/orgs/:orgId/members/:userId',
    {
      config: { access: 'member.manage' },
      schema: { tags, summary: 'Remove a member', params: ZOrgParams.extend({ userId: z.string().max(64) }) },
    },
    async (req, reply) => {
      await removeMember(deps, actorOf(authOf(req).user), membershipOf(req), req.params.userId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/orgs/:orgId/invitations',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary: 'Invitations sent',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZInvitation), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listInvitations(deps, req.params.orgId), nextCursor: null }),
  );

  app.post(
    '/api/orgs/:orgId/invitations',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary:
          'Invite someone with a role; the token (for the link /invitations/<token>) is shown only here, and emailed to the invitee when the server sends email (emailed: true)',
        params: ZOrgParams,
        body: ZInvitationInput,
        response: {
          201: ZInvitation.extend({
            token: z.string(),
            emailed: z
              .boolean()
              .describe('the invitation left by email (SMTP configured and accepted by the mail server)'),
          }),
        },
      },
    },
    async (req, reply) => {
      const user = authOf(req).user;
      const created = await inviteMember(deps, { userId: user.id, name: user.name }, membershipOf(req), req.body);
      const org = await deps.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', req.params.orgId)
        .executeTakeFirstOrThrow();
      const emailed = await sendInvitation(
        { config: deps.config, log: (m) => req.log.warn(m) },
        {
          email: created.email,
          organizationName: org.name,
          inviterName: user.name,
          role: created.role,
          token: created.token,
          expiresAt: created.expiresAt,
        },
      );
      return reply.code(201).send({ ...created, emailed });
    },
  );

  app.delete(
    '/api/orgs/:orgId/invitations/:id',
    {
      config: { access: 'member.manage' },
      schema: { tags, summary: 'Revoke a pending invitation', params: ZOrgParams.extend({ id: z.string().max(64) }) },
    },
    async (req, reply) => {
      await revokeInvitation(deps, actorOf(authOf(req).user), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  const ZTokenParams = z.object({ token: z.string().min(10).max(100) });

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.tokenLink },
      schema: { tags, summary: 'What an invitation link offers', params: ZTokenParams },
    },
    async (req) => previewInvitation(deps, req.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.tokenLink },
      schema: {
        tags,
        summary: 'Accept an invitation: { name, password } creates your account; {} accepts as the signed-in user',
        params: ZTokenParams,
        body: z
          .strictObject({ name: ZPersonName.optional(), password: ZPassword.optional() })
          .refine(
            (b) => (b.name === undefined) === (b.password === undefined),
            'Send both name and password to create your account, or neither to accept as the signed-in user',
          ),
      },
    },
    async (req) => {
      const auth = req.auth;
      // The route is public (new users have no session yet), so the CSRF rule is applied here.
      if (auth?.via === 'session' && req.headers['x-csrf-token'] !== auth.csrfToken) {
        throw new AppError('CSRF', 'Missing or wrong X-CSRF-Token header: send the csrfToken returned at login');
      }
      const { name, password } = req.body;
      const newAccount = name !== undefined && password !== undefined ? { name, password } : null;
      return acceptInvitation(deps, req.params.token, auth?.user ?? null, newAccount);
    },
  );
}
