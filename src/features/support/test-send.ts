import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';

/**
 * A test send in normal mode goes to the caller's own address; a support caller has none (its
 * "email" is the agent's free-text name), so customer data would land nowhere it should. Test mode
 * (the workspace's test recipient) and never (nothing leaves) stay open to it.
 */
export function refuseSupportTestSend(actor: Actor, mode: string): void {
  if (actor.support && mode === 'normal')
    throw new DomainError(
      'support_session_refused',
      'Support sessions cannot send a test to themselves: switch the workspace to test mode to send it to its test recipient.',
    );
}

/** What support sends is in the account's log (a member's own test sends are not: they reach only them). */
export async function recordSupportTestSend(
  tx: Db,
  clock: Clock,
  actor: Actor,
  sent: { workspaceId: string; messageId: string; messageName: string; mode: string },
): Promise<void> {
  if (!actor.support) return;
  await recordActivity(tx, clock, {
    accountId: actor.subject.accountId,
    workspaceId: sent.workspaceId,
    author: actor,
    action: 'message.test_sent',
    target: { type: 'message', id: sent.messageId, name: sent.messageName },
    after: { mode: sent.mode },
  });
}
