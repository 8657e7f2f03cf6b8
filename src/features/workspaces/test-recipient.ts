import { masksAttributes } from '../../access/masking.js';
import { workspaceGrant } from '../../access/subject.js';
import type { Db } from '../../db/connection.js';
import { allWorkspacesOf } from '../team/schemas.js';
import { findMemberStanding, findWorkspaceWithRecipient, type MemberStanding } from './store.js';

/**
 * The test recipient of a workspace: a team member who can enter it. They read the workspace's
 * emails in test mode, so someone without access there (or no longer) is no test recipient at all:
 * settings show none, and test-mode sends are refused until an admin picks another.
 */
export interface TestRecipient {
  memberId: string;
  email: string;
  /** Their role there hides attributes: the emails reach them masked. */
  masked: boolean;
}

/** The member as a test recipient of the workspace, or null when they cannot enter it. */
export function asTestRecipient(m: MemberStanding | null | undefined): TestRecipient | null {
  if (m?.status !== 'active') return null;
  const explicit = m.role ? { role: m.role, hideAttributes: m.hideAttributes ?? false } : null;
  const grant = workspaceGrant(m.accountRole, explicit, allWorkspacesOf(m));
  return grant ? { memberId: m.id, email: m.email, masked: masksAttributes(grant) } : null;
}

/** A live workspace with its test recipient, if it has one who can enter it. */
export async function workspaceWithTestRecipient(tx: Db, accountId: string, workspaceId: string) {
  const found = await findWorkspaceWithRecipient(tx, accountId, workspaceId);
  return found && { workspace: found.workspace, recipient: asTestRecipient(found.recipient) };
}

/** The member, if they could be (or still are) the workspace's test recipient. */
export async function testRecipientById(
  tx: Db,
  accountId: string,
  workspaceId: string,
  memberId: string,
): Promise<TestRecipient | null> {
  return asTestRecipient(await findMemberStanding(tx, accountId, workspaceId, memberId));
}
