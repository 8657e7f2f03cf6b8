import { DomainError } from '../../shared/errors.js';
import { type IdentifierRules, parseIdentifier } from '../people/identifier-rules.js';
import type { PersonKey } from '../people/store.js';
import type { PersonRef } from './operations.js';

/**
 * The person key a reference names under the workspace's identifier rules: v1's path identifier as
 * parseIdentifier reads it; v2's typed `email` or `id` only while that is an identifier here.
 */
export function keyOf(ref: PersonRef, rules: IdentifierRules): PersonKey {
  if ('path' in ref) return parseIdentifier(ref.path, rules);
  if ('cio_id' in ref) return { by: 'cioId', value: ref.cio_id };
  if ('email' in ref) {
    if (!rules.identifyByEmail)
      throw new DomainError(
        'not_an_identifier',
        'email is not an identifier in this workspace; name the person by id or cio_id.',
      );
    return { by: 'email', value: ref.email };
  }
  if (!rules.identifyById)
    throw new DomainError(
      'not_an_identifier',
      'id is not an identifier in this workspace; name the person by email or cio_id.',
    );
  return { by: 'id', value: ref.id };
}

/** The reference as words for a message: "id 42", "email a@example.com", "cio_id 3a…", or v1's identifier. */
export function describeRef(ref: PersonRef): string {
  if ('path' in ref) return ref.path;
  if ('cio_id' in ref) return `cio_id ${ref.cio_id}`;
  if ('email' in ref) return `email ${ref.email}`;
  return `id ${ref.id}`;
}
