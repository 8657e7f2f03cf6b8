import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Actor, actorName } from '../auth/actor.js';
import { insertActivity } from './store.js';

/**
 * Who did it: a signed-in member, or someone known without a session (the member being created by
 * sign-up, a person using a link); `ip` is the client address their request came from.
 */
export type ActivityAuthor = Actor | { memberId: string | null; name: string; ip?: string | null };

export interface ActivityEvent {
  accountId: string;
  workspaceId?: string | null;
  author: ActivityAuthor;
  /** `<target type>.<past tense verb>`, e.g. `workspace.created`, `workspace.settings_changed`. */
  action: string;
  target: { type: string; id: string; name?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes entries of the activity log (one statement, however many), in the caller's transaction:
 * the change and its record commit together or not at all.
 */
export async function recordActivity(tx: Db, clock: Clock, ...events: ActivityEvent[]): Promise<void> {
  await insertActivity(
    tx,
    ...events.map((event) => {
      const author =
        'subject' in event.author
          ? {
              // A support caller is no member: its entries name it, with no member id.
              memberId: event.author.support ? null : event.author.member.id,
              name: actorName(event.author),
              ip: event.author.ip,
            }
          : event.author;
      return {
        id: newId('act'),
        accountId: event.accountId,
        workspaceId: event.workspaceId ?? null,
        actorMemberId: author.memberId,
        actorName: author.name,
        action: event.action,
        targetType: event.target.type,
        targetId: event.target.id,
        targetName: event.target.name ?? null,
        before: event.before ?? null,
        after: event.after ?? null,
        createdAt: clock.now(),
        ipAddress: author.ip ?? null,
      };
    }),
  );
}

/** The fields of `after` that differ from `before`, with their old and new values. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined || JSON.stringify(after[key]) === JSON.stringify(before[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now };
}
