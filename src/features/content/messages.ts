import { Type } from 'typebox';
import { MASK, masksAttributes } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { DeliveryState } from '../../db/schema.js';
import type { App } from '../../http/app.js';
import { problems, Timestamp } from '../../http/schemas.js';
import { DomainError, missing } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { pageOf } from '../../shared/pagination.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { sendEmail } from '../mail/service.js';
import { findPerson } from '../people/store.js';
import { findMembers } from '../team/store.js';
import { findWorkspace } from '../workspaces/store.js';
import { kinds } from './kinds.js';
import type { Message } from './messages-schema.js';
import { renderMessage } from './render.js';
import * as store from './store.js';

/**
 * Messages seen on their own: the Message Library and the In-app Message Library (views over the
 * messages of campaigns, broadcasts and transactional messages), a preview for one person, a test
 * send, and the Deliveries & Drafts list.
 */

const LibraryEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: Type.String(),
  subject: Type.String(),
  source: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  updatedAt: Timestamp,
});

const MessageParams = Type.Object({ workspaceId: Type.String(), messageId: Type.String() });
const PreviewBody = Type.Object(
  {
    cioId: Type.Optional(Type.String({ description: 'The person to render for; none renders empty values' })),
  },
  { additionalProperties: false },
);

const Delivery = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  sourceId: Type.String(),
  cioId: Type.Union([Type.String(), Type.Null()]),
  recipient: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  state: Type.Enum(['draft', 'queued', 'sent', 'failed', 'suppressed', 'captured']),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

async function messageOf(tx: Db, workspaceId: string, messageId: string) {
  return (await store.findMessage(tx, workspaceId, messageId)) ?? missing('Message');
}

/**
 * A message rendered for one person, as the caller may see it: a member with hidden attributes
 * sees every value masked ("cannot preview attributes in messages").
 */
async function render(ctx: AppContext, actor: Actor, workspaceId: string, message: Message, cioId?: string) {
  const person = cioId
    ? ((await findPerson(ctx.db, workspaceId, { by: 'cioId', value: cioId })) ?? missing('Person'))
    : null;
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  const values: Record<string, unknown> = person
    ? { ...person.attributes, email: person.email, id: person.externalId }
    : {};
  const customer = {
    ...(masked ? Object.fromEntries(Object.keys(values).map((k) => [k, MASK])) : values),
    cio_id: person?.cioId ?? null,
  };
  const snippets = await store.listResources(ctx.db, workspaceId, kinds.snippets.kind, { limit: 10_000 });
  const layout = message.layoutId
    ? await store.findResource(ctx.db, workspaceId, kinds.layouts.kind, message.layoutId)
    : undefined;
  return renderMessage(message, {
    customer,
    snippets: new Map(snippets.map((s) => [s.name, String(s.body.value)])),
    layoutHtml: layout ? String(layout.body.html) : null,
  });
}

