export const accountRoles = ['account_admin', 'member'] as const;
export type AccountRole = (typeof accountRoles)[number];

export const workspaceRoles = ['workspace_admin', 'author', 'viewer'] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export const roleLabels: Record<AccountRole | WorkspaceRole, string> = {
  account_admin: 'Account Admin',
  member: 'Member',
  workspace_admin: 'Workspace Admin',
  author: 'Author',
  viewer: 'Viewer',
};

/** The optional extra permissions a Member may hold (product.md §2). */
export const memberFlags = ['billing', 'apiCredentials', 'supportAccess'] as const;
export type MemberFlag = (typeof memberFlags)[number];

/**
 * The matrix column a workspace role falls in: hide attributes changes what an Author may do (its
 * own column in permissions.csv); a Viewer's permissions are the same with it or without.
 */
export function matrixColumnOf(role: WorkspaceRole, hideAttributes: boolean): 0 | 1 | 2 | 3 {
  if (role === 'workspace_admin') return 0;
  if (role === 'author') return hideAttributes ? 2 : 1;
  return 3;
}

/** Hide attributes is a flag of Authors and Viewers only (product.md §2). */
export const rolesWithHideAttributes: readonly WorkspaceRole[] = ['author', 'viewer'];
