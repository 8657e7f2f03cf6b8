import { workspaceGrant, workspaceRoleRefusal } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { FieldError } from '../../shared/errors.js';
import type { Actor } from '../auth/actor.js';
import { allWorkspacesOf } from '../team/schemas.js';
import { findMembers } from '../team/store.js';
import { invalidFields, workspaceNotFound } from './problems.js';
import type { AccessEntry, AccessInput } from './schemas.js';
import * as store from './store.js';

/** Who may enter a workspace and in which role: read, checked and set. */

/** Who holds a role in the workspace: Account Admins by rule, others by assignment. */
export async function listAccess(tx: Db, accountId: string, workspaceId: string): Promise<AccessEntry[]> {
  const rows = await store.listMembersWithRole(tx, accountId, workspaceId);
  return rows.flatMap((m) => {
    const explicit = m.role ? { role: m.role, hideAttributes: m.hideAttributes ?? false } : null;
    const grant = workspaceGrant(m.accountRole, explicit, allWorkspacesOf(m));
    const { memberId, firstName, lastName, email } = m;
    return grant ? [{ memberId, firstName, lastName, email, ...grant }] : [];
  });
}

export async function getAccess(ctx: AppContext, actor: Actor, workspaceId: string): Promise<AccessEntry[]> {
  (await store.findWorkspace(ctx.db, actor.subject.accountId, workspaceId)) ?? workspaceNotFound();
  return listAccess(ctx.db, actor.subject.accountId, workspaceId);
}

/** Each entry names a member of this account, once, with a role that member may hold. */
export async function validateAccess(
  tx: Db,
  accountId: string,
  access: AccessInput,
  at: string,
): Promise<void> {
  const found = new Map(
    (
      await findMembers(
        tx,
        accountId,
        access.map((a) => a.memberId),
      )
    ).map((m) => [m.id, m]),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  access.forEach((entry, i) => {
    const member = found.get(entry.memberId);
    if (!member) {
      errors.push({
        path: `${at}/${i}/memberId`,
        message: `no team member ${entry.memberId} in this account`,
      });
    } else if (seen.has(entry.memberId)) {
      errors.push({ path: `${at}/${i}/memberId`, message: 'listed twice' });
    } else {
      const refusal = workspaceRoleRefusal(member.accountRole, entry.role, entry.hideAttributes ?? false);
      if (refusal)
        errors.push({ path: `${at}/${i}/${refusal.field}`, message: `${member.email}: ${refusal.message}` });
    }
    seen.add(entry.memberId);
  });
  if (errors.length > 0) throw invalidFields(errors);
}

export async function applyAccess(tx: Db, workspaceId: string, access: AccessInput): Promise<void> {
  await store.setRoles(
    tx,
    workspaceId,
    access.flatMap((a) =>
      a.role ? [{ memberId: a.memberId, role: a.role, hideAttributes: a.hideAttributes ?? false }] : [],
    ),
  );
  await store.removeRoles(
    tx,
    workspaceId,
    access.filter((a) => a.role === null).map((a) => a.memberId),
  );
}
