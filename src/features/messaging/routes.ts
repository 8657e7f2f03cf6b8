import { Type } from 'typebox';
import { MASK, masksAttributes, maskWithin } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { App } from '../../http/app.js';
import { Page, problems, Timestamp } from '../../http/schemas.js';
import { DomainError, missing } from '../../shared/errors.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { deliveryStates } from '../content/kinds/views.js';
import { kinds } from '../content/kinds.js';
import { MessageParams, messageOf, PreviewBody } from '../content/messages.js';
import type { Message } from '../content/messages-schema.js';
import { customerOf, renderOutcome, templateParts } from '../content/render.js';
import { findItem } from '../content/service.js';
import { findPerson } from '../people/store.js';
import { recordSupportTestSend, refuseSupportTestSend } from '../support/test-send.js';
import { workspaceWithTestRecipient } from '../workspaces/test-recipient.js';
import { startBroadcast } from './broadcast.js';
import { sendMessage, startSend } from './send.js';
import * as store from './store.js';

/** Sending (test sends, broadcasts), Deliveries & Drafts, metrics, and the tracking links. */

const states = deliveryStates;

const Delivery = Type.Object({
  id: Type.String(),
  channel: Type.Enum(['email', 'webhook']),
  messageId: Type.String(),
  sourceId: Type.String(),
  cioId: Type.Union([Type.String(), Type.Null()]),
  recipient: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  state: Type.Enum(states),
  reason: Type.Union([Type.String(), Type.Null()]),
  metrics: Type.Boolean({ description: 'False for test sends and test mode: no metrics recorded' }),
  opens: Type.Integer(),
  clicks: Type.Integer(),
  unsubscribed: Type.Boolean({
    description:
      'Its person unsubscribed through it (POST /unsubscribe/{delivery_id}), even if they resubscribed since',
  }),
  reported: Type.Array(Type.Enum(store.reportedOutcomes), {
    description: 'What a Track API client reported of it besides opens and clicks (POST /api/v1/metrics)',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const Metrics = Type.Object({
  deliveries: Type.Integer(),
  test: Type.Integer({ description: 'Test sends and test-mode deliveries, which count in nothing else' }),
  queued: Type.Integer(),
  sent: Type.Integer(),
  captured: Type.Integer({ description: 'Kept in the outbox (no SMTP_URL)' }),
  failed: Type.Integer(),
  suppressed: Type.Integer(),
  opened: Type.Integer(),
  clicked: Type.Integer(),
  delivered: Type.Integer({
    description: 'Deliveries a Track API client reported delivered (POST /api/v1/metrics)',
  }),
  converted: Type.Integer({
    description: 'Deliveries a Track API client reported converted (POST /api/v1/metrics)',
  }),
  bounced: Type.Integer({
    description: 'Deliveries a Track API client reported bounced (POST /api/v1/metrics)',
  }),
  deferred: Type.Integer({
    description: 'Deliveries a Track API client reported deferred (POST /api/v1/metrics)',
  }),
  dropped: Type.Integer({
    description: 'Deliveries a Track API client reported dropped (POST /api/v1/metrics)',
  }),
  spammed: Type.Integer({
    description: 'Deliveries a Track API client reported spammed (POST /api/v1/metrics)',
  }),
  unsubscribed: Type.Integer({
    description: 'Deliveries whose person unsubscribed through them (POST /unsubscribe/{delivery_id})',
  }),
});

/** A delivery as the caller sees it: the recipient's address is personal data, masked when hidden. */
function toDelivery(actor: Actor, workspaceId: string) {
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  return (row: store.ListedDelivery) => ({
    id: row.id,
    channel: row.channel as 'email' | 'webhook',
    messageId: row.messageId,
    sourceId: row.sourceId,
    cioId: row.cioId,
    recipient: masked && row.recipient ? MASK : row.recipient,
    // Rendered for the person, a subject may hold their attributes.
    subject: masked ? MASK : row.subject,
    state: row.state,
    // A failure's reason may name the address (an SMTP server's refusal quotes it).
    reason: masked && row.reason ? maskWithin(row.reason, [row.recipient]) : row.reason,
    metrics: row.metrics,
    opens: row.opens,
    clicks: row.clicks,
    unsubscribed: row.unsubscribed,
    reported: row.reported,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}

// A transparent 1×1 GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function messagingRoutes(app: App, ctx: AppContext): void {
  const tags = ['Messaging'];

  app.post(
    '/api/workspaces/:workspaceId/messages/:messageId/send-test',
    {
      config: { access: 'messages.send' },
      schema: {
        tags,
        summary:
          'Send an email message to yourself, rendered for one person, under the workspace’s send mode',
        description:
          'normal: to your own address; test: to the workspace’s test recipient (409 when it has none who can enter the workspace); never: nothing leaves, and the delivery is recorded as suppressed. A test send records no metrics.',
        params: MessageParams,
        body: PreviewBody,
        response: { 202: Delivery, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (req, reply) => {
      const { workspaceId, messageId } = req.params;
      const actor = actorOf(req);
      const found = await messageOf(ctx.db, workspaceId, messageId);
      const message = found.message as unknown as Message & { id: string };
      if (message.channel !== 'email')
        throw new DomainError(
          'invalid',
          `Only email messages can be test-sent; this one is ${message.channel}`,
        );
      // What the email needs, read again in the transaction that sends it.
      const prepare = async (db: Db) => {
        const ws =
          (await workspaceWithTestRecipient(db, actor.subject.accountId, workspaceId)) ??
          missing('Workspace');
        const send = startSend(ws.workspace, ws.recipient);
        refuseSupportTestSend(actor, send.mode);
        const person = req.body.cioId
          ? ((await findPerson(db, workspaceId, { by: 'cioId', value: req.body.cioId })) ?? missing('Person'))
          : null;
        // The email goes to a team member, who sees values as their role lets them: the sender,
        // or in test mode the test recipient.
        const masked =
          masksAttributes(actor.subject.workspaces.get(workspaceId)) ||
          (send.mode === 'test' && ws.recipient?.masked === true);
        const render = {
          customer: customerOf(person, masked),
          ...(await templateParts(db, workspaceId, message)),
        };
        return { ws, send, person, masked, render };
      };
      // Rendered before the transaction, which then waits on no template (on PGlite an open
      // transaction holds every request); spent render time is a 429 here.
      const ahead = await prepare(ctx.db);
      const rendered = await renderOutcome(ctx.renderer, workspaceId, message, ahead.render, true);
      const delivery = await ctx.db.transaction(async (tx) => {
        const { ws, send, person, masked, render } = await prepare(tx);
        await recordSupportTestSend(tx, ctx.clock, actor, {
          workspaceId,
          messageId,
          messageName: message.name,
          mode: send.mode,
        });
        return sendMessage(ctx, tx, {
          ws: ws.workspace,
          mode: send.mode,
          testRecipient: send.testRecipient?.email ?? null,
          sourceId: found.sourceId,
          message,
          cioId: person?.cioId ?? null,
          to: actor.member.email,
          render,
          // Masked otherwise meanwhile (the mode or the recipient changed): rendered again.
          rendered: masked === ahead.masked ? rendered : undefined,
          test: true,
        });
      });
      // Just sent: nothing reported of it yet.
      const sent = { ...delivery!, unsubscribed: false, reported: [] };
      return reply.code(202).send(toDelivery(actor, workspaceId)(sent));
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/broadcasts/:id/send',
    {
      config: { access: 'messages.send' },
      schema: {
        tags,
        summary:
          'Send a broadcast’s email messages to a segment or to people; answers the job that sends them',
        description:
          'Each person gets each email message, personalised; a person without an email is skipped and counted, and a person whose unsubscribed attribute is true gets no email (counted as unsubscribed). The workspace’s send mode as the send starts applies to the whole send (in test mode, with its test recipient of that moment; 409 when it has none who can enter the workspace); only a switch to never stops it midway. Progress and counts: GET …/jobs/{jobId}.',
        params: Type.Object({ workspaceId: Type.String(), id: Type.String() }),
        body: Type.Object(
          {
            segmentId: Type.Optional(Type.String()),
            people: Type.Optional(
              Type.Array(Type.String(), { minItems: 1, maxItems: 1000, uniqueItems: true }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({ jobId: Type.String(), recipients: Type.Integer() }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const { workspaceId, id } = req.params;
      const started = await startBroadcast(ctx, actorOf(req), workspaceId, id, req.body);
      return reply
        .code(202)
        .header('location', `/api/workspaces/${workspaceId}/jobs/${started.jobId}`)
        .send(started);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/deliveries',
    {
      config: { access: 'deliveries.view' },
      schema: {
        tags: ['Deliveries & Drafts'],
        summary: 'Deliveries and drafts, oldest first, a page at a time',
        params: Type.Object({ workspaceId: Type.String() }),
        querystring: Type.Object(
          {
            state: Type.Optional(Type.Enum(states)),
            messageId: Type.Optional(Type.String({ description: 'Only the deliveries of this message' })),
            sourceId: Type.Optional(
              Type.String({
                description: 'Only the deliveries of this broadcast, campaign or transactional message',
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Page(Delivery),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const { workspaceId } = req.params;
      const { state, messageId, sourceId, limit = 50, cursor } = req.query;
      const rows = await store.listDeliveries(ctx.db, workspaceId, {
        state,
        messageId,
        sourceId,
        after: cursors.id('dlv').read(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (r) => r.id);
      return { items: page.rows.map(toDelivery(actorOf(req), workspaceId)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/broadcasts/:id/metrics',
    {
      config: { access: 'broadcasts.view' },
      schema: {
        tags,
        summary: 'What became of a broadcast’s deliveries: sent, failed, suppressed, opened, clicked',
        params: Type.Object({ workspaceId: Type.String(), id: Type.String() }),
        response: { 200: Metrics, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const { workspaceId, id } = req.params;
      await findItem(ctx.db, workspaceId, kinds.broadcasts, id);
      return store.metricsOf(ctx.db, workspaceId, { sourceId: id });
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/messages/:messageId/metrics',
    {
      config: { access: 'message_library.view' },
      schema: {
        tags,
        summary: 'What became of one message’s deliveries',
        params: MessageParams,
        response: { 200: Metrics, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const { workspaceId, messageId } = req.params;
      await messageOf(ctx.db, workspaceId, messageId);
      return store.metricsOf(ctx.db, workspaceId, { messageId });
    },
  );

  // ---- tracking: reached from the emails, without a session ----

  app.get(
    '/t/o/:file',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Tracking'],
        summary: 'The open pixel of an email: records the open and answers a 1×1 GIF',
        params: Type.Object({ file: Type.String({ maxLength: 100 }) }),
      },
    },
    async (req, reply) => {
      const token = req.params.file.replace(/\.gif$/, '');
      await ctx.db.transaction((tx) => store.recordOpen(tx, token, ctx.clock.now()));
      return reply
        .header('content-type', 'image/gif')
        .header('cache-control', 'no-store, max-age=0')
        .send(PIXEL);
    },
  );

  app.get(
    '/t/c/:link',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Tracking'],
        summary: 'A tracked link of an email: records the click and redirects to the link’s target',
        params: Type.Object({ link: Type.String({ pattern: '^[\\w-]+\\.\\d{1,5}$' }) }),
        response: { ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const [token, position] = req.params.link.split('.') as [string, string];
      const url = await ctx.db.transaction((tx) =>
        store.recordClick(tx, token, Number(position), ctx.clock.now()),
      );
      if (!url) missing('Link');
      return reply.redirect(url, 302);
    },
  );
}
