import { isEmailAddress } from '../../shared/email-address.js';
import { DomainError } from '../../shared/errors.js';

/**
 * Customer.io's limits on what the Track API takes (their Track API reference and "Invalid API
 * Requests"), one set for v1 and v2 alike: per identify at most 300 attributes, names of at most
 * 150 bytes and values of at most 1000 bytes; event names of at most 100 bytes (a page view's name,
 * its URL, at most 1000) and event data of at most 100,000 bytes; a person's id (and an object's) of at most 150 bytes, an email of at most 300;
 * times in Unix seconds from 0 to the end of year 9999. Each check returns the refusal, naming the
 * field (dotted: `attributes.plan`, `identifiers.id`), or null; `refuse` throws it.
 */

export const MAX_ATTRIBUTES = 300;
export const ATTRIBUTE_NAME_MAX_BYTES = 150;
export const ATTRIBUTE_VALUE_MAX_BYTES = 1000;
export const EVENT_NAME_MAX_BYTES = 100;
/** A page view's name is its URL: held to an attribute value's limit rather than an event name's. */
export const PAGE_NAME_MAX_BYTES = 1000;
export const EVENT_DATA_MAX_BYTES = 100_000;
/** A person's id, and an object's own id. */
export const ID_MAX_BYTES = 150;
/** An email, or a cio_id naming a person. */
export const EMAIL_MAX_BYTES = 300;
/** A delivery's id, as v1's delivery routes take it (ours are dlv_… of 30 bytes). */
export const DELIVERY_ID_MAX_BYTES = 200;
/** A device's token. */
export const DEVICE_TOKEN_MAX_BYTES = 1000;
/** 9999-12-31T23:59:59Z: a later time (or one in milliseconds) is no Unix time in seconds. */
export const MAX_UNIX_SECONDS = 253_402_300_799;

export const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A value's size as stored: a string's own bytes, anything else its JSON text's. */
export const valueBytes = (value: unknown): number =>
  typeof value === 'string' ? bytes(value) : bytes(JSON.stringify(value) ?? '');

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a field was refused, as Customer.io reports one operation of a batch. */
export interface Refusal {
  reason: 'required' | 'invalid' | 'too_long' | 'too_many' | 'too_large' | 'unsupported';
  /** Where, dotted: `identifiers.id`, `attributes.plan`, `cio_relationships[0].identifiers`. */
  field: string;
  message: string;
}

/**
 * A refusal thrown: a 400 `invalid` on its own (v1 routes answer it as is, its path the field as a
 * JSON pointer), and v2's reader turns it back into its batch entry.
 */
export class RefusedError extends DomainError {
  constructor(readonly refusal: Refusal) {
    super('invalid', refusal.message, {
      errors: [{ path: pointerOf(refusal.field), message: refusal.message }],
    });
  }
}

/** `cio_relationships[0].identifiers` → `/cio_relationships/0/identifiers`. */
const pointerOf = (field: string): string =>
  field === ''
    ? ''
    : `/${field
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .join('/')}`;

/** A JSON pointer as a dotted field: `/cio_relationships/0/identifiers` → `cio_relationships[0].identifiers`. */
export const fieldOfPointer = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');

export function refuse(reason: Refusal['reason'], field: string, message: string): never {
  throw new RefusedError({ reason, field, message });
}

/** Throws the refusal, if any. */
export function orThrow(refusal: Refusal | null): void {
  if (refusal) throw new RefusedError(refusal);
}

/**
 * Attributes of an identify or a relationship: an object, within the attribute limits; with
 * `identify`, an `id` or `email` among them (a person's identifiers then) within theirs. `field`
 * names the object.
 */
export function checkAttributes(value: unknown, field: string, { identify = false } = {}): Refusal | null {
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
    const at = `${field}.${name}`;
    const own = !identify
      ? null
      : name === 'id'
        ? checkId(value[name], at)
        : name === 'email'
          ? checkEmail(value[name], at)
          : null;
    if (own) return own;
    if (valueBytes(value[name]) > ATTRIBUTE_VALUE_MAX_BYTES)
      return {
        reason: 'too_long',
        field: at,
        message: `value for attribute '${name}' cannot be longer than ${ATTRIBUTE_VALUE_MAX_BYTES} bytes`,
      };
  }
  return null;
}

const tooLong = (field: string, max: number): Refusal => ({
  reason: 'too_long',
  field,
  message: `${field} cannot be longer than ${max} bytes`,
});

/** A person's id (string or number; null clears it in an identify). */
export function checkId(value: unknown, field: string): Refusal | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number')
    return { reason: 'invalid', field, message: `${field} must be a string or a number` };
  // A number JSON cannot carry exactly (12345678901234567890 arrives as …67000) would name
  // someone else: such ids must come as text.
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    return {
      reason: 'invalid',
      field,
      message: `${field} as a number must be a whole number of at most ${Number.MAX_SAFE_INTEGER}; send larger ids as text`,
    };
  return bytes(String(value)) > ID_MAX_BYTES ? tooLong(field, ID_MAX_BYTES) : null;
}

/** An email (null clears it in an identify): one address (shared/email-address.ts), at most 300 bytes. */
export function checkEmail(value: unknown, field: string): Refusal | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string')
    return { reason: 'invalid', field, message: `${field} must be an email address` };
  if (bytes(value) > EMAIL_MAX_BYTES) return tooLong(field, EMAIL_MAX_BYTES);
  return isEmailAddress(value)
    ? null
    : { reason: 'invalid', field, message: `${field} must be one email address, like jo@example.com` };
}

/** An event's name: a page view's is its URL (1000 bytes), an event's or a screen's 100. */
export function checkEventName(name: unknown, field: string, type = 'event'): Refusal | null {
  const what = type === 'page' ? 'page URL' : type === 'screen' ? 'screen name' : 'event name';
  if (typeof name !== 'string') return { reason: 'invalid', field, message: `${what} must be a string` };
  if (name.trim().length === 0) return { reason: 'required', field, message: `${what} must not be blank` };
  const max = type === 'page' ? PAGE_NAME_MAX_BYTES : EVENT_NAME_MAX_BYTES;
  return bytes(name) > max
    ? { reason: 'too_long', field, message: `${what} cannot be longer than ${max} bytes` }
    : null;
}

export function checkEventData(data: unknown, field: string): Refusal | null {
  return valueBytes(data ?? {}) > EVENT_DATA_MAX_BYTES
    ? { reason: 'too_long', field, message: `event data cannot be longer than ${EVENT_DATA_MAX_BYTES} bytes` }
    : null;
}

/** A time in Unix seconds, 0 … 253402300799 (milliseconds, say, are refused rather than read as year 58,000). */
export function checkUnixSeconds(value: unknown, field: string): Refusal | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_UNIX_SECONDS)
    return {
      reason: 'invalid',
      field,
      message: `${field} must be a Unix timestamp in seconds, from 0 to ${MAX_UNIX_SECONDS}`,
    };
  return null;
}
