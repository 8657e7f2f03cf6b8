import { isEmailAddress } from '../../../shared/email-address.js';
import { mergeAttributes, newPerson, type People, type WriteContext } from '../people-state.js';
import { suppressedMessage } from '../suppressions.js';
import type { IdentifierRules, Rule } from './rule.js';

// The CSV import rule: rows of an import, chunk by chunk.

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

/**
 * A suppressed id or email (whether or not email is an identifier, as on the Track API) is given to
 * nobody until it is unsuppressed: the refusal, saying how to lift it.
 */
function refuseSuppressed(people: People, given: { id: string | null; email: string | null }) {
  const suppressed = people.suppressedAmong(given);
  return suppressed && suppressedMessage(suppressed.field, suppressed.value);
}

function importOrRefuse(
  people: People,
  rules: IdentifierRules,
  context: WriteContext,
  claims: ImportClaims,
  row: ImportWrite,
): ImportOutcome {
  const { id, email, attributes, line } = row;
  if (email !== null && !isEmailAddress(email))
    return { refused: `email "${email}" is not one email address, like jo@example.com` };
  // With email not an identifier, people may share an address: it is never claimed.
  const claimed = (value: string | null) => (rules.identifyByEmail ? value : null);
  if (row.mode === 'create') {
    if (row.cioId !== null)
      return { refused: 'cio_id is given by the system; leave it empty to create, or import in update mode' };
    if (id === null && (email === null || !rules.identifyByEmail))
      return { refused: 'a new person needs an id or (with email as an identifier) an email' };
    if (id !== null && !rules.identifyById && email === null)
      return { refused: 'id is not an identifier in this workspace' };
    const refusal =
      refuseSuppressed(people, { id, email }) ??
      refuseImportClaim(people, claims, line, null, id, claimed(email));
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
  const refusal =
    refuseSuppressed(people, {
      id: givenId,
      email: people.sameEmail(newEmail, person.email) ? null : newEmail,
    }) ?? refuseImportClaim(people, claims, line, person.cioId, givenId, givenEmail);
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
