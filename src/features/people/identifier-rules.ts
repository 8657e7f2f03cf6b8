import { DomainError } from '../../shared/errors.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { mergeAttributes, newPerson, type People, type WriteContext } from './people-state.js';
import type { PersonKey, PersonRow } from './store.js';
import type { PeopleNamed } from './write-store.js';

/**
 * The identifier rules of people, in one place and without a database: given the workspace's
 * identifier settings, the people holding the keys a write names (People), and the write — a Track
 * API or console identify, a CSV import row, a merge of people sharing an email — which person it
 * applies to, whether it creates, updates or is refused (and why), and what the person becomes.
 * writer.ts locks and loads the people, applies these in order and writes the result.
 */

/** The workspace's identifier settings. */
export interface IdentifierRules {
  identifyByEmail: boolean;
  identifyById: boolean;
  allowEmailUpdateById: boolean;
}

export const rulesOf = (ws: WorkspaceRow): IdentifierRules => ({
  identifyByEmail: ws.identifyByEmail,
  identifyById: ws.identifyById,
  allowEmailUpdateById: ws.allowEmailUpdateById,
});

/**
 * A rule: applies one write to the people (as the writes before it left them) and returns its
 * outcome; writer.ts applies a run of writes by one rule, in order.
 */
export type Rule<W, O> = (people: People, context: WriteContext, write: W) => O;

