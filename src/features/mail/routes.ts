import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, NullableTimestamp, problems, Timestamp } from '../../http/schemas.js';
import { notFound } from '../../shared/errors.js';
import { actorOf } from '../auth/actor.js';
import { listOutbox } from './service.js';

const OutboxEmail = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  to: Type.String(),
  from: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  html: Type.Union([Type.String(), Type.Null()]),
  state: Type.Enum(['captured', 'queued', 'sent', 'failed', 'suppressed']),
  sentAt: NullableTimestamp,
  createdAt: Timestamp,
});

export function mailRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/outbox',
    {
      config: { access: 'mail.outbox.view' },
      schema: {
        tags: ['Mail'],
        summary: 'Emails the service sent for this account, newest first (only while no SMTP_URL is set)',
        response: { 200: Items(OutboxEmail), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      if (ctx.config.mail.smtpUrl !== undefined) throw notFound('Outbox (emails go to SMTP_URL)');
      return { items: await listOutbox(ctx, actorOf(req).subject.accountId) };
    },
  );
}