export function messageRoutes(app: App, ctx: AppContext): void {
  const tags = ['Message'];
  const library = (path: string, access: 'message_library.view' | 'in_app_messages.view', inApp: boolean) =>
    app.get(
      `/api/workspaces/:workspaceId/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary: inApp
            ? 'In-app Message Library: the in-app messages of every campaign and broadcast'
            : 'Message Library: every message of the campaigns, broadcasts and transactional messages',
          params: Type.Object({ workspaceId: Type.String() }),
          response: { 200: Type.Object({ items: Type.Array(LibraryEntry) }), ...problems(401, 403, 404) },
        },
      },
      async (req) => {
        const rows = await store.listMessages(ctx.db, req.params.workspaceId, { inApp, limit: 1000 });
        return {
          items: rows.map((r) => ({
            id: r.message.id,
            name: String(r.message.name),
            channel: r.message.channel,
            subject: String(r.message.subject ?? ''),
            source: { kind: r.sourceKind, id: r.sourceId, name: r.sourceName },
            updatedAt: new Date(r.updatedAt).toISOString(),
          })),
        };
      },
    );
  library('message-library', 'message_library.view', false);
  library('in-app-messages', 'in_app_messages.view', true);

  app.post(
    '/api/workspaces/:workspaceId/messages/:messageId/preview',
    {
      config: { access: 'message_library.view' },
      schema: {
        tags,
        summary: 'A message rendered for one person (values masked for members with hidden attributes)',
        params: MessageParams,
        body: PreviewBody,
        response: {
          200: Type.Object({ subject: Type.String(), body: Type.String() }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (req) => {
      const { workspaceId, messageId } = req.params;
      const found = await messageOf(ctx.db, workspaceId, messageId);
      return render(ctx, actorOf(req), workspaceId, found.message as unknown as Message, req.body.cioId);
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/messages/:messageId/send-test',
    {
      config: { access: 'messages.send' },
      schema: {
        tags,
        summary:
          'Send an email message to yourself, rendered for one person, under the workspace’s send mode',
        description:
          'normal: to your own address; test: to the workspace’s test recipient; never: nothing leaves, and the delivery is recorded as suppressed.',
        params: MessageParams,
        body: PreviewBody,
        response: { 202: Delivery, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { workspaceId, messageId } = req.params;
      const actor = actorOf(req);
      const found = await messageOf(ctx.db, workspaceId, messageId);
      const message = found.message as unknown as Message;
      if (message.channel !== 'email')
        throw new DomainError(
          'invalid',
          `Only email messages can be test-sent; this one is ${message.channel}`,
        );
      const rendered = await render(ctx, actor, workspaceId, message, req.body.cioId);
      const row = await ctx.db.transaction(async (tx) => {
        const ws = (await findWorkspace(tx, actor.subject.accountId, workspaceId)) ?? missing('Workspace');
        const [recipient] =
          ws.sendMode === 'test' && ws.testRecipientMemberId
            ? await findMembers(tx, actor.subject.accountId, [ws.testRecipientMemberId])
            : [actor.member];
        const to = recipient?.email ?? actor.member.email;
        const now = ctx.clock.now();
        let state: DeliveryState = 'suppressed';
        let outboxId: string | null = null;
        if (ws.sendMode !== 'never') {
          const email = await sendEmail(ctx, tx, {
            accountId: actor.subject.accountId,
            workspaceId,
            kind: 'test_message',
            to,
            subject: rendered.subject,
            text: rendered.body.replace(/<[^>]*>/g, ''),
            html: rendered.body,
          });
          state = email.state === 'captured' ? 'captured' : 'queued';
          outboxId = email.id;
        }
        return store.insertDelivery(tx, {
          workspaceId,
          id: newId('dlv'),
          messageId,
          sourceId: found.sourceId,
          cioId: req.body.cioId ?? null,
          recipient: to,
          subject: rendered.subject,
          state,
          reason: ws.sendMode === 'never' ? 'The workspace sends no messages (send mode: never)' : null,
          outboxId,
          createdAt: now,
          updatedAt: now,
        });
      });
      return reply.code(202).send(toDelivery(actor, workspaceId)(row));
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
            state: Type.Optional(Type.Enum(['draft', 'queued', 'sent', 'failed', 'suppressed', 'captured'])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Delivery),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const { workspaceId } = req.params;
      const { state, limit = 50, cursor } = req.query;
      const rows = await store.listDeliveries(ctx.db, workspaceId, {
        state,
        after: cursor,
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (r) => r.id);
      return { items: page.rows.map(toDelivery(actorOf(req), workspaceId)), nextCursor: page.nextCursor };
    },
  );
}

/** A delivery as the caller sees it: the recipient's address is personal data, masked when hidden. */
function toDelivery(actor: Actor, workspaceId: string) {
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  return (row: store.DeliveryRow) => ({
    id: row.id,
    messageId: row.messageId,
    sourceId: row.sourceId,
    cioId: row.cioId,
    recipient: masked && row.recipient ? MASK : row.recipient,
    subject: row.subject,
    state: row.state,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}
