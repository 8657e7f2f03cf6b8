import { DomainError } from '../../shared/errors.js';
import { type IdentifierRules, parseIdentifier } from '../people/identifier-rules.js';
import type { PersonKey } from '../people/store.js';
import { bytes, checkEmail, checkId, EMAIL_MAX_BYTES, isRecord, orThrow, refuse } from './limits.js';
import type { PersonRef } from './operations.js';

/**
 * The person key a reference names under the workspace's identifier rules: v1's path identifier as
 * parseIdentifier reads it (an id held to v2's 150 bytes); v2's typed `email` or `id` only while
 * that is an identifier here.
 */
export function keyOf(ref: PersonRef, rules: IdentifierRules): PersonKey {
  if ('path' in ref) {
    const key = parseIdentifier(ref.path, rules);
    if (key.by === 'id') orThrow(checkId(key.value, 'identifier'));
    return key;
  }
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

/**
 * A person named by `{id}`, `{email}` or `{cio_id}` — exactly one; an id as a string or a number —
 * as v1's merge and segment routes and v2 take one. Throws a RefusedError (a 400 naming `field`).
 * `stringIds`: v2 refuses a numeric id (`identifiers.id must be a string value`, its contract).
 */
export function readPersonRef(raw: unknown, field: string, { stringIds = false } = {}): PersonRef {
  if (!isRecord(raw)) return refuse('required', field, `${field} must be an object with id, email or cio_id`);
  const given = (['id', 'email', 'cio_id'] as const).filter((k) => raw[k] !== undefined && raw[k] !== null);
  if (given.length !== 1)
    refuse(
      given.length === 0 ? 'required' : 'invalid',
      field,
      `${field} must hold exactly one of id, email or cio_id`,
    );
  const key = given[0]!;
  return readRefValue(key, raw[key], `${field}.${key}`, { stringIds });
}

/**
 * One identifier's value as a reference — an id (a string, or a number unless `stringIds`), one
 * email address, or a cio_id — held to limits.ts; `at` names it in a refusal.
 */
export function readRefValue(
  key: 'id' | 'email' | 'cio_id',
  value: unknown,
  at: string,
  { stringIds = false } = {},
): PersonRef {
  if (key === 'id' && !(stringIds && typeof value === 'number')) {
    orThrow(checkId(value, at));
    const id = String(value);
    if (id.trim().length === 0) refuse('required', at, `${at} cannot be an empty string`);
    return { id };
  }
  if (typeof value !== 'string') return refuse('invalid', at, `${at} must be a string value`);
  if (value.trim().length === 0) refuse('required', at, `${at} cannot be an empty string`);
  if (key === 'email') {
    orThrow(checkEmail(value, at));
    return { email: value };
  }
  if (bytes(value) > EMAIL_MAX_BYTES)
    refuse('too_long', at, `${at} cannot be longer than ${EMAIL_MAX_BYTES} bytes`);
  return { cio_id: value };
}
