/** The API's shapes, as the console reads them (see /api/openapi.json). */

export type WorkspaceRole = 'workspace_admin' | 'author' | 'viewer';
export type AccountRole = 'account_admin' | 'member';

export interface Workspace {
  id: string;
  name: string;
  color: string;
  createdAt: string;
  current: boolean;
  role: WorkspaceRole;
  processingState: 'ready' | 'revalidating';
}

export interface Settings {
  sendMode: 'normal' | 'test' | 'never';
  testRecipientMemberId: string | null;
  testRecipientEmail: string | null;
  openTracking: boolean;
  identifiers: { email: boolean; id: boolean };
  allowEmailUpdateById: boolean;
  processingState: 'ready' | 'revalidating';
}

export interface TeamMember {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  emailVerified: boolean;
  accountRole: AccountRole;
  permissions: { billing: boolean; apiCredentials: boolean; supportAccess: boolean };
  workspaceAccess: { mode: 'all'; role: WorkspaceRole; hideAttributes: boolean } | { mode: 'custom' };
  workspaces: { workspaceId: string; workspaceName: string; role: WorkspaceRole; hideAttributes: boolean }[];
  status: 'active' | 'invited' | 'expired';
  twoFactorEnabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  inviteSentAt: string | null;
}

export interface EffectivePermissions {
  memberId: string;
  workspaceId: string | null;
  role: string | null;
  permissions: { key: string; allowed: boolean; reason: string }[];
}

export const roleLabels: Record<WorkspaceRole | AccountRole, string> = {
  account_admin: 'Account Admin',
  member: 'Member',
  workspace_admin: 'Workspace Admin',
  author: 'Author',
  viewer: 'Viewer',
};
