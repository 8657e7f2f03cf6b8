import { workspaceRoleRefusal } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { grantBeyondGranter, nameableWorkspaces, workspaceLabels } from './granter.js';
import { type CreateGrantBody, MAX_GRANT_MS, type SupportGrant } from './schemas.js';
import * as store from './store.js';

const unprocessable = (path: string, message: string) =>
  new DomainError('support_grant_invalid', message, { errors: [{ path, message }] });

function statusOf(grant: store.GrantRow, now: Date): SupportGrant['status'] {
  if (grant.revokedAt) return 'revoked';
  return grant.expiresAt <= now ? 'expired' : 'active';
}

function toGrant(
  grant: store.GrantRow,
  names: ReadonlyMap<string, string>,
  sessions: readonly store.SupportSessionRow[],
  now: Date,
): SupportGrant {
  return {
    id: grant.id,
    workspaces:
      grant.workspaceIds === null
        ? 'all'
        : grant.workspaceIds.map((id) => ({ id, name: names.get(id) ?? 'a deleted workspace' })),
    role: grant.role,
    hideAttributes: grant.hideAttributes,
    reason: grant.reason,
    expiresAt: grant.expiresAt.toISOString(),
    createdAt: grant.createdAt.toISOString(),
    createdBy: grant.createdByName,
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    revokedBy: grant.revokedByName,
    status: statusOf(grant, now),
    sessions: sessions.map((s) => ({
      id: s.id,
      agent: s.agent,
      reason: s.reason,
      startedAt: s.startedAt!.toISOString(),
      endsAt: s.endsAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * An Account Admin (or a member with the flag) lets support in: some or all workspaces, one role,
 * until a time at most 7 days away. Workspaces named must be live workspaces of this account.
 */
export async function createGrant(
  ctx: AppContext,
  actor: Actor,
  body: CreateGrantBody,
): Promise<SupportGrant> {
  const now = ctx.clock.now();
  const expiresAt = new Date(body.expiresAt);
  // The date-time format lets a leap second (23:59:60) through; Date cannot hold it.
  if (Number.isNaN(expiresAt.getTime()))
    throw unprocessable('/expiresAt', 'expiresAt is not a real time (seconds go up to 59).');
  if (expiresAt <= now) throw unprocessable('/expiresAt', 'expiresAt must be in the future.');
  if (expiresAt.getTime() - now.getTime() > MAX_GRANT_MS)
    throw unprocessable('/expiresAt', 'expiresAt must be at most 7 days from now.');
  const hideAttributes = body.hideAttributes ?? false;
  const refusal = workspaceRoleRefusal('member', body.role, hideAttributes);
  if (refusal) throw unprocessable(`/${refusal.field}`, `${refusal.message}.`);
  const accountId = actor.subject.accountId;
  return ctx.db.transaction(async (tx) => {
    const live = await nameableWorkspaces(tx, actor.subject);
    const workspaceIds = body.workspaceIds === 'all' ? null : [...new Set(body.workspaceIds)];
    const unknown = (workspaceIds ?? []).filter((id) => !live.has(id));
    if (unknown.length > 0) {
      throw new DomainError(
        'support_grant_invalid',
        `Not a workspace of this account: ${unknown.join(', ')}.`,
        {
          errors: unknown.map((id) => ({
            path: `/workspaceIds/${body.workspaceIds.indexOf(id)}`,
            message: `${id} is not a workspace of this account`,
          })),
        },
      );
    }
    const beyond = grantBeyondGranter(actor.subject, workspaceIds, { role: body.role, hideAttributes }, live);
    if (beyond) throw unprocessable(beyond.path, `${beyond.message}.`);
    const grant = await store.insertGrant(tx, {
      id: newId('grt'),
      accountId,
      workspaceIds,
      role: body.role,
      hideAttributes,
      reason: body.reason.trim(),
      expiresAt,
      createdAt: now,
      createdByMemberId: actor.support ? null : actor.member.id,
      createdByName: actorName(actor),
    });
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'support_grant.created',
      target: { type: 'support_grant', id: grant.id, name: grant.reason },
      after: {
        workspaces: workspaceIds === null ? 'all' : workspaceIds.map((id) => live.get(id)),
        role: grant.role,
        hideAttributes,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return toGrant(grant, live, [], now);
  });
}

export async function listGrants(ctx: AppContext, actor: Actor): Promise<SupportGrant[]> {
  const now = ctx.clock.now();
  const accountId = actor.subject.accountId;
  const grants = await store.listGrants(ctx.db, accountId);
  const sessions = await store.startedSessionsOf(
    ctx.db,
    grants.map((g) => g.id),
  );
  const names = await workspaceLabels(ctx.db, actor.subject, grants);
  return grants.map((g) =>
    toGrant(
      g,
      names,
      sessions.filter((s) => s.grantId === g.id),
      now,
    ),
  );
}

/** Revokes a grant at once: every session it allows ends, here and (by the trigger's NOTIFY) on every node. */
export async function revokeGrant(ctx: AppContext, actor: Actor, grantId: string): Promise<void> {
  const now = ctx.clock.now();
  const accountId = actor.subject.accountId;
  await ctx.db.transaction(async (tx) => {
    const grant = await store.revokeGrant(tx, accountId, grantId, now, actorName(actor));
    if (!grant) {
      const existing = await store.findGrant(tx, grantId);
      if (existing?.accountId === accountId)
        throw new DomainError('conflict', `Grant ${grantId} is already revoked.`);
      throw new DomainError('not_found', 'Support access grant not found');
    }
    const ended = await store.endGrantSessions(tx, grant.id, now);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'support_grant.revoked',
      target: { type: 'support_grant', id: grant.id, name: grant.reason },
      after: { sessionsEnded: ended.length },
    });
  });
}
