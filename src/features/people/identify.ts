import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newPersonId } from './ids.js';
import type { FoldEmail, PeopleNamed, PersonKey, PersonRow, PersonWrite } from './store.js';
import * as store from './store.js';

/** What a request asks to set on a person. `null` removes; absent leaves as is. */
export interface PersonChange {
  email?: string | null;
  id?: string | null;
  attributes?: Record<string, unknown>;
}

export interface IdentifierRules {
  identifyByEmail: boolean;
  identifyById: boolean;
  allowEmailUpdateById: boolean;
}

const CIO_PREFIX = 'cio_';

/**
 * Reads the Track API's identifier: `cio_<cio_id>`, an email (while email is an identifier), or an
 * id (while id is). With email not an identifier, a value with an @ is an id like any other.
 */
export function parseIdentifier(raw: string, rules: IdentifierRules): PersonKey {
  if (raw.startsWith(CIO_PREFIX)) return { by: 'cioId', value: raw.slice(CIO_PREFIX.length) };
  if (raw.includes('@') && rules.identifyByEmail) return { by: 'email', value: raw };
  if (rules.identifyById) return { by: 'id', value: raw };
  throw new DomainError(
    'not_an_identifier',
    `"${raw}" is not an email, and id is not an identifier in this workspace; identify people by email or cio_<cio_id>.`,
  );
}

/**
 * The seed's rules for changing an identifier once it is set: an email changes in a request that
 * names the person by cio_id — or by id, while "allow updates to email using ID" is on; an id
 * changes only by cio_id. Setting one for the first time is always allowed.
 */
function refuseIdentifierChange(
  state: PeopleState,
  key: PersonKey,
  person: PersonRow,
  change: PersonChange,
  rules: IdentifierRules,
) {
  if (change.email !== undefined && person.email !== null && !state.sameEmail(change.email, person.email)) {
    const allowed = key.by === 'cioId' || (key.by === 'id' && rules.allowEmailUpdateById);
    if (!allowed) {
      const how = rules.allowEmailUpdateById
        ? 'by cio_id or id'
        : 'by cio_id (allow updates to email using ID is off)';
      throw new DomainError('identifier_required', `To change this person's email, identify them ${how}.`, {
        errors: [{ path: '/email', message: `changes only in a request that identifies the person ${how}` }],
      });
    }
  }
  if (
    change.id !== undefined &&
    person.externalId !== null &&
    change.id !== person.externalId &&
    key.by !== 'cioId'
  ) {
    throw new DomainError('identifier_required', "To change this person's id, identify them by cio_id.", {
      errors: [{ path: '/id', message: 'changes only in a request that identifies the person by cio_id' }],
    });
  }
}

/** Refused: another person holds a value this call would give. */
const taken = (field: 'email' | 'id', value: string) =>
  new DomainError('identifier_taken', `Another person in this workspace has ${field} ${value}.`, {
    errors: [{ path: `/${field}`, message: 'already belongs to another person' }],
  });

function mergeAttributes(current: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const merged = { ...current, ...changes };
  for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
  return merged;
}

/**
 * The people a batch of calls touches, as the calls leave them, found by cio_id, id or email
 * (emails compared as the database folds their case).
 */
class PeopleState {
  private readonly byCio = new Map<string, PersonRow>();
  private readonly byId = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly created = new Set<string>();
  private readonly changed = new Set<string>();

  constructor(
    rows: PersonRow[],
    private readonly fold: FoldEmail,
  ) {
    for (const row of rows) this.index(row);
  }

  sameEmail(a: string | null, b: string | null): boolean {
    return a === null || b === null ? a === b : this.fold(a) === this.fold(b);
  }

  find(key: PersonKey): PersonRow | undefined {
    const cioId =
      key.by === 'cioId'
        ? key.value
        : key.by === 'id'
          ? this.byId.get(key.value)
          : this.byEmail.get(this.fold(key.value));
    return cioId === undefined ? undefined : this.byCio.get(cioId);
  }

  /** Records a call's result; later calls of the batch see it. */
  put(before: PersonRow | null, after: PersonRow) {
    if (before) {
      if (before.externalId !== null && this.byId.get(before.externalId) === before.cioId)
        this.byId.delete(before.externalId);
      const email = before.email === null ? undefined : this.fold(before.email);
      if (email !== undefined && this.byEmail.get(email) === before.cioId) this.byEmail.delete(email);
      if (!this.created.has(after.cioId)) this.changed.add(after.cioId);
    } else this.created.add(after.cioId);
    this.index(after);
  }

  /** The rows to insert and to update: each person once, as the last call left them. */
  writes(): { inserts: PersonWrite[]; updates: PersonWrite[] } {
    const write = (cioId: string): PersonWrite => {
      const p = this.byCio.get(cioId)!;
      return { cio_id: p.cioId, external_id: p.externalId, email: p.email, attributes: p.attributes };
    };
    return { inserts: [...this.created].map(write), updates: [...this.changed].map(write) };
  }

  private index(row: PersonRow) {
    this.byCio.set(row.cioId, row);
    if (row.externalId !== null) this.byId.set(row.externalId, row.cioId);
    if (row.email !== null) this.byEmail.set(this.fold(row.email), row.cioId);
  }
}

/**
 * A person already holding this id, or this email while email is an identifier, refuses the call
 * (409), naming the field. (With email not an identifier, people may share an address.) Only
 * values that change are looked at: the identify hot path sends the same email again and again.
 */
