import type { MemberFlag, WorkspaceRole } from './roles.js';

/**
 * Account-level permissions (product.md §2). Account Admins hold them all; a Member holds those
 * granted to every member, or the one their flag names.
 */
export type AccountGrant = 'account_admin' | 'every_member' | { flag: MemberFlag };

export const accountPermissions = {
  'team_members.view': { label: 'View team members', grant: 'every_member' },
  'team_members.manage': { label: 'Manage team members', grant: 'account_admin' },
  // Members see only the members who share a workspace with them (product.md §2, Visibility).
  'team_members.view_all': { label: 'See every team member', grant: 'account_admin' },
  'account.billing': { label: 'Access billing & account info', grant: { flag: 'billing' } },
  'api_credentials.manage': { label: 'Manage API credentials', grant: { flag: 'apiCredentials' } },
  'support_access.manage': { label: 'Enable access for support teams', grant: { flag: 'supportAccess' } },
  'workspaces.create': { label: 'Create workspaces', grant: 'account_admin' },
  'workspaces.edit': { label: 'Rename, recolour and manage access to workspaces', grant: 'account_admin' },
  'workspaces.delete': { label: 'Delete workspaces', grant: 'account_admin' },
  'account.activity.view': { label: 'View the account activity log', grant: 'account_admin' },
  'mail.outbox.view': { label: 'Read the embedded outbox', grant: 'account_admin' },
} as const satisfies Record<string, { label: string; grant: AccountGrant }>;

export type AccountPermission = keyof typeof accountPermissions;

const anyRole: readonly WorkspaceRole[] = ['workspace_admin', 'author', 'viewer'];

/** Permissions inside one workspace, decided by the caller's role there. */
export const workspacePermissions = {
  'workspace.view': { label: 'Enter the workspace', roles: anyRole },
  // "Only Workspace Admins may … change workspace settings" (product.md §2); reading them too,
  // since they name the test recipient among the account's members.
  'workspace.settings.view': { label: 'View workspace settings', roles: ['workspace_admin'] },
  'workspace.settings.edit': { label: 'Change workspace settings', roles: ['workspace_admin'] },
  'workspace.activity.view': { label: 'View the workspace activity log', roles: anyRole },
} as const satisfies Record<string, { label: string; roles: readonly WorkspaceRole[] }>;

export type WorkspacePermission = keyof typeof workspacePermissions;

export type Permission = AccountPermission | WorkspacePermission;

export function isWorkspacePermission(permission: Permission): permission is WorkspacePermission {
  return permission in workspacePermissions;
}
