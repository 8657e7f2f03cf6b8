import type { AppContext } from '../../context.js';
import type { FieldError } from '../../shared/errors.js';
import { notFound } from '../../shared/errors.js';
import { lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { invalidFields, validateWorkspaceAccess } from '../team/access.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import { applyGroupRoles } from './roles.js';
import type { PutGroupRolesBody, ScimGroup } from './schemas.js';
import * as store from './store.js';

const toView = (g: store.ScimGroupRow, memberCount: number): ScimGroup => ({
  id: g.id,
  displayName: g.displayName,
  externalId: g.externalId,
  memberCount,
  roles: g.roleMappings,
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});

export async function listScimGroups(ctx: AppContext, actor: Actor): Promise<ScimGroup[]> {
  const { accountId } = actor.subject;
  const counts = await store.memberCounts(ctx.db, accountId);
  return (await store.listGroups(ctx.db, accountId)).map((g) => toView(g, counts.get(g.id) ?? 0));
}

/**
 * Maps a group to workspace roles (checked as an invitation's access is, for a Member) and gives
 * its members their new access at once, strongest role per workspace across their groups.
 */
export async function putScimGroupRoles(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  body: PutGroupRolesBody,
): Promise<ScimGroup> {
  const { accountId } = actor.subject;
  const view = await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const before = (await store.findGroup(tx, accountId, groupId)) ?? null;
    if (!before) throw notFound('SCIM group');
    const live = await listAccountWorkspaces(tx, accountId);
    const errors: FieldError[] = [];
    const all = body.roles.filter((r) => r.workspaceId === 'all');
    if (all.length > 1) errors.push({ path: '/roles', message: '"all" listed twice' });
    for (const [i, r] of body.roles.entries()) {
      const access =
        r.workspaceId === 'all'
          ? { mode: 'all' as const, role: r.role, hideAttributes: r.hideAttributes }
          : { mode: 'custom' as const, roles: [r] };
      const at = r.workspaceId === 'all' ? `/roles/${i}` : '/roles';
      errors.push(
        ...validateWorkspaceAccess('member', access, live, at).map((e) => ({
          ...e,
          path: e.path.replace('/roles/roles/0', `/roles/${i}`),
        })),
      );
    }
    const specific = body.roles.filter((r) => r.workspaceId !== 'all').map((r) => r.workspaceId);
    if (new Set(specific).size !== specific.length)
      errors.push({ path: '/roles', message: 'a workspace listed twice' });
    if (errors.length > 0) throw invalidFields(errors);

    const roles = body.roles.map((r) => ({
      workspaceId: r.workspaceId,
      role: r.role,
      hideAttributes: r.hideAttributes,
    }));
    const after = await store.updateGroup(tx, accountId, groupId, {
      roleMappings: roles,
      updatedAt: ctx.clock.now(),
    });
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'scim_group.roles_mapped',
      target: { type: 'scim_group', id: groupId, name: after.displayName },
      before: { roles: before.roleMappings },
      after: { roles },
    });
    const memberIds = await store.groupMemberIds(tx, groupId);
    const wasMapped = before.roleMappings.length > 0;
    await applyGroupRoles(tx, ctx.clock, accountId, memberIds, new Set(wasMapped ? memberIds : []), actor);
    return toView(after, memberIds.length);
  });
  return view;
}
