import { masksAttributes } from '../../access/masking.js';
import type { Db } from '../../db/connection.js';
import { loadMemberSubject } from '../team/service.js';

/**
 * Whether a team member who receives messages of a workspace (the test recipient, or whoever
 * sends a test to themselves) must see them with attribute values masked: their role there hides
 * attributes. Someone with no role there sees nothing of its people either.
 */
export async function recipientMasks(tx: Db, accountId: string, workspaceId: string, memberId: string) {
  const grant = (await loadMemberSubject(tx, accountId, memberId))?.subject.workspaces.get(workspaceId);
  return !grant || masksAttributes(grant);
}
