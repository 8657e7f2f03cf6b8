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

/** Hide attributes is a flag of Authors and Viewers only (product.md §2). */
export const rolesWithHideAttributes: readonly WorkspaceRole[] = ['author', 'viewer'];
