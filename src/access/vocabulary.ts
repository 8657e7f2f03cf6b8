import { accountRoles, memberFlags, roleLabels, rolesWithHideAttributes, workspaceRoles } from './roles.js';

/**
 * The roles and member flags in words, as GET /api/roles serves them: the console renders its
 * pickers, badges and explanations from this and never decides anything from a role's name.
 */

const accountRoleWords = {
  account_admin: {
    description:
      'Manages team members, workspaces, billing and API credentials, and is a Workspace Admin in every workspace, including ones created later.',
    everyWorkspaceAs: 'workspace_admin',
  },
  member: {
    description:
      'Works in the workspaces they are given a role in, and can see the team members of those workspaces.',
    everyWorkspaceAs: null,
  },
} as const;

const workspaceRoleWords = {
  workspace_admin: {
    description:
      'Everything in the workspace, including its settings, imports and exports, integrations and collections.',
  },
  author: {
    description: 'Creates and edits campaigns, broadcasts, segments and content; cannot change settings.',
  },
  viewer: { description: 'Sees the workspace and its reports; changes nothing.' },
} as const;

const memberFlagWords = {
  billing: {
    label: 'Access billing & account info',
    description: 'See the plan, its limits and usage, and change the plan.',
  },
  apiCredentials: {
    label: 'Manage API credentials',
    description: 'Create and revoke the API keys of their workspaces.',
  },
  supportAccess: {
    label: 'Enable access for support teams',
    description: 'Let the service’s support staff into the account to help.',
  },
} as const;

export const HIDE_ATTRIBUTES_DESCRIPTION =
  'Hides every attribute value of people and objects (names, emails, custom data) wherever this member would see it.';

export function vocabulary() {
  return {
    accountRoles: accountRoles.map((key) => ({ key, label: roleLabels[key], ...accountRoleWords[key] })),
    workspaceRoles: workspaceRoles.map((key) => ({
      key,
      label: roleLabels[key],
      ...workspaceRoleWords[key],
      hideAttributes: rolesWithHideAttributes.includes(key),
    })),
    hideAttributes: { label: 'Hide attributes', description: HIDE_ATTRIBUTES_DESCRIPTION },
    memberFlags: memberFlags.map((key) => ({ key, ...memberFlagWords[key] })),
  };
}
