import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { people, segmentMembers } from '../../db/schema.js';
import type { App } from '../../http/app.js';
import { problems, Timestamp } from '../../http/schemas.js';
import { cursors, idPatterns, pageOf } from '../../shared/pagination.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { Person } from '../people/schemas.js';
import { seenBy } from '../people/service.js';
import type { PersonRow } from '../people/store.js';
import { type Conditions, matchesConditions } from './conditions.js';
import { kinds } from './kinds.js';
import { findItem } from './service.js';

/**
 * The people of a segment as the console lists them: a manual segment's newest-added first; a data
 * segment's are the people its conditions match now (the one evaluator, conditions.ts), newest
 * person first, with no time of joining (membership of a data segment is not recorded).
 */

const manualCursor = cursors.timed(idPatterns.person);

interface MemberRow {
  person: PersonRow;
  addedAt: Date | null;
}

async function manualMembers(
  tx: Db,
  workspaceId: string,
  segmentId: string,
  after: { at: Date; id: string } | undefined,
  limit: number,
): Promise<MemberRow[]> {
  return tx
    .select({ person: people, addedAt: segmentMembers.addedAt })
    .from(segmentMembers)
    .innerJoin(
      people,
      and(eq(people.workspaceId, segmentMembers.workspaceId), eq(people.cioId, segmentMembers.cioId)),
    )
    .where(
      and(
        eq(segmentMembers.workspaceId, workspaceId),
        eq(segmentMembers.segmentId, segmentId),
        after
          ? sql`(${segmentMembers.addedAt}, ${segmentMembers.cioId}) < (${after.at.toISOString()}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(segmentMembers.addedAt), desc(segmentMembers.cioId))
    .limit(limit);
}

async function matchingPeople(
  tx: Db,
  workspaceId: string,
  conditions: Conditions | undefined,
  after: string | undefined,
  limit: number,
): Promise<MemberRow[]> {
  const rows = await tx
    .select()
    .from(people)
    .where(
      and(
        eq(people.workspaceId, workspaceId),
        conditions ? matchesConditions(conditions) : undefined,
        after ? lt(people.cioId, after) : undefined,
      ),
    )
    .orderBy(desc(people.cioId))
    .limit(limit);
  return rows.map((person) => ({ person, addedAt: null }));
}

export async function listSegmentMembers(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  segmentId: string,
  q: { cursor?: string; limit?: number },
) {
  const limit = q.limit ?? 50;
  const segment = await findItem(ctx.db, workspaceId, kinds.segments, segmentId);
  const seen = seenBy(actor, workspaceId);
  const toItem = (r: MemberRow) => ({ ...seen(r.person), addedAt: r.addedAt?.toISOString() ?? null });
  if (segment.body.type === 'manual') {
    const rows = await manualMembers(ctx.db, workspaceId, segmentId, manualCursor.read(q.cursor), limit + 1);
    const page = pageOf(rows, limit, (r) => manualCursor.write({ at: r.addedAt!, id: r.person.cioId }));
    return { items: page.rows.map(toItem), nextCursor: page.nextCursor };
  }
  const conditions = segment.body.conditions as Conditions | undefined;
  const rows = await matchingPeople(
    ctx.db,
    workspaceId,
    conditions,
    cursors.person.read(q.cursor),
    limit + 1,
  );
  const page = pageOf(rows, limit, (r) => cursors.person.write(r.person.cioId));
  return { items: page.rows.map(toItem), nextCursor: page.nextCursor };
}

const SegmentMember = Type.Object({
  ...Person.properties,
  addedAt: Type.Union([Timestamp, Type.Null()], {
    description: 'When the person joined a manual segment; null for a data segment (its conditions choose)',
  }),
});

export function segmentMemberRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/workspaces/:workspaceId/segments/:id/members',
    {
      config: { access: 'people.view' },
      schema: {
        tags: [kinds.segments.label],
        summary:
          'The people of a segment, a page at a time: a manual segment’s newest-added first, a data segment’s matching people newest first; masked for members with hidden attributes',
        params: Type.Object({ workspaceId: Type.String(), id: Type.String() }),
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(SegmentMember),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => listSegmentMembers(ctx, actorOf(req), req.params.workspaceId, req.params.id, req.query),
  );
}
