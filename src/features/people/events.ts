import { and, desc, eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { maskEvent, masksAttributes } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { events } from '../../db/schema.js';
import type { App } from '../../http/app.js';
import { Page, problems, Timestamp } from '../../http/schemas.js';
import { missing } from '../../shared/errors.js';
import { cursors, idPatterns, pageOf } from '../../shared/pagination.js';
import { type Actor, actorOf } from '../auth/actor.js';
import * as store from './store.js';

/** A person's activity: the events, page and screen views the Track API wrote, newest first. */

const eventCursor = cursors.timed(idPatterns.event);

const PersonEvent = Type.Object({
  id: Type.String(),
  type: Type.Enum(['event', 'page', 'screen'], { description: 'page: a page view, its name the URL' }),
  name: Type.String(),
  timestamp: Timestamp,
  data: Type.Record(Type.String(), Type.Unknown()),
});

async function eventsOf(
  tx: Db,
  workspaceId: string,
  cioId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
) {
  return tx
    .select({ id: events.id, type: events.type, name: events.name, at: events.createdAt, data: events.data })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.cioId, cioId),
        after
          ? sql`(${events.createdAt}, ${events.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(limit);
}

export async function listPersonEvents(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  cioId: string,
  q: { cursor?: string; limit?: number },
) {
  const limit = q.limit ?? 50;
  const after = eventCursor.read(q.cursor);
  (await store.findPerson(ctx.db, workspaceId, { by: 'cioId', value: cioId })) ?? missing('Person');
  const rows = await eventsOf(ctx.db, workspaceId, cioId, after, limit + 1);
  const page = pageOf(rows, limit, (r) => eventCursor.write({ at: r.at, id: r.id }));
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  const items = page.rows.map((r) => {
    const event = { id: r.id, type: r.type, name: r.name, timestamp: r.at.toISOString(), data: r.data };
    return masked ? maskEvent(event) : event;
  });
  return { items, nextCursor: page.nextCursor };
}

export function personEventRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/workspaces/:workspaceId/people/:cioId/events',
    {
      config: { access: 'people.view' },
      schema: {
        tags: ['People'],
        summary:
          'A person’s events, page and screen views, newest first, a page at a time; data values (and page URLs) masked for members with hidden attributes',
        params: Type.Object({ workspaceId: Type.String(), cioId: Type.String() }),
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Page(PersonEvent),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => listPersonEvents(ctx, actorOf(req), req.params.workspaceId, req.params.cioId, req.query),
  );
}
