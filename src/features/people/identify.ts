import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newPersonId } from './ids.js';
import type { PersonKey, PersonRow } from './store.js';
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

const sameEmail = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * The seed's rules for changing an identifier once it is set: an email changes in a request that
 * names the person by cio_id — or by id, while "allow updates to email using ID" is on; an id
 * changes only by cio_id. Setting one for the first time is always allowed.
 */
function refuseIdentifierChange(
  key: PersonKey,
  person: PersonRow,
  change: PersonChange,
  rules: IdentifierRules,
) {
  if (change.email !== undefined && person.email !== null && !sameEmail(change.email, person.email)) {
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

/**
 * A person already holding this id, or this email while email is an identifier, answers 409,
 * naming the field. (With email not an identifier, people may share an address.) The check holds
 * an advisory lock on the address until the transaction ends, so two creates cannot both pass it.
 * Only values that change are looked up: the identify hot path sends the same email again and
 * again. An id is also guarded by a unique index, so a new person's id that `lockPerson` found
 * free needs no second look.
 */
async function refuseTaken(
  tx: Db,
  workspaceId: string,
  holder: PersonRow | null,
  change: PersonChange,
  rules: Pick<IdentifierRules, 'identifyByEmail'>,
  key: PersonKey,
) {
  const email =
    rules.identifyByEmail && change.email && !(holder && sameEmail(change.email, holder.email))
      ? change.email
      : null;
  const id =
    change.id && change.id !== holder?.externalId && !(holder === null && key.by === 'id') ? change.id : null;
  const cioId = holder?.cioId ?? null;
  if (email)
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${workspaceId}:${email.toLowerCase()}`}))`);
  for (const [field, key] of [
    ['email', email ? ({ by: 'email', value: email } as const) : null],
    ['id', id ? ({ by: 'id', value: id } as const) : null],
  ] as const) {
    if (!key) continue;
    const holder = await store.findPerson(tx, workspaceId, key);
    if (holder && holder.cioId !== cioId) {
      throw new DomainError(
        'identifier_taken',
        `Another person in this workspace has ${field} ${key.value}.`,
        {
          errors: [{ path: `/${field}`, message: 'already belongs to another person' }],
        },
      );
    }
  }
}

function mergeAttributes(current: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const merged = { ...current, ...changes };
  for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
  return merged;
}

export interface Upsert {
  person: PersonRow;
  created: boolean;
  before: PersonRow | null;
}

/**
 * Creates or updates the person a key names, in the caller's transaction. A cio_id that names
 * nobody is a 404 (cio_ids are the system's to give); an email or id that names nobody creates
 * the person with it.
 */
export async function upsertPerson(
  tx: Db,
  clock: Clock,
  workspaceId: string,
  key: PersonKey,
  change: PersonChange,
  rules: IdentifierRules,
  { create = true }: { create?: boolean } = {},
): Promise<Upsert | null> {
  const now = clock.now();
  const person = await store.lockPerson(tx, workspaceId, key);
  try {
    if (!person) {
      if (key.by === 'cioId' || !create) return null;
      const email = key.by === 'email' ? key.value : (change.email ?? null);
      const id = key.by === 'id' ? key.value : (change.id ?? null);
      await refuseTaken(tx, workspaceId, null, { email, id }, rules, key);
      const created = await store.insertPerson(tx, {
        workspaceId,
        cioId: newPersonId(),
        email,
        externalId: id,
        attributes: mergeAttributes({}, change.attributes),
        createdAt: now,
        updatedAt: now,
      });
      return { person: created, created: true, before: null };
    }
    refuseIdentifierChange(key, person, change, rules);
    await refuseTaken(tx, workspaceId, person, change, rules, key);
    const updated = await store.updatePerson(tx, workspaceId, person.cioId, {
      ...(change.email !== undefined && { email: change.email }),
      ...(change.id !== undefined && { externalId: change.id }),
      attributes: mergeAttributes(person.attributes, change.attributes),
      updatedAt: now,
    });
    return { person: updated, created: false, before: person };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('identifier_taken', 'Another person in this workspace has this email or id.');
    }
    throw error;
  }
}
