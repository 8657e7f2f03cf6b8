import { roleLabels, type WorkspaceRole, workspaceRoles } from '../../access/roles.js';
import { isAccountAdmin, type Subject } from '../../access/subject.js';
import type { Db } from '../../db/connection.js';
import { listAccountWorkspaces } from '../workspaces/store.js';
import type { GrantRow } from './store.js';
import * as store from './store.js';

/**
 * What a member may hand to support. An Account Admin: anything. A Member holding the "Enable
 * access for support teams" flag: only workspaces they can enter (others are as if they did not
 * exist), never "all", and in each at most their own role (with hide attributes when they have it):
 * the flag lets them open the door, not a bigger one than their own.
 */
const rank = (role: WorkspaceRole) => workspaceRoles.length - workspaceRoles.indexOf(role);

export interface GrantRefusal {
  path: string;
  message: string;
}

export function grantBeyondGranter(
  subject: Subject,
  workspaceIds: readonly string[] | null,
  asked: { role: WorkspaceRole; hideAttributes: boolean },
  names: ReadonlyMap<string, string>,
): GrantRefusal | null {
  if (isAccountAdmin(subject.accountRole)) return null;
  if (workspaceIds === null)
    return {
      path: '/workspaceIds',
      message: 'Only Account Admins can let support into every workspace: name the workspaces',
    };
  for (const id of workspaceIds) {
    const own = subject.workspaces.get(id);
    if (!own) continue; // refused before as unknown
    const name = names.get(id) ?? 'this workspace';
    if (rank(asked.role) > rank(own.role))
      return {
        path: '/role',
        message: `You are ${roleLabels[own.role]} in ${name}: support can be given at most that role there`,
      };
    if (own.hideAttributes && !asked.hideAttributes)
      return {
        path: '/hideAttributes',
        message: `Attributes are hidden from you in ${name}: they must be hidden from support there too`,
      };
  }
  return null;
}

/** The live workspaces this caller may name in a grant, by id: an Account Admin's are all of them. */
export async function nameableWorkspaces(db: Db, subject: Subject): Promise<Map<string, string>> {
  const live = await listAccountWorkspaces(db, subject.accountId);
  return new Map(live.filter((w) => subject.workspaces.has(w.id)).map((w) => [w.id, w.name]));
}

/**
 * How each workspace a grant names reads for this caller: its name if they can enter it; otherwise
 * words that give nothing away (a Member with the flag sees the account's grants, not its workspaces).
 */
export async function workspaceLabels(
  db: Db,
  subject: Subject,
  grants: readonly GrantRow[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const w of await listAccountWorkspaces(db, subject.accountId))
    labels.set(w.id, subject.workspaces.has(w.id) ? w.name : 'a workspace you cannot see');
  const gone = [...new Set(grants.flatMap((g) => g.workspaceIds ?? []))].filter((id) => !labels.has(id));
  const elsewhere = new Set(await store.workspacesOutside(db, subject.accountId, gone));
  for (const id of gone)
    labels.set(id, elsewhere.has(id) ? 'a workspace no longer in this account' : 'a deleted workspace');
  return labels;
}