/** What a request asks to set on a person. `null` removes; absent leaves as is. */
export interface PersonChange {
  email?: string | null;
  id?: string | null;
  attributes?: Record<string, unknown>;
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
 * The emails, ids and cio_ids Track API calls name — as a key, or as a new value — before they are
 * parsed: what the writer locks, whatever the workspace's rules say. An identifier is a cio_id, or
 * else an id, and an email too if it has an @ (a lock or a lookup too many is cheap while the keys
 * are at most 64: over that, every writer of the workspace waits, lock_person_keys.sql).
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

// ---- identify: the Track API, and the console's people API ------------------------------------------

/**
 * A Track API or console write: the person a key names is updated, or created when an email or id
 * names nobody (a cio_id that names nobody is the system's to give: nobody). `create: false` never
 * creates; `create: 'only'` refuses a key that names someone (the console's "new person").
 */
export interface IdentifyCall {
  key: PersonKey;
  change: PersonChange;
  create?: boolean | 'only';
}

export interface Upsert {
  person: PersonRow;
  created: boolean;
  before: PersonRow | null;
}

/** One call's outcome: the upsert; null when its key names nobody and it creates no one; or its refusal. */
export type IdentifyOutcome = Upsert | null | DomainError;

/**
 * The seed's rules for changing an identifier once it is set: an email changes in a request that
 * names the person by cio_id — or by id, while "allow updates to email using ID" is on; an id
 * changes only by cio_id. Setting one for the first time is always allowed.
 */
function refuseIdentifierChange(
  people: People,
  key: PersonKey,
  person: PersonRow,
  change: PersonChange,
  rules: IdentifierRules,
) {
  if (change.email !== undefined && person.email !== null && !people.sameEmail(change.email, person.email)) {
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

/**
 * A person already holding this id, or this email while email is an identifier, refuses the call
 * (409), naming the field. (With email not an identifier, people may share an address.) Only
 * values that change are looked at: the identify hot path sends the same email again and again.
 */
function refuseTaken(
  people: People,
  person: PersonRow | null,
  change: { email?: string | null; id?: string | null },
  rules: IdentifierRules,
) {
  const cioId = person?.cioId ?? null;
  if (rules.identifyByEmail && change.email && !(person && people.sameEmail(change.email, person.email))) {
    const holder = people.find({ by: 'email', value: change.email });
    if (holder && holder.cioId !== cioId) throw taken('email', change.email);
  }
  if (change.id && change.id !== person?.externalId) {
    const holder = people.find({ by: 'id', value: change.id });
    if (holder && holder.cioId !== cioId) throw taken('id', change.id);
  }
}

function identifyOrThrow(
  people: People,
  rules: IdentifierRules,
  context: WriteContext,
  { key, change, create = true }: IdentifyCall,
): Upsert | null {
  const person = people.find(key);
  if (person && create === 'only') {
    throw new DomainError('identifier_taken', `A person with ${key.by} ${key.value} already exists.`, {
      errors: [{ path: `/${key.by}`, message: 'already belongs to a person' }],
    });
  }
  if (!person) {
    if (key.by === 'cioId' || !create) return null;
    const email = key.by === 'email' ? key.value : (change.email ?? null);
    const id = key.by === 'id' ? key.value : (change.id ?? null);
    refuseTaken(people, null, { email, id }, rules);
    const created = newPerson(context, { id, email, attributes: mergeAttributes({}, change.attributes) });
    people.put(null, created);
    return { person: created, created: true, before: null };
  }
  refuseIdentifierChange(people, key, person, change, rules);
  refuseTaken(people, person, change, rules);
  const updated: PersonRow = {
    ...person,
    ...(change.email !== undefined && { email: change.email }),
    ...(change.id !== undefined && { externalId: change.id }),
    attributes: mergeAttributes(person.attributes, change.attributes),
    updatedAt: context.now,
  };
  people.put(person, updated);
  return { person: updated, created: false, before: person };
}

/** Identify calls under these settings; a refused call leaves no trace. */
export const identify =
  (rules: IdentifierRules): Rule<IdentifyCall, IdentifyOutcome> =>
  (people, context, call) => {
    try {
      return identifyOrThrow(people, rules, context, call);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  };

/** Whom identify calls name: the people their keys name, and the emails and ids they give. */
export function namedBy(calls: readonly IdentifyCall[]): PeopleNamed {
  const named: Record<PersonKey['by'], Set<string>> = { cioId: new Set(), id: new Set(), email: new Set() };
  for (const { key, change } of calls) {
    named[key.by].add(key.value);
    if (change.id) named.id.add(change.id);
    if (change.email) named.email.add(change.email);
  }
  return { cioIds: [...named.cioId], ids: [...named.id], emails: [...named.email] };
}

// ---- CSV import rows ------------------------------------------------------------------------------

/**
 * An import row, its identifiers read (an empty cell is null).
 * create: each row is a new person, named by id and/or email (no cio_id: that is the system's).
 * update: each row names a person by cio_id, else id, else email; as the seed says, only a row
 *         that names the cio_id may change the email (and the id).
 */
export interface ImportWrite {
  mode: 'create' | 'update';
  line: number;
  cioId: string | null;
  id: string | null;
  email: string | null;
  attributes: Record<string, string>;
}

/** A row's outcome: what it did, or why it was refused. */
export type ImportOutcome = 'created' | 'updated' | { refused: string };

/** The lines of a chunk that gave each id and (folded) email, so a second claim names the first. */
interface ImportClaims {
  ids: Map<string, number>;
  emails: Map<string, number>;
}

/**
 * A row may give an id, and an email (only while email is an identifier; compared folded), that
 * nobody else holds and no earlier row of the chunk gave: then it claims them. The refusal otherwise.
 */
function refuseImportClaim(
  people: People,
  claims: ImportClaims,
  line: number,
  cioId: string | null,
  id: string | null,
  email: string | null,
): string | undefined {
  const folded = email === null ? null : people.fold(email);
  for (const [field, key, value, claimed] of [
    ['id', { by: 'id', value: id }, id, claims.ids],
    ['email', { by: 'email', value: email }, folded, claims.emails],
  ] as const) {
    if (key.value === null || value === null) continue;
    const earlier = claimed.get(value);
    if (earlier !== undefined) return `${field} ${value} is also on line ${earlier}`;
    const holder = people.find({ by: key.by, value: key.value });
    if (holder && holder.cioId !== cioId) return `${field} ${value} belongs to another person`;
  }
  if (id !== null) claims.ids.set(id, line);
  if (folded !== null) claims.emails.set(folded, line);
  return undefined;
}

function importOrRefuse(
  people: People,
  rules: IdentifierRules,
  context: WriteContext,
  claims: ImportClaims,
  row: ImportWrite,
): ImportOutcome {
  const { id, email, attributes, line } = row;
  // The Track API's rule: an email is a string with an @.
  if (email !== null && !email.includes('@')) return { refused: `email "${email}" is not an email address` };
  // With email not an identifier, people may share an address: it is never claimed.
  const claimed = (value: string | null) => (rules.identifyByEmail ? value : null);
  if (row.mode === 'create') {
    if (row.cioId !== null)
      return { refused: 'cio_id is given by the system; leave it empty to create, or import in update mode' };
    if (id === null && (email === null || !rules.identifyByEmail))
      return { refused: 'a new person needs an id or (with email as an identifier) an email' };
    if (id !== null && !rules.identifyById && email === null)
      return { refused: 'id is not an identifier in this workspace' };
    const refusal = refuseImportClaim(people, claims, line, null, id, claimed(email));
    if (refusal) return { refused: refusal };
    people.put(null, newPerson(context, { id, email, attributes }));
    return 'created';
  }
  const byCioId = row.cioId !== null;
  const person = byCioId
    ? people.find({ by: 'cioId', value: row.cioId! })
    : id !== null && rules.identifyById
      ? people.find({ by: 'id', value: id })
      : claimed(email) !== null
        ? people.find({ by: 'email', value: email! })
        : undefined;
  if (!person)
    return {
      refused:
        byCioId || id !== null || email !== null
          ? 'no person matches this row'
          : 'the row names nobody (cio_id, id or email)',
    };
  const newEmail = email ?? person.email;
  const newId = id ?? person.externalId;
  if (!byCioId && person.email !== null && !people.sameEmail(newEmail, person.email))
    return { refused: "an import changes a person's email only in update mode on rows that name the cio_id" };
  if (!byCioId && person.externalId !== null && newId !== person.externalId)
    return { refused: "an import changes a person's id only on rows that name the cio_id" };
  const givenId = newId === person.externalId ? null : newId;
  const givenEmail = newEmail !== person.email ? claimed(newEmail) : null;
  const refusal = refuseImportClaim(people, claims, line, person.cioId, givenId, givenEmail);
  if (refusal) return { refused: refusal };
  people.put(person, {
    ...person,
    externalId: newId,
    email: newEmail,
    attributes: mergeAttributes(person.attributes, attributes),
    updatedAt: context.now,
  });
  return 'updated';
}

/** The rows of one chunk under these settings, each seeing the claims of the rows before it. */
export function importRows(rules: IdentifierRules): Rule<ImportWrite, ImportOutcome> {
  const claims: ImportClaims = { ids: new Map(), emails: new Map() };
  return (people, context, row) => importOrRefuse(people, rules, context, claims, row);
}

// ---- merges of people who share an email ------------------------------------------------------------

/** People sharing an email (as the database folds it), and the ids whose keys the merge holds. */
export interface MergeGroup {
  email: string;
  ids: string[];
}

export interface Merged {
  survivor: PersonRow;
  merged: PersonRow[];
}

/**
 * Merges the people sharing the group's email, as enabling email as an identifier requires: the
 * oldest survives; attributes are merged with the newest value winning; the survivor keeps its id
 * or takes the newest of the others' (one the group's keys hold: else the group waits for a later
 * pass, undefined, as when fewer than two share the email now).
 */
export const merge: Rule<MergeGroup, Merged | undefined> = (people, context, { email, ids }) => {
  const rows = people
    .sharing(email)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.cioId < b.cioId ? -1 : 1));
  if (rows.length < 2) return undefined;
  const survivor = rows[0]!;
  const newestFirst = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const attributes = Object.assign({}, ...[...newestFirst].reverse().map((r) => r.attributes));
  const movedId =
    survivor.externalId === null ? (newestFirst.find((r) => r.externalId)?.externalId ?? null) : null;
  if (movedId !== null && !ids.includes(movedId)) return undefined;
  const merged = rows.slice(1);
  for (const other of merged) people.absorb(other, survivor);
  const after = {
    ...survivor,
    externalId: survivor.externalId ?? movedId,
    attributes,
    updatedAt: context.now,
  };
  people.put(survivor, after);
  return { survivor: after, merged };
};

// ---- merge_customers: the Track API's merge of two people it names -----------------------------------

/** A merge the Track API asks for: the primary survives, the secondary goes into it. */
export interface MergePair {
  primary: PersonKey;
  secondary: PersonKey;
}

/** Refused: a person named does not exist. */
const nobody = (key: PersonKey, role: 'primary' | 'secondary') =>
  new DomainError(
    'not_found',
    `No person has ${key.by === 'cioId' ? 'cio_id' : key.by} ${key.value} (the ${role}).`,
    {
      errors: [{ path: `/${role}`, message: 'names nobody in this workspace' }],
    },
  );

/** What Customer.io counts as not set on the primary. */
const unset = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Customer.io's merge: both people must exist and be two; the secondary's attributes fill those
 * not set, or empty, on the primary; the primary takes the secondary's email and id when it has
 * none; the secondary is absorbed (its events, relationships, memberships and devices move, and it
 * is deleted). Refusals: a person named who does not exist (404), the same person twice (400).
 */
export const mergePair: Rule<MergePair, Merged | DomainError> = (people, context, { primary, secondary }) => {
  const survivor = people.find(primary);
  if (!survivor) return nobody(primary, 'primary');
  const other = people.find(secondary);
  if (!other) return nobody(secondary, 'secondary');
  if (survivor.cioId === other.cioId)
    return new DomainError('invalid', 'The primary and the secondary are the same person.', {
      errors: [{ path: '/secondary', message: 'names the same person as the primary' }],
    });
  const attributes = { ...survivor.attributes };
  for (const [name, value] of Object.entries(other.attributes))
    if (unset(attributes[name])) attributes[name] = value;
  people.absorb(other, survivor);
  const after: PersonRow = {
    ...survivor,
    email: survivor.email ?? other.email,
    externalId: survivor.externalId ?? other.externalId,
    attributes,
    updatedAt: context.now,
  };
  people.put(survivor, after);
  return { survivor: after, merged: [other] };
};
