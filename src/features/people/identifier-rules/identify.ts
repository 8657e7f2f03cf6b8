import { DomainError } from '../../../shared/errors.js';
import { mergeAttributes, newPerson, type People, type WriteContext } from '../people-state.js';
import type { PersonKey, PersonRow } from '../store.js';
import { suppressedRefusal } from '../suppressions.js';
import type { PeopleNamed } from '../write-store.js';
import type { IdentifierRules, PersonChange, Rule } from './rule.js';

// The identify rule: writes of the Track API, and of the console's people API.

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

/**
 * A new person is named by the call's key; a body that gives another value of the same kind
 * (`PUT /customers/dup {"id": "other"}`) would lose one of the two. Refused, as the same body is
 * for someone who exists (refuseIdentifierChange), rather than one value dropped silently.
 */
function refuseSecondIdentifier(people: People, key: PersonKey, change: PersonChange) {
  const other =
    key.by === 'id'
      ? change.id != null && change.id !== key.value
      : key.by === 'email' && change.email != null && !people.sameEmail(change.email, key.value);
  if (!other) return;
  const field = key.by === 'id' ? 'id' : 'email';
  throw new DomainError(
    'identifier_required',
    `The body's ${field} differs from the ${field} that names this new person; send one ${field}.`,
    { errors: [{ path: `/${field}`, message: `differs from the ${field} that names the person` }] },
  );
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

/**
 * A suppressed id or email is given to nobody (Customer.io's rule) until it is unsuppressed:
 * refused on the console's people API (409). The Track API ignores such a call before it gets
 * here (track/identify.ts identifyRun), as Customer.io does. Only values that change are looked at.
 */
function refuseSuppressed(
  people: People,
  person: PersonRow | null,
  change: { email?: string | null; id?: string | null },
) {
  const suppressed = people.suppressedAmong({
    id: change.id !== person?.externalId ? change.id : null,
    email: person && people.sameEmail(change.email ?? null, person.email) ? null : change.email,
  });
  if (suppressed) throw suppressedRefusal(suppressed.field, suppressed.value);
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
    refuseSecondIdentifier(people, key, change);
    const email = key.by === 'email' ? key.value : (change.email ?? null);
    const id = key.by === 'id' ? key.value : (change.id ?? null);
    refuseTaken(people, null, { email, id }, rules);
    refuseSuppressed(people, null, { email, id });
    const created = newPerson(context, { id, email, attributes: mergeAttributes({}, change.attributes) });
    people.put(null, created);
    return { person: created, created: true, before: null };
  }
  refuseIdentifierChange(people, key, person, change, rules);
  refuseTaken(people, person, change, rules);
  refuseSuppressed(people, person, change);
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
