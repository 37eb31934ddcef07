import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { authOf } from '../../platform/http/access';
import { TOKEN_SCOPES } from '@fortytwo/domain';
import { sendTokenCreatedNotice } from './emails';
import { createToken, listTokens, revokeToken } from './tokens';

// Personal API tokens: list, create (with a notice by email) and revoke.
const ZToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scope: z
    .enum(TOKEN_SCOPES)
    .describe(
      'full: everything your role allows; measurements: only recording measurements of metrics; releases: only recording AI system releases',
    ),
});

export function tokenRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  app.get(
    '/api/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your personal API tokens (never the secret)',
        response: { 200: z.object({ items: z.array(ZToken), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listTokens(deps, authOf(req).user.id), nextCursor: null }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a personal API token; the token is shown only in this answer',
        body: z.strictObject({
          name: z
            .string()
            .trim()
            .min(1, 'Name the token, e.g. "CI import"')
            .max(100, 'Name must be at most 100 characters'),
          scope: z.enum(TOKEN_SCOPES, { error: `Scope must be one of: ${TOKEN_SCOPES.join(', ')}` }).default('full'),
        }),
        response: { 201: ZToken.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const user = authOf(req).user;
      const created = await createToken(deps, user, req.body.name, req.body.scope);
      // Not awaited: the answer does not wait for the mail server (failures are logged).
      void sendTokenCreatedNotice(
        { config: deps.config, log: (m) => req.log.warn(m) },
        {
          email: user.email,
          name: user.name,
          tokenName: created.name,
          scope: created.scope,
          prefix: created.prefix,
          at: created.createdAt,
        },
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Revoke a token', params: z.object({ id: z.string().max(64) }) },
    },
    async (req, reply) => {
      await revokeToken(deps, authOf(req).user, req.params.id);
      return reply.code(204).send();
    },
  );
}
