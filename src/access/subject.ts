import {
  type AccountRole,
  type MemberFlag,
  matrixColumnOf,
  rolesWithHideAttributes,
  type WorkspaceRole,
} from './roles.js';

export interface WorkspaceGrant {
  role: WorkspaceRole;
  hideAttributes: boolean;
  /** True for Account Admins, who are Workspace Admins everywhere by rule, not by assignment. */
  viaAccountRole: boolean;
  /** The permissions.csv column this grant reads (0 Workspace Admin … 3 Viewer). */
  column: 0 | 1 | 2 | 3;
}

/** Everything a decision needs about the caller, resolved once per request. */
export interface Subject {
  memberId: string;
  accountId: string;
  accountRole: AccountRole;
  flags: Readonly<Record<MemberFlag, boolean>>;
  /** Every workspace the caller may enter, and how. A workspace absent here does not exist for them. */
  workspaces: ReadonlyMap<string, WorkspaceGrant>;
  /** The matrix column of each of those workspaces, for can()'s hot path (a null-prototype dictionary). */
  columns: Readonly<Record<string, number | undefined>>;
}

export interface SubjectInput {
  memberId: string;
  accountId: string;
  accountRole: AccountRole;
  flags: Readonly<Record<MemberFlag, boolean>>;
  /** All live workspaces of the account. */
  accountWorkspaceIds: readonly string[];
  /** The member's explicit workspace roles. */
  grants: readonly { workspaceId: string; role: WorkspaceRole; hideAttributes: boolean }[];
  /** The member's role in every workspace ("All"), if they were given one. */
  allWorkspaces?: RoleAssignment | null;
}

export interface RoleAssignment {
  role: WorkspaceRole;
  hideAttributes: boolean;
}

/**
 * A member's standing in one workspace. "Account Admins can access all workspaces in an account" —
 * including ones created later — as Workspace Admins, whatever is stored. A Member holds their
 * explicit role there, else their role for "All" workspaces, else nothing.
 */
export function workspaceGrant(
  accountRole: AccountRole,
  explicit: RoleAssignment | null | undefined,
  allWorkspaces?: RoleAssignment | null,
): WorkspaceGrant | null {
  if (accountRole === 'account_admin') {
    return { role: 'workspace_admin', hideAttributes: false, viaAccountRole: true, column: 0 };
  }
  const held = explicit ?? allWorkspaces;
  if (!held) return null;
  const { role, hideAttributes } = held;
  return { role, hideAttributes, viaAccountRole: false, column: matrixColumnOf(role, hideAttributes) };
}
export function resolveSubject(input: SubjectInput): Subject {
  const explicit = new Map(input.grants.map((g) => [g.workspaceId, g]));
  const workspaces = new Map<string, WorkspaceGrant>();
  const columns: Record<string, number | undefined> = Object.create(null);
  for (const id of input.accountWorkspaceIds) {
    const grant = workspaceGrant(input.accountRole, explicit.get(id), input.allWorkspaces);
    if (!grant) continue;
    workspaces.set(id, grant);
    columns[id] = grant.column;
  }
  return {
    memberId: input.memberId,
    accountId: input.accountId,
    accountRole: input.accountRole,
    flags: input.flags,
    workspaces,
    columns,
  };
}

/** Account Admins hold every permission and every workspace; nothing about them is stored per workspace. */
export function isAccountAdmin(accountRole: AccountRole): boolean {
  return accountRole === 'account_admin';
}

/**
 * Why a workspace role cannot be given to a member, or null when it can. Account Admins are
 * Workspace Admins everywhere and that can't be turned off; hide attributes is for Authors and
 * Viewers only. `role` null means removing access.
 */
export function workspaceRoleRefusal(
  accountRole: AccountRole,
  role: WorkspaceRole | null,
  hideAttributes: boolean,
): { field: 'role' | 'hideAttributes'; message: string } | null {
  if (accountRole === 'account_admin' && (role !== 'workspace_admin' || hideAttributes)) {
    return {
      field: 'role',
      message: 'Account Admins are Workspace Admins in every workspace; this cannot be changed',
    };
  }
  if (hideAttributes && (role === null || !rolesWithHideAttributes.includes(role))) {
    return { field: 'hideAttributes', message: 'hide attributes applies to Authors and Viewers only' };
  }
  return null;
}
