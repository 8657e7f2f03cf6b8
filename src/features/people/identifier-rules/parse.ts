import { isEmailAddress } from '../../../shared/email-address.js';
import { DomainError } from '../../../shared/errors.js';
import type { PersonKey } from '../store.js';
import type { PeopleNamed } from '../write-store.js';
import type { IdentifierRules } from './rule.js';

// Reading the Track API's identifiers.

const CIO_PREFIX = 'cio_';

/**
 * Reads the Track API's identifier: `cio_<cio_id>`, an email (while email is an identifier), or an
 * id (while id is). With email not an identifier, a value with an @ is an id like any other.
 */
export function parseIdentifier(raw: string, rules: IdentifierRules): PersonKey {
  if (raw.trim() === '')
    throw new DomainError(
      'invalid',
      'The identifier is blank: name the person by an id, an email or cio_<cio_id>.',
    );
  if (raw.startsWith(CIO_PREFIX)) return { by: 'cioId', value: raw.slice(CIO_PREFIX.length) };
  if (raw.includes('@') && rules.identifyByEmail) {
    if (!isEmailAddress(raw))
      throw new DomainError(
        'invalid',
        `${JSON.stringify(raw)} has an @ but is not one email address, like jo@example.com.`,
      );
    return { by: 'email', value: raw };
  }
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
