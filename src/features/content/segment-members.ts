import { Type } from 'typebox';
import { attributeQueryRefusal } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Page, problems, Timestamp } from '../../http/schemas.js';
import { DomainError } from '../../shared/errors.js';
import { cursors, idPatterns, pageOf } from '../../shared/pagination.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { Person } from '../people/schemas.js';
import { seenBy } from '../people/service.js';
import { type Conditions, conditionReads } from './conditions.js';
import { kinds } from './kinds.js';
import { segmentPeople } from './segments.js';
import { findItem } from './service.js';

/**
 * The people of a segment as the console lists them, newest first (segments.ts, segmentPeople): a
 * manual segment's by when each joined, a data segment's with no time of joining (membership of a
 * data segment is not recorded). A manual segment's cursor is the time and cio_id of the last row,
 * a data segment's its cio_id.
 */

const manualCursor = cursors.timed(idPatterns.person);

/** The last row of the previous page, as `?cursor=` names it; a 400 for another list's cursor. */
function previousRow(manual: boolean, cursor: string | undefined) {
  if (manual) {
    const key = manualCursor.read(cursor);
    return key && { cioId: key.id, addedAt: key.at };
  }
  const cioId = cursors.person.read(cursor);
  return cioId === undefined ? undefined : { cioId, addedAt: null };
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
  const manual = segment.body.type === 'manual';
  if (!manual) {
    // Who matches conditions on hidden values would reveal them, one person at a time.
    const reads = conditionReads(segment.body.conditions as Conditions | undefined);
    const grant = actor.subject.workspaces.get(workspaceId);
    const refusal = attributeQueryRefusal(grant, reads.identifiers, reads.attributes);
    if (refusal)
      throw new DomainError(
        'attributes_hidden',
        `${refusal}. “${segment.name}” chooses its people by those values, so who is in it would reveal them.`,
      );
  }
  const rows = await segmentPeople(ctx.db, workspaceId, segment, {
    order: 'newest',
    after: previousRow(manual, q.cursor),
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (r) =>
    manual
      ? manualCursor.write({ at: r.addedAt!, id: r.person.cioId })
      : cursors.person.write(r.person.cioId),
  );
  const seen = seenBy(actor, workspaceId);
  return {
    items: page.rows.map((r) => ({ ...seen(r.person), addedAt: r.addedAt?.toISOString() ?? null })),
    nextCursor: page.nextCursor,
  };
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
          'The people of a segment, a page at a time: a manual segment’s newest-added first, a data segment’s matching people newest first; masked for members with hidden attributes, who cannot list a data segment whose conditions read hidden values (409 attributes_hidden)',
        params: Type.Object({ workspaceId: Type.String(), id: Type.String() }),
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Page(SegmentMember),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => listSegmentMembers(ctx, actorOf(req), req.params.workspaceId, req.params.id, req.query),
  );
}
