import { Type } from 'typebox';
import { masksAttributes } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { App } from '../../http/app.js';
import { Page, problems, Timestamp } from '../../http/schemas.js';
import { missing } from '../../shared/errors.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { findPerson } from '../people/store.js';
import type { Message } from './messages-schema.js';
import { customerOf, renderMessage, templateParts } from './render.js';
import * as store from './store.js';

/**
 * Messages seen on their own: the Message Library and the In-app Message Library (views over the
 * messages of campaigns, broadcasts and transactional messages) and a preview for one person.
 * Sending them is src/features/messaging's.
 */

const LibraryEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: Type.String(),
  subject: Type.String(),
  source: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  updatedAt: Timestamp,
});

export const MessageParams = Type.Object({ workspaceId: Type.String(), messageId: Type.String() });
export const PreviewBody = Type.Object(
  {
    cioId: Type.Optional(Type.String({ description: 'The person to render for; none renders empty values' })),
  },
  { additionalProperties: false },
);

/** A message as the libraries list it: its own fields and the item it belongs to. */
const entryOf = (r: store.MessageRow) => ({
  id: r.message.id,
  name: String(r.message.name),
  channel: r.message.channel,
  subject: String(r.message.subject ?? ''),
  source: { kind: r.sourceKind, id: r.sourceId, name: r.sourceName },
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export async function messageOf(tx: Db, workspaceId: string, messageId: string) {
  return (await store.findMessage(tx, workspaceId, messageId)) ?? missing('Message');
}

/**
 * A message rendered for one person, as the caller may see it: a member with hidden attributes
 * sees every value masked ("cannot preview attributes in messages").
 */
export async function renderFor(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  message: Message,
  cioId?: string,
) {
  const person = cioId
    ? ((await findPerson(ctx.db, workspaceId, { by: 'cioId', value: cioId })) ?? missing('Person'))
    : null;
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  return renderMessage(ctx.renderer, workspaceId, message, {
    customer: customerOf(person, masked),
    ...(await templateParts(ctx.db, workspaceId, message)),
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
          querystring: Type.Object(
            {
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
              cursor: Type.Optional(Type.String({ description: 'The nextCursor of the previous page' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Page(LibraryEntry),
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (req) => {
        const { limit = 500, cursor } = req.query;
        const rows = await store.listMessages(ctx.db, req.params.workspaceId, {
          inApp,
          limit: limit + 1,
          after: cursors.message.read(cursor),
        });
        const page = pageOf(rows, limit, (r) => cursors.message.write(r));
        return {
          nextCursor: page.nextCursor,
          items: page.rows.map(entryOf),
        };
      },
    );
  library('message-library', 'message_library.view', false);
  library('in-app-messages', 'in_app_messages.view', true);

  app.get(
    '/api/workspaces/:workspaceId/messages/:messageId',
    {
      config: { access: 'message_library.view' },
      schema: {
        tags,
        summary:
          'One message of the Message Library, with the campaign, broadcast or transactional message it belongs to',
        params: MessageParams,
        response: { 200: LibraryEntry, ...problems(401, 403, 404) },
      },
    },
    async (req) => entryOf(await messageOf(ctx.db, req.params.workspaceId, req.params.messageId)),
  );

  app.post(
    '/api/workspaces/:workspaceId/messages/:messageId/preview',
    {
      config: { access: 'message_library.view' },
      schema: {
        tags,
        summary: 'A message rendered for one person (values masked for members with hidden attributes)',
        description:
          'Rendered within a budget (422 template_too_expensive names it) and the workspace’s share of rendering time (429 with Retry-After when spent).',
        params: MessageParams,
        body: PreviewBody,
        response: {
          200: Type.Object({ subject: Type.String(), body: Type.String() }),
          ...problems(400, 401, 404, 422, 429),
        },
      },
    },
    async (req) => {
      const { workspaceId, messageId } = req.params;
      // A workspace that has spent its render time is refused before anything is read for it.
      ctx.renderer.refuseIfSpent(workspaceId);
      const found = await messageOf(ctx.db, workspaceId, messageId);
      return renderFor(ctx, actorOf(req), workspaceId, found.message as unknown as Message, req.body.cioId);
    },
  );
}
