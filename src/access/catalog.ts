import { matrix, matrixColumns } from './matrix.generated.js';
import type { MemberFlag } from './roles.js';

/**
 * Every permission Atrium knows, in one catalogue: the 67 workspace rows of permissions.csv (the
 * single source of truth, generated into matrix.generated.ts), a few workspace rules the matrix
 * leaves out, and the account-level rules of product.md §2.
 */

// ---- account level -----------------------------------------------------------------------------

/** Account Admins hold every account permission; a Member those granted to every member or their flag's. */
export type AccountGrant = 'account_admin' | 'every_member' | { flag: MemberFlag };

export const accountPermissions = {
  'team_members.view': { label: 'View team members', grant: 'every_member' },
  'team_members.manage': { label: 'Manage team members', grant: 'account_admin' },
  // Members see only the members who share a workspace with them (product.md §2, Visibility).
  'team_members.view_all': { label: 'See every team member', grant: 'account_admin' },
  'account.billing': { label: 'Access billing & account info', grant: { flag: 'billing' } },
  'api_credentials.manage': { label: 'Manage API credentials', grant: { flag: 'apiCredentials' } },
  'support_access.manage': { label: 'Enable access for support teams', grant: { flag: 'supportAccess' } },
  'account.security.manage': {
    label: 'Manage single sign-on and provisioning',
    grant: 'account_admin',
  },
  'cookie_settings.view': { label: 'View cookie settings', grant: 'every_member' },
  'cookie_settings.manage': { label: 'Manage cookie settings', grant: 'account_admin' },
  'workspaces.create': { label: 'Create workspaces', grant: 'account_admin' },
  'workspaces.edit': { label: 'Rename, recolour and manage access to workspaces', grant: 'account_admin' },
  'workspaces.delete': { label: 'Delete workspaces', grant: 'account_admin' },
  'account.activity.view': { label: 'View the account activity log', grant: 'account_admin' },
  'mail.outbox.view': { label: 'Read the embedded outbox', grant: 'account_admin' },
  // Offering a workspace to another account, and answering an offer (issue #22).
  'workspaces.transfer': { label: 'Move workspaces to and from other accounts', grant: 'account_admin' },
} as const satisfies Record<string, { label: string; grant: AccountGrant }>;

export type AccountPermission = keyof typeof accountPermissions;

// ---- workspace level ---------------------------------------------------------------------------

export type MatrixColumn = (typeof matrixColumns)[number];
export type MatrixPermission = (typeof matrix)[number]['key'];

/** Bit masks over the matrix columns (bit 0 Workspace Admin … bit 3 Viewer). */
const EVERY_ROLE = 0b1111;
const WORKSPACE_ADMIN = 0b0001;
const AUTHOR = 0b0010;

/** Workspace rules the matrix does not list, from product.md §2–§3. */
const workspaceExtras = {
  'workspace.view': { label: 'Enter the workspace', mask: EVERY_ROLE },
  // "Only Workspace Admins may … change workspace settings"; reading them too, as they name the
  // account's members (the test recipient).
  'workspace.settings.view': { label: 'View workspace settings', mask: WORKSPACE_ADMIN },
  'workspace.settings.edit': { label: 'Change workspace settings', mask: WORKSPACE_ADMIN },
  // "Account Admins and Workspace Admins can select another team member to receive test emails".
  'workspace.test_recipient.choose': { label: 'Choose the test recipient', mask: WORKSPACE_ADMIN },
  // "For Authors [hide attributes] … cannot … edit attribute conditions in broadcasts".
  'broadcasts.conditions.edit': {
    label: 'Edit attribute conditions in broadcasts',
    mask: WORKSPACE_ADMIN | AUTHOR,
  },
} as const;

export type WorkspacePermission = MatrixPermission | keyof typeof workspaceExtras;
export type Permission = AccountPermission | WorkspacePermission;

export interface WorkspaceRule {
  key: WorkspacePermission;
  label: string;
  mask: number;
  /** What it lets one do, as a sentence continues after "can": "create segments". */
  action: string;
  /** The permissions.csv row that states the rule; absent for Atrium's own rules. */
  row?: number;
  footnotes: readonly number[];
}

/** A word in lower case unless it is an initialism ("API-triggered", "CSV", "Ad Audience" stay). */
const lowerWord = (word: string) =>
  /^[A-Z][a-z]/.test(word) && !/^Ad$|^Audience/.test(word) ? word.toLowerCase() : word;

const wholeRowActions: Record<string, string> = {
  'Send messages': 'send messages',
  'Data import': 'import people and data',
  'Data export': 'export people and data',
};

/** A matrix row as words: "Segments" + "create" → "create segments"; "import CSV" → "import CSV files into segments". */
function actionOf(row: (typeof matrix)[number]): string {
  const things = row.resource.split(' ').map(lowerWord).join(' ');
  if (!row.action) return wholeRowActions[row.label] ?? row.label.toLowerCase();
  if (row.action === 'import CSV') return `import CSV files into ${things}`;
  if (row.action.endsWith('Ad Audience')) return `${row.action}s`;
  return `${row.action} ${things}`;
}

export const workspaceRules: Readonly<Record<WorkspacePermission, WorkspaceRule>> = Object.freeze({
  ...Object.fromEntries(
    matrix.map((r) => [
      r.key,
      { key: r.key, label: r.label, action: actionOf(r), mask: r.mask, row: r.row, footnotes: r.footnotes },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(workspaceExtras).map(([key, r]) => [
      key,
      {
        key,
        label: r.label,
        action: r.label.charAt(0).toLowerCase() + r.label.slice(1),
        mask: r.mask,
        footnotes: [],
      },
    ]),
  ),
} as unknown as Record<WorkspacePermission, WorkspaceRule>);

export function isWorkspacePermission(permission: string): permission is WorkspacePermission {
  return Object.hasOwn(workspaceRules, permission);
}

export function isPermission(permission: string): permission is Permission {
  return isWorkspacePermission(permission) || Object.hasOwn(accountPermissions, permission);
}

export const columnLabels: Record<MatrixColumn, string> = {
  workspace_admin: 'Workspace Admin',
  author: 'Author',
  author_hidden_attributes: 'Author with hide attributes',
  viewer: 'Viewer',
};

export { matrix, matrixColumns };

/** Who holds an account permission, in words. */
export function grantedTo(grant: AccountGrant, label: string): string {
  if (grant === 'account_admin') return 'Account Admins';
  if (grant === 'every_member') return 'every member';
  return `Account Admins, and Members with "${label}"`;
}
