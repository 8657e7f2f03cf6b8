import type { WorkspaceRole } from '../../access/roles.js';
import { rolesWithHideAttributes } from '../../access/roles.js';
import type { Db } from '../../db/connection.js';
import type { ScimRoleMapping } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { type ActivityAuthor, recordActivity } from '../activity/record.js';
import { accessRecord, memberWorkspaces, replaceWorkspaceAccess } from '../team/access.js';
import type { WorkspaceAccessInput } from '../team/schemas.js';
import * as team from '../team/store.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import { SCIM_AUTHOR } from './author.js';
import { groupsOfMember } from './store.js';

const strength: Record<WorkspaceRole, number> = { workspace_admin: 3, author: 2, viewer: 1 };

interface Grant {
  role: WorkspaceRole;
  hideAttributes: boolean;
}

/**
 * The strongest of these grants; attributes stay hidden only if every grant of that role hides
 * them (one group that shows them is enough to show them). Workspace Admins never hide.
 */
export function strongest(grants: readonly Grant[]): Grant | undefined {
  let best: Grant | undefined;
  for (const g of grants) {
    if (!best || strength[g.role] > strength[best.role])
      best = { role: g.role, hideAttributes: g.hideAttributes };
    else if (g.role === best.role) best.hideAttributes = best.hideAttributes && g.hideAttributes;
  }
  if (best && !rolesWithHideAttributes.includes(best.role)) best.hideAttributes = false;
  return best;
}

/**
 * The access that a member's mapped groups give: per live workspace the strongest role of every
 * mapping that covers it. "All workspaces" stays `mode: all` (so later workspaces are covered) when
 * no workspace-specific mapping changes what it gives anywhere.
 */
export function accessFromMappings(
  mappings: readonly ScimRoleMapping[],
  liveWorkspaceIds: readonly string[],
): WorkspaceAccessInput {
  const everywhere = strongest(mappings.filter((m) => m.workspaceId === 'all'));
  const perWorkspace = liveWorkspaceIds.map((workspaceId) => ({
    workspaceId,
    grant: strongest(mappings.filter((m) => m.workspaceId === 'all' || m.workspaceId === workspaceId)),
  }));
  if (
    everywhere &&
    perWorkspace.every(
      ({ grant }) => grant?.role === everywhere.role && grant.hideAttributes === everywhere.hideAttributes,
    )
  ) {
    return { mode: 'all', role: everywhere.role, hideAttributes: everywhere.hideAttributes };
  }
  return {
    mode: 'custom',
    roles: perWorkspace.flatMap(({ workspaceId, grant }) => (grant ? [{ ...grant, workspaceId }] : [])),
  };
}

/**
 * Gives each of these members the access of their mapped groups, in the caller's transaction,
 * and logs what changed as done by SCIM. A member in no mapped group is left as they are only if
 * they never were in one: `leaving` names members who just left a group, whose group roles go.
 */
export async function applyGroupRoles(
  tx: Db,
  clock: Clock,
  accountId: string,
  memberIds: readonly string[],
  leaving: ReadonlySet<string> = new Set(),
  author: ActivityAuthor = SCIM_AUTHOR,
): Promise<void> {
  if (memberIds.length === 0) return;
  const live = await listAccountWorkspaces(tx, accountId);
  const now = clock.now();
  for (const member of await team.findMembers(tx, accountId, [...new Set(memberIds)])) {
    const groups = await groupsOfMember(tx, member.id);
    const mappings = groups.flatMap((g) => g.roleMappings);
    if (mappings.length === 0 && !leaving.has(member.id)) continue;
    const before = memberWorkspaces(member, await team.rolesOf(tx, accountId, [member.id]), live);
    await replaceWorkspaceAccess(
      tx,
      member,
      accessFromMappings(
        mappings,
        live.map((w) => w.id),
      ),
      now,
    );
    const updated = (await team.findMember(tx, accountId, member.id))!;
    const after = memberWorkspaces(updated, await team.rolesOf(tx, accountId, [member.id]), live);
    const [b, a] = [accessRecord(before), accessRecord(after)];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    await recordActivity(tx, clock, {
      accountId,
      author,
      action: 'team_member.roles_changed',
      target: { type: 'team_member', id: member.id, name: `${member.firstName} ${member.lastName}` },
      before: { workspaces: b },
      after: { workspaces: a },
    });
  }
}
