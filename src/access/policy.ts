import {
  type AccountPermission,
  accountPermissions,
  isWorkspacePermission,
  type Permission,
  type WorkspacePermission,
  workspacePermissions,
} from './catalog.js';
import { roleLabels } from './roles.js';
import type { Subject } from './subject.js';

export interface Decision {
  allowed: boolean;
  permission: Permission;
  /** Names the rule that decided, for people: "Viewer in ws_…: workspace.settings.edit needs Workspace Admin". */
  reason: string;
  /** True when the subject cannot enter the workspace at all; the HTTP edge answers 404 then. */
  noAccess?: boolean;
}

/** The single place where access is decided. Pure: no I/O, no clock. */
export function decide(subject: Subject, permission: Permission, workspaceId?: string): Decision {
  return isWorkspacePermission(permission)
    ? decideInWorkspace(subject, permission, workspaceId)
    : decideInAccount(subject, permission);
}

export function can(subject: Subject, permission: Permission, workspaceId?: string): boolean {
  return decide(subject, permission, workspaceId).allowed;
}

function decideInAccount(subject: Subject, permission: AccountPermission): Decision {
  const { grant, label } = accountPermissions[permission];
  const who = roleLabels[subject.accountRole];
  if (subject.accountRole === 'account_admin') {
    return { allowed: true, permission, reason: `${who}: ${permission} is allowed` };
  }
  if (grant === 'every_member') {
    return { allowed: true, permission, reason: `${who}: ${permission} is allowed to every member` };
  }
  if (grant === 'account_admin') {
    return { allowed: false, permission, reason: `${who}: ${permission} needs Account Admin` };
  }
  const allowed = subject.flags[grant.flag];
  return {
    allowed,
    permission,
    reason: allowed
      ? `${who} with "${label}": ${permission} is allowed`
      : `${who}: ${permission} needs Account Admin or the "${label}" permission`,
  };
}

function decideInWorkspace(
  subject: Subject,
  permission: WorkspacePermission,
  workspaceId?: string,
): Decision {
  const grant = workspaceId === undefined ? undefined : subject.workspaces.get(workspaceId);
  if (!grant) {
    return {
      allowed: false,
      permission,
      reason: `No access to workspace ${workspaceId ?? '(none)'}`,
      noAccess: true,
    };
  }
  const roles: readonly string[] = workspacePermissions[permission].roles;
  const who = `${roleLabels[grant.role]}${grant.viaAccountRole ? ' (as Account Admin)' : ''} in ${workspaceId}`;
  return roles.includes(grant.role)
    ? { allowed: true, permission, reason: `${who}: ${permission} is allowed` }
    : {
        allowed: false,
        permission,
        reason: `${who}: ${permission} needs ${roles.map((r) => roleLabels[r as keyof typeof roleLabels]).join(' or ')}`,
      };
}
