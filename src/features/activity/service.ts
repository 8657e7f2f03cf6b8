import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import type { ActivityQuery } from './schemas.js';
import { listActivity } from './store.js';

/** One page of the activity log, newest first; `nextCursor` fetches the next. */
export async function activityPage(
  ctx: AppContext,
  accountId: string,
  workspaceId: string | undefined,
  q: Static<typeof ActivityQuery>,
) {
  const limit = q.limit ?? 50;
  const rows = await listActivity(ctx.db, {
    accountId,
    workspaceId,
    action: q.action,
    targetId: q.targetId,
    actorMemberId: q.actorMemberId,
    before: q.cursor,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    workspaceId: r.workspaceId,
    actor: { memberId: r.actorMemberId, name: r.actorName },
    action: r.action,
    target: { type: r.targetType, id: r.targetId, name: r.targetName },
    before: r.before,
    after: r.after,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
