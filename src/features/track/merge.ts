import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { type MergePair, mergePair, rulesOf } from '../people/identifier-rules.js';
import type { PeopleNamed } from '../people/write-store.js';
import { writePeople } from '../people/writer.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import type { PersonOperation } from './operations.js';
import { keyOf } from './person-ref.js';

/** Whom a merge locks: the two people its keys name (the keys' emails and ids as values, too). */
function namedIn({ primary, secondary }: MergePair): PeopleNamed {
  const named: PeopleNamed = { cioIds: [], ids: [], emails: [] };
  for (const key of [primary, secondary]) {
    if (key.by === 'cioId') named.cioIds.push(key.value);
    else if (key.by === 'id') named.ids.push(key.value);
    else named.emails.push(key.value);
  }
  return named;
}

/**
 * Merges the secondary person into the primary (Customer.io's merge_customers, and v2's merge
 * action), in the caller's transaction, through the one write path of people and the rule beside
 * the merge of people who share an email (people/identifier-rules.ts mergePair); logged as that
 * merge is. Throws a DomainError when refused: a reference that is not an identifier here (400),
 * a person who does not exist (404), the same person twice (400).
 *
 * The email or id the primary takes from the secondary is not locked as a value about to be given:
 * the secondary, who holds it, is locked until the transaction ends, and a writer who meanwhile
 * gives it to someone else meets the unique index (409). Locking it here would take a key's lock
 * after people's locks, the order every writer avoids (write-store.ts lockToWrite).
 */
export async function applyMerge(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  op: Extract<PersonOperation, { action: 'merge' }>,
): Promise<void> {
  const rules = rulesOf(ws);
  const pair: MergePair = { primary: keyOf(op.primary, rules), secondary: keyOf(op.secondary, rules) };
  const [outcome] = await writePeople(
    tx,
    ws.id,
    [pair],
    mergePair,
    { named: namedIn(pair) },
    { at: clock.now() },
  );
  if (!outcome) throw new Error('the merge rule gave no outcome');
  if (outcome instanceof DomainError) throw outcome;
  const { survivor, merged } = outcome;
  await recordActivity(tx, clock, {
    accountId: ws.accountId,
    workspaceId: ws.id,
    author: { memberId: null, name: 'Track API' },
    action: 'person.merged',
    target: { type: 'person', id: survivor.cioId },
    before: { merged: merged.map((r) => r.cioId) },
    after: {
      id: survivor.externalId,
      email: survivor.email,
      attributes: survivor.attributes,
      reason: 'merge_customers',
    },
  });
}
