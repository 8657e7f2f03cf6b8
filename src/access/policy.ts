import {
  type AccountGrant,
  type AccountPermission,
  accountPermissions,
  columnLabels,
  isWorkspacePermission,
  matrixColumns,
  type Permission,
  type WorkspacePermission,
  workspaceRules,
} from './catalog.js';
import { roleLabels } from './roles.js';
import type { Subject } from './subject.js';

/**
 * The one place access is decided. Pure: no I/O, no clock. `can` answers fast (the hot path of
 * every request); `explain` answers the same and says which rule decided.
 */

export interface Decision {
  allowed: boolean;
  permission: Permission;
  /** The rule that decided, for people: "Author with hide attributes in ws_…: segments.create is not allowed — permissions.csv row 28". */
  reason: string;
  /** The same in words for a team member: "Viewers can't change workspace settings." */
  explanation: string;
  /** True when the subject cannot enter the workspace at all; the HTTP edge answers 404 then. */
  noAccess?: boolean;
}

/** The people a matrix column stands for, as a sentence names them. */
const columnPlurals: Record<(typeof matrixColumns)[number], string> = {
  workspace_admin: 'Workspace Admins',
  author: 'Authors',
  author_hidden_attributes: 'Authors who hide attributes',
  viewer: 'Viewers',
};

const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** A rule's label as the end of a sentence: "Segments - create" → "create segments". */
const asAction = (label: string) => {
  const [resource, action] = label.split(' - ');
  return action ? `${action} ${lowerFirst(resource!)}` : lowerFirst(label);
};

function accountAllows(subject: Subject, grant: AccountGrant): boolean {
  if (subject.accountRole === 'account_admin' || grant === 'every_member') return true;
  return grant !== 'account_admin' && subject.flags[grant.flag];
}

// The hot path: null-prototype dictionaries, which V8 looks up by a dynamic key faster than a Map.
const workspaceMasks: Record<string, number | undefined> = Object.assign(
  Object.create(null),
  Object.fromEntries(Object.values(workspaceRules).map((r) => [r.key, r.mask])),
);

export function can(subject: Subject, permission: Permission, workspaceId?: string): boolean {
  const mask = workspaceMasks[permission];
  if (mask === undefined)
    return accountAllows(subject, accountPermissions[permission as AccountPermission].grant);
  if (workspaceId === undefined) return false;
  const column = subject.columns[workspaceId];
  return column !== undefined && ((mask >> column) & 1) === 1;
}

export function explain(subject: Subject, permission: Permission, workspaceId?: string): Decision {
  return isWorkspacePermission(permission)
    ? explainInWorkspace(subject, permission, workspaceId)
    : explainInAccount(subject, permission);
}

/** The former name of explain; both answer a Decision. */
export const decide = explain;

function explainInAccount(subject: Subject, permission: AccountPermission): Decision {
  const { grant, label } = accountPermissions[permission];
  const allowed = accountAllows(subject, grant);
  const who = roleLabels[subject.accountRole];
  let why: string;
  if (subject.accountRole === 'account_admin') why = 'Account Admins hold every permission';
  else if (grant === 'every_member') why = 'every member holds it';
  else if (grant === 'account_admin') why = 'it needs Account Admin';
  else why = allowed ? `the member holds "${label}"` : `it needs Account Admin or the "${label}" permission`;
  const action = lowerFirst(label);
  const explanation =
    grant === 'every_member'
      ? `Every team member can ${action}.`
      : grant === 'account_admin'
        ? `Only Account Admins can ${action}.`
        : `Only Account Admins, and Members given “${label}”, can ${action}.`;
  return {
    allowed,
    permission,
    reason: `${who}: ${permission} is ${allowed ? 'allowed' : 'not allowed'} — ${why}`,
    explanation,
  };
}

function explainInWorkspace(
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
      explanation: 'No role in this workspace.',
      noAccess: true,
    };
  }
  const rule = workspaceRules[permission];
  const allowed = ((rule.mask >> grant.column) & 1) === 1;
  const column = columnLabels[matrixColumns[grant.column]];
  const who = grant.viaAccountRole ? `${roleLabels.account_admin} (${column} everywhere)` : column;
  const source = rule.row ? `permissions.csv row ${rule.row}` : `Atrium rule "${rule.label}"`;
  return {
    allowed,
    permission,
    reason: `${who} in ${workspaceId}: ${permission} is ${allowed ? 'allowed' : 'not allowed'} — ${source}`,
    explanation: `${columnPlurals[matrixColumns[grant.column]]} ${allowed ? 'can' : 'can’t'} ${asAction(rule.label)}.`,
  };
}
