import { z } from 'zod';
import { ZResetPassword } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { REQUEST_LIMITS } from '../../platform/http/rate-limit';
import { authOf, membershipOf } from '../../platform/http/access';
import { SESSION_COOKIE } from '../../platform/auth/authenticate';
import { ZUser } from './presenters';
import {
  completePasswordReset,
  createPasswordReset,
  previewPasswordReset,
  requestPasswordReset,
  RESET_VALID_HOURS,
  SELF_RESET_VALID_HOURS,
} from './password-resets';
import { sendPasswordReset } from './emails';
import { mailerOf } from '../../platform/mail/mailer';
import { ruleViolation } from '../../platform/errors';
import { ZEmail } from '@fortytwo/domain';

// An owner's reset link for a member, and the public request, preview and completion of a reset.
export function passwordResetRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  app.post(
    '/api/orgs/:orgId/members/:userId/password-reset',
    {
      config: { access: 'member.reset_password' },
      schema: {
        tags,
        summary: `Owners: a one-time link for a member to set a new password (/reset-password/<token>, valid ${RESET_VALID_HOURS} hours); the token is shown only here, and emailed to the member when the server sends email (emailed: true)`,
        params: z.object({ orgId: z.string().max(64), userId: z.string().max(64) }),
        response: {
          201: z.object({
            id: z.string(),
            token: z.string(),
            expiresAt: z.string(),
            user: ZUser,
            emailed: z.boolean(),
          }),
        },
      },
    },
    async (req, reply) => {
      const { user } = authOf(req);
      const created = await createPasswordReset(
        deps,
        { userId: user.id, name: user.name },
        membershipOf(req),
        req.params.userId,
      );
      const org = await deps.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', req.params.orgId)
        .executeTakeFirstOrThrow();
      const emailed = await sendPasswordReset(
        { config: deps.config, log: (m) => req.log.warn(m) },
        {
          email: created.user.email,
          name: created.user.name,
          token: created.token,
          expiresAt: created.expiresAt,
          organizationName: org.name,
          requestedBy: user.name,
        },
      );
      return reply.code(201).send({ ...created, emailed });
    },
  );

  app.post(
    '/api/password-resets',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.resetRequest },
      schema: {
        tags,
        summary: `Forgot your password: when the server sends email, a one-time link (valid ${SELF_RESET_VALID_HOURS} hour) goes to the address if it has an account; the answer is the same either way. Without email, 422: ask an owner for a link`,
        body: z.strictObject({ email: ZEmail }),
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      if (!mailerOf(deps.config).enabled)
        throw ruleViolation(
          'This server does not send email, so it cannot mail you a link. Ask an owner of your organization to create a password reset link for you.',
        );
      const sendLater = await requestPasswordReset(deps, req.body.email, (r) =>
        sendPasswordReset(
          { config: deps.config, log: (m) => req.log.warn(m) },
          { ...r, organizationName: null, requestedBy: null },
        ),
      );
      await reply.code(202).send({
        message:
          'If this address belongs to an account, a link to set a new password is on its way. It works once, within the hour.',
      });
      void sendLater();
      return reply;
    },
  );

  const ZResetParams = z.object({ token: z.string().min(10).max(100) });

  app.get(
    '/api/password-resets/:token',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.tokenLink },
      schema: {
        tags,
        summary: 'Whose password a reset link sets, and until when it works',
        params: ZResetParams,
        response: { 200: z.object({ email: z.string(), name: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req) => previewPasswordReset(deps, req.params.token),
  );

  app.post(
    '/api/password-resets/:token',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.tokenLink },
      schema: {
        tags,
        summary: 'Set a new password through a reset link (once); every session of the account ends',
        params: ZResetParams,
        body: ZResetPassword,
        response: { 200: z.object({ user: ZUser }) },
      },
    },
    async (req, reply) => {
      const result = await completePasswordReset(deps, req.params.token, req.body.password);
      // Signed in as this user in this browser? That session has just ended too.
      if (req.auth?.via === 'session' && req.auth.user.id === result.user.id)
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    },
  );
}
