import { isAccountAdmin, workspaceRoleRefusal } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { FieldError } from '../../shared/errors.js';
import { lockAccount } from '../accounts/store.js';
import { changedFields, recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import { accessRecord, invalidFields, memberWorkspaces } from './access.js';
import type { BulkRolesBody, TeamMember } from './schemas.js';
import { allWorkspacesOf } from './schemas.js';
import { viewsOf } from './service.js';
import * as store from './store.js';

/**
 * Sets (or, with role null, removes) one role across many workspaces for many members, all or
 * nothing. A member with access to "All" workspaces keeps it, so workspaces created later still
 * include them: a role in some workspaces is held there over their "All" role, and a role in every
 * workspace becomes their "All" role. Only removing access from some workspaces cannot be said with
 * "All": such a member is given their role explicitly in each other workspace ("Custom").
 */
export async function bulkRoles(ctx: AppContext, actor: Actor, body: BulkRolesBody): Promise<TeamMember[]> {
  const { accountId } = actor.subject;
  const result = await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const found = new Map((await store.findMembers(tx, accountId, body.memberIds)).map((m) => [m.id, m]));
    const liveWorkspaces = await listAccountWorkspaces(tx, accountId);
    const live = new Set(liveWorkspaces.map((w) => w.id));
    const errors: FieldError[] = [];
    for (const [i, id] of body.memberIds.entries()) {
      const member = found.get(id);
      const refusal =
        member && workspaceRoleRefusal(member.accountRole, body.role, body.hideAttributes ?? false);
      if (!member) errors.push({ path: `/memberIds/${i}`, message: `no team member ${id} in this account` });
      else if (refusal)
        errors.push({ path: `/memberIds/${i}`, message: `${member.email}: ${refusal.message}` });
    }
    body.workspaceIds.forEach((id, i) => {
      if (!live.has(id))
        errors.push({ path: `/workspaceIds/${i}`, message: `no workspace ${id} in this account` });
    });
    if (errors.length > 0) throw invalidFields(errors);

    const changed = [...found.values()].filter((m) => !isAccountAdmin(m.accountRole));
    const before = await store.rolesOf(tx, accountId, [...found.keys()]);
    const now = ctx.clock.now();
    const everyWorkspace = liveWorkspaces.every((w) => body.workspaceIds.includes(w.id));
    const hideAttributes = body.hideAttributes ?? false;
    for (const member of changed) {
      const all = allWorkspacesOf(member);
      if (!all) continue;
      if (everyWorkspace) {
        // The same role everywhere is "All" with that role (or, removed everywhere, no access).
        await store.updateMember(tx, accountId, member.id, {
          allWorkspacesRole: body.role,
          allWorkspacesHideAttributes: body.role ? hideAttributes : false,
          updatedAt: now,
        });
      } else if (body.role === null) {
        const explicit = new Set(before.filter((r) => r.memberId === member.id).map((r) => r.workspaceId));
        await store.putRoles(
          tx,
          liveWorkspaces
            .filter((w) => !explicit.has(w.id))
            .map((w) => ({ workspaceId: w.id, memberId: member.id, ...all })),
        );
        await store.updateMember(tx, accountId, member.id, { allWorkspacesRole: null, updatedAt: now });
      }
    }
    const ids = changed.map((m) => m.id);
    const keptAsAll = new Set(
      everyWorkspace ? changed.filter((m) => allWorkspacesOf(m)).map((m) => m.id) : [],
    );
    if (body.role === null) {
      await store.removeRoles(tx, ids, body.workspaceIds);
    } else {
      const { role } = body;
      await store.removeRoles(tx, [...keptAsAll], body.workspaceIds);
      await store.putRoles(
        tx,
        ids
          .filter((memberId) => !keptAsAll.has(memberId))
          .flatMap((memberId) =>
            body.workspaceIds.map((workspaceId) => ({ workspaceId, memberId, role, hideAttributes })),
          ),
      );
    }

    const rows = await store.findMembers(tx, accountId, body.memberIds);
    const after = await store.rolesOf(tx, accountId, body.memberIds);
    for (const member of rows) {
      const was = memberWorkspaces(
        found.get(member.id)!,
        before.filter((r) => r.memberId === member.id),
        liveWorkspaces,
      );
      const is = memberWorkspaces(
        member,
        after.filter((r) => r.memberId === member.id),
        liveWorkspaces,
      );
      const diff = changedFields({ workspaces: accessRecord(was) }, { workspaces: accessRecord(is) });
      if (!diff) continue;
      await recordActivity(tx, ctx.clock, {
        accountId,
        author: actor,
        action: 'team_member.roles_changed',
        target: { type: 'team_member', id: member.id, name: `${member.firstName} ${member.lastName}` },
        before: diff.before,
        after: { ...diff.after, bulk: true },
      });
    }
    return viewsOf(ctx, tx, accountId, rows);
  });
  return result;
}
