import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { authOf } from '../../platform/http/access';
import { nowIso } from '../../platform/ids';
import { mailerOf } from '../../platform/mail/mailer';
import { readSettings, updateSettings, ZNotificationSettings, ZNotificationSettingsInput } from './settings';

const ZNotification = z.object({
  id: z.string(),
  orgId: z.string().nullable(),
  kind: z.string().describe('reminder, digest or access_expiry'),
  subject: z.string(),
  body: z.string().describe('plain text'),
  link: z.string().nullable().describe('where in the web app it leads'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  emailed: z.boolean(),
});

export function notificationRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Notifications'];

  app.get(
    '/api/me/notifications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your latest notifications (reminders, digests), newest first, with how many are unread',
        response: { 200: z.object({ items: z.array(ZNotification), nextCursor: z.null(), unread: z.number() }) },
      },
    },
    async (req) => {
      const userId = authOf(req).user.id;
      const rows = await deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('userId', '=', userId)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      const unread = await deps.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirst();
      return {
        items: rows.map((r) => ({
          id: r.id,
          orgId: r.orgId,
          kind: r.kind,
          subject: r.subject,
          body: r.body,
          link: r.link,
          createdAt: r.createdAt,
          readAt: r.readAt,
          emailed: r.emailedAt !== null,
        })),
        nextCursor: null,
        unread: Number(unread?.n ?? 0),
      };
    },
  );

  app.post(
    '/api/me/notifications/read',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark your notifications read: the ids given, or all of them without ids',
        body: z.strictObject({ ids: z.array(z.string().max(64)).max(500).optional() }),
        response: { 200: z.object({ marked: z.number() }) },
      },
    },
    async (req) => {
      let q = deps.db
        .updateTable('notifications')
        .set({ readAt: nowIso() })
        .where('userId', '=', authOf(req).user.id)
        .where('readAt', 'is', null);
      if (req.body.ids) q = q.where('id', 'in', req.body.ids.length ? req.body.ids : ['']);
      return { marked: Number((await q.executeTakeFirst()).numUpdatedRows) };
    },
  );

  app.get(
    '/api/me/notification-settings',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Which reminders you receive, and whether they come by email',
        response: {
          200: ZNotificationSettings.extend({
            email: z.boolean().describe('true when the server sends email; otherwise notifications stay in the app'),
          }),
        },
      },
    },
    async (req) => ({ ...(await readSettings(deps.db, authOf(req).user.id)), email: mailerOf(deps.config).enabled }),
  );

  app.put(
    '/api/me/notification-settings',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Turn the daily digest or the immediate reminders on or off; send the version you read',
        body: ZNotificationSettingsInput,
        response: { 200: ZNotificationSettings.extend({ email: z.boolean() }) },
      },
    },
    async (req) => ({
      ...(await updateSettings(deps, authOf(req).user, req.body)),
      email: mailerOf(deps.config).enabled,
    }),
  );
}
