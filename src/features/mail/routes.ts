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
  redacted: Type.Boolean({
    description:
      'True when the body is withheld: a password-reset email is readable only by its recipient (text says so, html is null).',
  }),
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
        description:
          'A password-reset email is readable only by its recipient (the signed-in member it was sent to); ' +
          'to other Account Admins it is listed with its body withheld (redacted: true).',
        response: { 200: Items(OutboxEmail), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      if (ctx.config.mail.smtpUrl !== undefined) throw notFound('Outbox (emails go to SMTP_URL)');
      const actor = actorOf(req);
      return {
        items: await listOutbox(ctx, { accountId: actor.subject.accountId, email: actor.member.email }),
      };
    },
  );
}
