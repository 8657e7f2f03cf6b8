import type { AccountRole } from '../../access/roles.js';
import {
  isAccountAdmin,
  type RoleAssignment,
  workspaceGrant,
  workspaceRoleRefusal,
} from '../../access/subject.js';
import type { Db } from '../../db/connection.js';
import { DomainError, type FieldError } from '../../shared/errors.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { allWorkspacesOf, type TeamMember, type WorkspaceAccessInput } from './schemas.js';
import { type MemberRow, putRoles, removeRoles, updateMember, type WorkspaceRoleRow } from './store.js';

/** The workspaces a member holds a role in, with that role (Account Admins: all, as Workspace Admins). */
export function memberWorkspaces(
  member: MemberRow,
  explicit: readonly WorkspaceRoleRow[],
  liveWorkspaces: readonly WorkspaceRow[],
): TeamMember['workspaces'] {
  const byWorkspace = new Map(explicit.map((r) => [r.workspaceId, r]));
  return liveWorkspaces.flatMap((ws) => {
    const grant = workspaceGrant(member.accountRole, byWorkspace.get(ws.id), allWorkspacesOf(member));
    return grant
      ? [
          {
            workspaceId: ws.id,
            workspaceName: ws.name,
            role: grant.role,
            hideAttributes: grant.hideAttributes,
          },
        ]
      : [];
  });
}

export function invalidFields(errors: FieldError[]): DomainError {
  return new DomainError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/**
 * Checks workspace access for a member with this account role: workspaces of this account, roles
 * the member may hold (Account Admins only as Workspace Admins; hide attributes for Authors and
 * Viewers). Collects every problem with its path.
 */
export function validateWorkspaceAccess(
  accountRole: AccountRole,
  access: WorkspaceAccessInput,
  liveWorkspaces: readonly WorkspaceRow[],
  at: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const refuse = (path: string, role: RoleAssignment['role'], hide: boolean | undefined) => {
    const refusal = workspaceRoleRefusal(accountRole, role, hide ?? false);
    if (refusal) errors.push({ path: `${path}/${refusal.field}`, message: refusal.message });
  };
  if (access.mode === 'all') {
    refuse(at, access.role, access.hideAttributes);
    return errors;
  }
  const live = new Set(liveWorkspaces.map((w) => w.id));
  const seen = new Set<string>();
  access.roles.forEach((entry, i) => {
    const path = `${at}/roles/${i}`;
    if (!live.has(entry.workspaceId)) {
      errors.push({
        path: `${path}/workspaceId`,
        message: `no workspace ${entry.workspaceId} in this account`,
      });
    } else if (seen.has(entry.workspaceId)) {
      errors.push({ path: `${path}/workspaceId`, message: 'listed twice' });
    } else {
      refuse(path, entry.role, entry.hideAttributes);
    }
    seen.add(entry.workspaceId);
  });
  return errors;
}

/**
 * Replaces a member's workspace access. "All" is one role kept on the member, so workspaces
 * created later are covered; "Custom" is one row per workspace. Account Admins hold no stored role.
 */
export async function replaceWorkspaceAccess(
  tx: Db,
  member: Pick<MemberRow, 'id' | 'accountId' | 'accountRole'>,
  access: WorkspaceAccessInput | undefined,
  at: Date,
): Promise<void> {
  await removeRoles(tx, [member.id]);
  const stored = isAccountAdmin(member.accountRole) ? undefined : access;
  await updateMember(tx, member.accountId, member.id, {
    allWorkspacesRole: stored?.mode === 'all' ? stored.role : null,
    allWorkspacesHideAttributes: stored?.mode === 'all' ? (stored.hideAttributes ?? false) : false,
    updatedAt: at,
  });
  if (stored?.mode === 'custom') {
    await putRoles(
      tx,
      stored.roles.map((r) => ({
        workspaceId: r.workspaceId,
        memberId: member.id,
        role: r.role,
        hideAttributes: r.hideAttributes ?? false,
      })),
    );
  }
}

/** The access as the activity log records it. */
export function accessRecord(workspaces: TeamMember['workspaces']) {
  return workspaces.map(({ workspaceId, role, hideAttributes }) => ({ workspaceId, role, hideAttributes }));
}
