import { masksAttributes } from '../../access/masking.js';
import { workspaceGrant } from '../../access/subject.js';
import type { Db } from '../../db/connection.js';
import { findMembers, rolesOf } from '../team/store.js';

/**
 * Whether a team member who receives messages of a workspace (the test recipient, or whoever
 * sends a test to themselves) must see them with attribute values masked: their role there hides
 * attributes. Someone with no role there sees nothing of its people either.
 */
export async function recipientMasks(tx: Db, accountId: string, workspaceId: string, memberId: string) {
  const [member] = await findMembers(tx, accountId, [memberId]);
  if (!member) return true;
  const explicit = (await rolesOf(tx, accountId, [memberId])).find((r) => r.workspaceId === workspaceId);
  const all = member.allWorkspacesRole
    ? { role: member.allWorkspacesRole, hideAttributes: member.allWorkspacesHideAttributes }
    : null;
  const grant = workspaceGrant(member.accountRole, explicit, all);
  return !grant || masksAttributes(grant);
}
