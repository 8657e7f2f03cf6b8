/**
 * The Track API v2's limits, as Customer.io documents them (their Track API reference and "Invalid
 * API Requests"): a batch request smaller than 500 KB, an entity request and each operation of a
 * batch at most 32 KB; per identify at most 300 attributes, names of at most 150 bytes and values
 * of at most 1000 bytes; event names of at most 100 bytes and event data of at most 100,000 bytes.
 * Messages use Customer.io's own words where they have some, so a client's log reads the same.
 */

export const BATCH_MAX_BYTES = 500 * 1024 - 1;
export const OPERATION_MAX_BYTES = 32 * 1024;
export const MAX_ATTRIBUTES = 300;
export const ATTRIBUTE_NAME_MAX_BYTES = 150;
export const ATTRIBUTE_VALUE_MAX_BYTES = 1000;
export const EVENT_NAME_MAX_BYTES = 100;
/** A page view's name is its URL: held to an attribute value's limit rather than an event name's. */
export const PAGE_NAME_MAX_BYTES = 1000;
export const EVENT_DATA_MAX_BYTES = 100_000;
/** A person's id, and an object's own id, are limited to 150 bytes. */
export const IDENTIFIER_MAX_BYTES = 150;
/** An email or cio_id naming a person: as long as v1 takes one in its path. */
export const PERSON_KEY_MAX_BYTES = 300;

export const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A value's size as stored: a string's own bytes, anything else its JSON text's. */
export const valueBytes = (value: unknown): number =>
  typeof value === 'string' ? bytes(value) : bytes(JSON.stringify(value) ?? '');

/** Why a field was refused, as Customer.io reports one operation of a batch. */
export interface V2Problem {
  reason: 'required' | 'invalid' | 'too_long' | 'too_many' | 'too_large' | 'unsupported';
  /** Where, dotted: `identifiers.id`, `attributes.plan`, `cio_relationships[0].identifiers`. */
  field: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Attributes of an identify or a relationship: an object, within the attribute limits. `field`
 * names the object in messages.
 */
export function attributesProblem(value: unknown, field: string): V2Problem | null {
  if (!isRecord(value)) return { reason: 'invalid', field, message: `${field} must be an object` };
  const names = Object.keys(value);
  if (names.length > MAX_ATTRIBUTES)
    return {
      reason: 'too_many',
      field,
      message: `cannot identify more than ${MAX_ATTRIBUTES} attributes in one request`,
    };
  for (const name of names) {
    if (name.length === 0) return { reason: 'invalid', field, message: 'attribute name cannot be empty' };
    if (bytes(name) > ATTRIBUTE_NAME_MAX_BYTES)
      return {
        reason: 'too_long',
        field: `${field}.${name.slice(0, 40)}`,
        message: `attribute name cannot be longer than ${ATTRIBUTE_NAME_MAX_BYTES} bytes`,
      };
    if (valueBytes(value[name]) > ATTRIBUTE_VALUE_MAX_BYTES)
      return {
        reason: 'too_long',
        field: `${field}.${name}`,
        message: `value for attribute '${name}' cannot be longer than ${ATTRIBUTE_VALUE_MAX_BYTES} bytes`,
      };
  }
  return null;
}

export { isRecord };