function refuseTaken(
  state: PeopleState,
  person: PersonRow | null,
  change: { email?: string | null; id?: string | null },
  rules: IdentifierRules,
) {
  const cioId = person?.cioId ?? null;
  if (rules.identifyByEmail && change.email && !(person && state.sameEmail(change.email, person.email))) {
    const holder = state.find({ by: 'email', value: change.email });
    if (holder && holder.cioId !== cioId) throw taken('email', change.email);
  }
  if (change.id && change.id !== person?.externalId) {
    const holder = state.find({ by: 'id', value: change.id });
    if (holder && holder.cioId !== cioId) throw taken('id', change.id);
  }
}

export interface Upsert {
  person: PersonRow;
  created: boolean;
  before: PersonRow | null;
}

export interface IdentifyCall {
  key: PersonKey;
  change: PersonChange;
}

/** One call's outcome: the upsert; null when its key names nobody and it creates no one; or its refusal. */
export type IdentifyOutcome = Upsert | null | DomainError;

/**
 * The emails, ids and cio_ids Track API calls name — as a key, or as a new value — before they are
 * parsed: what store.lockToWrite locks, whatever the workspace's rules say. An identifier is a
 * cio_id, or else an id, and an email too if it has an @ (a lock or a lookup too many costs
 * nothing).
 */
export function namedIn(
  calls: readonly { identifier: string; email?: unknown; id?: unknown }[],
): PeopleNamed {
  const emails = new Set<string>();
  const ids = new Set<string>();
  const cioIds = new Set<string>();
  for (const { identifier, email, id } of calls) {
    if (identifier.startsWith(CIO_PREFIX)) cioIds.add(identifier.slice(CIO_PREFIX.length));
    else ids.add(identifier);
    if (identifier.includes('@')) emails.add(identifier);
    if (typeof email === 'string') emails.add(email);
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
  }
  return { emails: [...emails], ids: [...ids], cioIds: [...cioIds] };
}

/** The same, of parsed calls: the people their keys name, and the emails and ids they give. */
function namedBy(calls: readonly IdentifyCall[]): PeopleNamed {
  const named: Record<PersonKey['by'], Set<string>> = { cioId: new Set(), id: new Set(), email: new Set() };
  for (const { key, change } of calls) {
    named[key.by].add(key.value);
    if (change.id) named.id.add(change.id);
    if (change.email) named.email.add(change.email);
  }
  return { cioIds: [...named.cioId], ids: [...named.id], emails: [...named.email] };
}

/**
 * Applies a batch of calls, in order, to the people of a workspace, in the caller's transaction and
 * with three queries whatever the batch's size: the emails and ids the calls name are locked (an
 * advisory lock each, or one for all the workspace's when they are many: two transactions cannot
 * both find one free), then everyone the calls name or would collide with is read and locked (in
 * cio_id order, so two batches cannot deadlock; store.lockToWrite, or `locked` when the caller did
 * it already, see namedIn), the calls are applied in memory — each sees the ones before it — and
 * the results are written at once. A refused call leaves no trace and does not stop the others.
 *
 * A cio_id that names nobody is null (cio_ids are the system's to give); an email or id that names
 * nobody creates the person with it, unless `create` is false.
 */
export async function upsertPeople(
  tx: Db,
  clock: Clock,
  workspaceId: string,
  calls: readonly IdentifyCall[],
  rules: IdentifierRules,
  { create = true, locked }: { create?: boolean; locked?: store.LockedPeople } = {},
): Promise<IdentifyOutcome[]> {
  const now = clock.now();
  const found = locked ?? (await store.lockToWrite(tx, workspaceId, namedBy(calls)));
  const state = new PeopleState(found.rows, found.fold);

  const apply = ({ key, change }: IdentifyCall): Upsert | null => {
    const person = state.find(key);
    if (!person) {
      if (key.by === 'cioId' || !create) return null;
      const email = key.by === 'email' ? key.value : (change.email ?? null);
      const id = key.by === 'id' ? key.value : (change.id ?? null);
      refuseTaken(state, null, { email, id }, rules);
      const created: PersonRow = {
        workspaceId,
        cioId: newPersonId(),
        email,
        externalId: id,
        attributes: mergeAttributes({}, change.attributes),
        createdAt: now,
        updatedAt: now,
      };
      state.put(null, created);
      return { person: created, created: true, before: null };
    }
    refuseIdentifierChange(state, key, person, change, rules);
    refuseTaken(state, person, change, rules);
    const updated: PersonRow = {
      ...person,
      ...(change.email !== undefined && { email: change.email }),
      ...(change.id !== undefined && { externalId: change.id }),
      attributes: mergeAttributes(person.attributes, change.attributes),
      updatedAt: now,
    };
    state.put(person, updated);
    return { person: updated, created: false, before: person };
  };
  const outcomes = calls.map((call): IdentifyOutcome => {
    try {
      return apply(call);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  });
  await store.writePeople(tx, workspaceId, state.writes(), now);
  return outcomes;
}

/**
 * The refusal when the unique index, not our checks, caught a taken email or id: a concurrent
 * writer gave it between our look and our write (the whole transaction is then lost).
 */
export const takenMeanwhile = () =>
  new DomainError('identifier_taken', 'Another person in this workspace has this email or id.');

/** One call of `upsertPeople`: its result, or its refusal thrown. */
export async function upsertPerson(
  tx: Db,
  clock: Clock,
  workspaceId: string,
  key: PersonKey,
  change: PersonChange,
  rules: IdentifierRules,
  options: { create?: boolean } = {},
): Promise<Upsert | null> {
  try {
    const [outcome] = await upsertPeople(tx, clock, workspaceId, [{ key, change }], rules, options);
    if (outcome instanceof DomainError) throw outcome;
    return outcome ?? null;
  } catch (error) {
    throw isUniqueViolation(error) ? takenMeanwhile() : error;
  }
}
