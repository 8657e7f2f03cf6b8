import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import {
  type IdentifierRules,
  type IdentifyCall,
  type IdentifyOutcome,
  identify,
  namedBy,
  type PersonChange,
  type Rule,
  type Upsert,
} from './identifier-rules.js';
import { newPersonId } from './ids.js';
import { People, type WriteContext } from './people-state.js';
import type { PersonKey } from './store.js';
import { suppressedAmong } from './suppressions.js';
import type { LockedPeople, PeopleNamed } from './write-store.js';
import * as store from './write-store.js';

/**
 * The one way people are written — by the Track API, the console, the CSV import and the merge of
 * people who share an email — in the caller's transaction, with four queries whatever the number
 * of writes: the emails and ids `named` are locked (an advisory lock each, or one for all the
 * workspace's when they are many: two transactions cannot both find one free), then everyone named
 * or holding those values is read and locked in cio_id order, so two writers cannot deadlock
 * (write-store.ts lockToWrite; or `locked`, when the caller did both already, as the Track API
 * does with its gate); the writes are applied in order, in memory, each seeing the ones before it; and the
 * result is written at once: the people merged away first (a survivor may take one's id), then
 * the new and changed. A refused write leaves no trace and does not stop the others.
 *
 * Between the locks and the rules, one more query: which of the ids and emails named are
 * suppressed (after the locks, so a suppression committed meanwhile is seen); the rules give
 * none of them to anybody. `suppressed`: the caller looked them up already (the Track API does).
 */
export async function writePeople<W, O>(
  tx: Db,
  workspaceId: string,
  writes: readonly W[],
  rule: Rule<W, O>,
  lock: { named: PeopleNamed } | { locked: LockedPeople },
  { at, suppressed }: { at: Date; suppressed?: ReadonlySet<string> },
): Promise<O[]> {
  const found = 'locked' in lock ? lock.locked : await store.lockToWrite(tx, workspaceId, lock.named);
  const people = new People(
    found,
    suppressed ?? (await suppressedAmong(tx, workspaceId, 'named' in lock ? givenIn(lock.named) : [])),
  );
  const context: WriteContext = { workspaceId, now: at, newCioId: newPersonId };
  const outcomes = writes.map((write) => rule(people, context, write));
  const { absorbed, inserts, updates } = people.writes();
  await store.absorbPeople(tx, workspaceId, absorbed);
  await store.savePeople(tx, workspaceId, { inserts, updates }, at);
  return outcomes;
}

/** The ids and emails named: the values a write may give, each of which a suppression may cover. */
const givenIn = ({ ids, emails }: PeopleNamed): PersonKey[] => [
  ...ids.map((value) => ({ by: 'id', value }) as const),
  ...emails.map((value) => ({ by: 'email', value }) as const),
];

/**
 * Identify calls (Track API, console), applied in order: each one's upsert, null (nobody), or
 * refusal. `suppressed`: as writePeople's.
 */
export function upsertPeople(
  tx: Db,
  clock: Clock,
  workspaceId: string,
  calls: readonly IdentifyCall[],
  rules: IdentifierRules,
  { locked, suppressed }: { locked?: LockedPeople; suppressed?: ReadonlySet<string> } = {},
): Promise<IdentifyOutcome[]> {
  const lock = locked ? { locked } : { named: namedBy(calls) };
  return writePeople(tx, workspaceId, calls, identify(rules), lock, {
    at: clock.now(),
    ...(suppressed && { suppressed }),
  });
}

/**
 * The refusal when the unique index, not our checks, caught a taken email or id: a concurrent
 * writer gave it between our look and our write (the whole transaction is then lost).
 */
export const takenMeanwhile = () =>
  new DomainError('identifier_taken', 'Another person in this workspace has this email or id.');

/** One identify call: its result, or its refusal thrown. */
export async function upsertPerson(
  tx: Db,
  clock: Clock,
  workspaceId: string,
  key: PersonKey,
  change: PersonChange,
  rules: IdentifierRules,
  create: IdentifyCall['create'] = true,
): Promise<Upsert | null> {
  try {
    const [outcome] = await upsertPeople(tx, clock, workspaceId, [{ key, change, create }], rules);
    if (outcome instanceof DomainError) throw outcome;
    return outcome ?? null;
  } catch (error) {
    throw isUniqueViolation(error) ? takenMeanwhile() : error;
  }
}
