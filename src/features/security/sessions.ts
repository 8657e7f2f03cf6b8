import type { AppContext } from '../../context.js';
import { notFound } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName, sessionIdOf } from '../auth/actor.js';
import type { SessionView } from './schemas.js';
import * as store from './store.js';

/** The caller's live sessions, newest first; `current` marks the one this request came with. */
export async function listMySessions(ctx: AppContext, actor: Actor): Promise<SessionView[]> {
  const rows = await store.listLiveSessions(ctx.db, actor.member.id, ctx.clock.now());
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    userAgent: row.userAgent,
    ipAddress: row.ip,
    current: row.id === actor.sessionId,
  }));
}

/**
 * Ends one of the caller's sessions: its cookie is refused from the next request on (the gate reads
 * the session on every request). Another member's session, or an unknown id, is a 404. Returns
 * whether it was the caller's own session (then it signed out).
 */
export async function endMySession(ctx: AppContext, actor: Actor, sessionId: string): Promise<boolean> {
  await ctx.db.transaction(async (tx) => {
    const ended = await store.deleteSessionOf(tx, actor.member.id, sessionId);
    if (!ended) throw notFound('Session');
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'session.ended',
      target: { type: 'session', id: ended.id, name: ended.userAgent?.slice(0, 200) ?? null },
      before: { ipAddress: ended.ip, createdAt: ended.createdAt.toISOString() },
    });
  });
  return sessionId === actor.sessionId;
}

/** "Sign out everywhere else": every session of the caller but this one ends. */
export async function endMyOtherSessions(ctx: AppContext, actor: Actor): Promise<number> {
  const keep = sessionIdOf(actor);
  return ctx.db.transaction(async (tx) => {
    const ended = await store.deleteOtherSessions(tx, actor.member.id, keep);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'team_member.other_sessions_ended',
      target: { type: 'team_member', id: actor.member.id, name: actorName(actor) },
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
