import type { Db } from '../../db/connection.js';
import type { Clock } from '../../shared/clock.js';
import { invalid, missing, notFound } from '../../shared/errors.js';
import { newId, newUlid } from '../../shared/ids.js';
import { rulesOf } from '../people/identifier-rules.js';
import type { PersonKey, PersonRow } from '../people/store.js';
import * as people from '../people/store.js';
import { suppressedAmong } from '../people/suppressions.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { changeOf, identifyCallOf, identifyRun, NOT_CREATED, SUPPRESSED } from './identify.js';
import { checkEventData, checkEventName, checkUnixSeconds, orThrow } from './limits.js';
import { applyPersonRelationships } from './objects.js';
import type { DeviceInput, EventInput, PersonOperation, PersonRef } from './operations.js';
import { describeRef, keyOf } from './person-ref.js';
import * as store from './store.js';

// The person operations of the Track API (other than merge, merge.ts), each in the caller's
// transaction (a savepoint of the applier), throwing a DomainError when refused.

const PLATFORMS = ['ios', 'android'];

/** A Unix time in seconds (limits.ts checkUnixSeconds: 0 … end of year 9999), as a date. */
function dateOf(seconds: number, field: string): Date {
  orThrow(checkUnixSeconds(seconds, field));
  return new Date(Math.floor(seconds) * 1000);
}

/** Refuses an event Customer.io refuses (limits.ts): a blank or long name, data too large, a time that is none. */
export function checkEvent(event: EventInput): void {
  if (!['event', 'page', 'screen'].includes(event.type))
    throw invalid('/type', 'must be event, page or screen');
  orThrow(checkEventName(event.name, 'name', event.type));
  orThrow(checkEventData(event.data, 'data'));
  if (event.timestamp !== undefined) dateOf(event.timestamp, 'timestamp');
}

export function checkDevice(device: DeviceInput): void {
  if (typeof device.token !== 'string' || device.token.length === 0)
    throw invalid('/device/id', 'is required');
  if (!PLATFORMS.includes(device.platform)) throw invalid('/device/platform', 'must be ios or android');
  if (device.lastUsed !== undefined) dateOf(device.lastUsed, 'device.last_used');
}

/** What an operation's fields must be before it is applied or queued: refused now, not after revalidation. */
export function checkPersonOperation(op: PersonOperation): void {
  if (op.action === 'identify') changeOf(op.attributes);
  else if (op.action === 'submit_form') {
    changeOf(op.attributes);
    checkEvent(op.event);
  } else if (op.action === 'event') checkEvent(op.event);
  else if (op.action === 'add_device') checkDevice(op.device);
  else if (op.action === 'delete_device' && !op.token) throw invalid('/device/id', 'is required');
}

async function isSuppressed(tx: Db, ws: WorkspaceRow, key: PersonKey): Promise<boolean> {
  return ws.suppresses && (await suppressedAmong(tx, ws.id, [key])).size > 0;
}

const findOrRefuse = async (tx: Db, ws: WorkspaceRow, key: PersonKey, ref: PersonRef): Promise<PersonRow> =>
  (await people.findPerson(tx, ws.id, key)) ?? missing(`Person ${describeRef(ref)}`);

/** The event as the events table holds it. */
export const eventRow = (clock: Clock, event: EventInput) => ({
  id: newId('evt'),
  name: event.name,
  type: event.type,
  data: event.data ?? {},
  clientId: event.id ?? null,
  createdAt: event.timestamp === undefined ? clock.now() : dateOf(event.timestamp, 'timestamp'),
});

/** Suppresses: the person is deleted, and their identifiers (or the one named) recorded. */
async function suppress(tx: Db, clock: Clock, ws: WorkspaceRow, key: PersonKey): Promise<void> {
  const person = await people.findPerson(tx, ws.id, key);
  if (!person && (await isSuppressed(tx, ws, key))) return; // suppressed already: one record, lifted at once
  const named = (by: PersonKey['by']) => (key.by === by ? key.value : null);
  await store.insertSuppression(
    tx,
    ws.id,
    newUlid(),
    {
      cioId: person?.cioId ?? named('cioId'),
      externalId: person?.externalId ?? named('id'),
      email: person?.email ?? named('email'),
    },
    clock.now(),
  );
  if (person) await people.deletePerson(tx, ws.id, person.cioId);
}

/**
 * Applies one person operation but merge. Operations on a suppressed person are ignored, as
 * Customer.io drops the data of suppressed people (and answers as if applied).
 */
export async function applyPersonOperation(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  op: Exclude<PersonOperation, { action: 'merge' }>,
): Promise<void> {
  const key = keyOf(op.person, rulesOf(ws)); // op checked by the applier (apply.ts applyOperation)
  if (op.action === 'unsuppress') return store.deleteSuppressions(tx, ws.id, key);
  if (op.action === 'suppress') return suppress(tx, clock, ws, key);
  if (op.action === 'identify' || op.action === 'submit_form') {
    const [outcome] = await identifyRun(tx, clock, ws, [identifyCallOf(key, op.attributes)]);
    if (outcome instanceof Error) throw outcome;
    if (outcome === null || outcome === undefined) throw notFound(`Person ${describeRef(op.person)}`);
    if (outcome === SUPPRESSED || outcome === NOT_CREATED) return;
    const { cioId } = outcome.person;
    // In the identify's savepoint: a form's event that cannot be written undoes its identify.
    if (op.action === 'submit_form')
      await store.insertEvent(tx, { workspaceId: ws.id, cioId, ...eventRow(clock, op.event) });
    else if (op.relationships?.length)
      await applyPersonRelationships(tx, clock, ws, cioId, op.relationships, 'add');
    return;
  }
  if (await isSuppressed(tx, ws, key)) return;
  if (op.action === 'delete' || op.action === 'delete_device') {
    // Deletes are idempotent, as Customer.io's: a retried delete (nobody, or no such device) is done.
    const person = await people.findPerson(tx, ws.id, key);
    if (!person) return;
    if (op.action === 'delete_device') await store.deleteDevice(tx, ws.id, person.cioId, op.token);
    else await people.deletePerson(tx, ws.id, person.cioId);
    return;
  }
  const person = await findOrRefuse(tx, ws, key, op.person);
  switch (op.action) {
    case 'event':
      await store.insertEvent(tx, { workspaceId: ws.id, cioId: person.cioId, ...eventRow(clock, op.event) });
      return;
    case 'add_device': {
      const now = clock.now();
      const { token, platform, lastUsed, attributes } = op.device;
      await store.putDevice(tx, {
        workspaceId: ws.id,
        token,
        cioId: person.cioId,
        platform,
        lastUsed: lastUsed === undefined ? null : dateOf(lastUsed, 'device.last_used'),
        attributes: attributes ?? {},
        createdAt: now,
        updatedAt: now,
      });
      return;
    }
    case 'add_relationships':
    case 'delete_relationships':
      await applyPersonRelationships(
        tx,
        clock,
        ws,
        person.cioId,
        op.relationships,
        op.action === 'add_relationships' ? 'add' : 'delete',
      );
      return;
  }
}
