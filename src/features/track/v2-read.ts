import { findUnstorable } from '../../http/storable-text.js';
import { DomainError } from '../../shared/errors.js';
import { pushMetrics } from '../messaging/delivery-metrics.js';
import { changeOf } from './identify.js';
import {
  bytes,
  checkAttributes,
  checkEventData,
  checkEventName,
  checkUnixSeconds,
  DELIVERY_ID_MAX_BYTES,
  DEVICE_TOKEN_MAX_BYTES,
  fieldOfPointer,
  ID_MAX_BYTES,
  isRecord,
  orThrow,
  RefusedError,
  refuse,
} from './limits.js';
import type {
  DeliveryOperation,
  DeviceInput,
  EventInput,
  ObjectRef,
  ObjectRelationship,
  PersonRelationship,
  TrackOperation,
} from './operations.js';
import { readPersonRef } from './person-ref.js';
import { OPERATION_MAX_BYTES, type V2Problem } from './v2-limits.js';

/**
 * Reads one Track API v2 operation — Customer.io's shapes, as their reference and real senders
 * (Segment's and RudderStack's Customer.io destinations) write them — into a TrackOperation, or
 * says what is wrong with it. Pure: whether an identifier is one in this workspace, or an object
 * type exists, is the applier's to say. Fields Customer.io takes that mean nothing here (an
 * object's `created_at` at the top, say) are ignored, as there.
 */
export type Read = { op: TrackOperation } | { problem: V2Problem };

/** v2 names people by string ids only (a number is refused, as the contract tests say). */
const v2Ids = { stringIds: true };

const personActions = [
  'identify',
  'delete',
  'event',
  'page',
  'screen',
  'add_device',
  'delete_device',
  'suppress',
  'unsuppress',
  'merge',
  'add_relationships',
  'delete_relationships',
] as const;
const objectActions = ['identify', 'delete', 'add_relationships', 'delete_relationships'] as const;

export function readOperation(raw: unknown): Read {
  try {
    return { op: read(raw) };
  } catch (error) {
    if (error instanceof RefusedError) return { problem: error.refusal };
    throw error;
  }
}

function read(raw: unknown): TrackOperation {
  if (!isRecord(raw)) return refuse('invalid', '', 'an operation must be an object');
  // The batch route leaves this to each operation (the app-wide check would refuse the batch).
  const unstorable = findUnstorable(raw, '');
  if (unstorable)
    refuse(
      'invalid',
      fieldOfPointer(unstorable.where),
      `${fieldOfPointer(unstorable.where)} ${unstorable.why}`,
    );
  if (bytes(JSON.stringify(raw)) > OPERATION_MAX_BYTES)
    refuse('too_large', '', `an operation cannot be larger than ${OPERATION_MAX_BYTES / 1024} KB`);
  const action = raw.action;
  if (raw.type === 'person') {
    if (!personActions.includes(action as never))
      refuse('invalid', 'action', `action must be one of ${personActions.join(', ')}`);
    return readPerson(raw, action as (typeof personActions)[number]);
  }
  if (raw.type === 'object') {
    if (action === 'identify_anonymous')
      refuse(
        'unsupported',
        'action',
        'identify_anonymous (relating an object to people not identified yet) is not taken here: send identify, with cio_relationships naming identified people',
      );
    if (!objectActions.includes(action as never))
      refuse('invalid', 'action', `action must be one of ${objectActions.join(', ')} for an object`);
    return readObject(raw, action as (typeof objectActions)[number]);
  }
  if (raw.type === 'delivery') return readDelivery(raw);
  return refuse('invalid', 'type', 'type must be "person", "object" or "delivery"');
}

/** The value, unless absent (`required`). */
function required(value: unknown, field: string): unknown {
  if (value === undefined || value === null) refuse('required', field, `${field} is required`);
  return value;
}

function text(value: unknown, field: string, max = ID_MAX_BYTES): string {
  if (typeof value !== 'string') return refuse('invalid', field, `${field} must be a string value`);
  if (value.trim().length === 0) refuse('required', field, `${field} cannot be an empty string`);
  if (bytes(value) > max) refuse('too_long', field, `${field} cannot be longer than ${max} bytes`);
  return value;
}

/** `{object_type_id, object_id}`; the type as a string or a number ("1" as Segment sends it). */
function objectRef(value: unknown, field: string): ObjectRef {
  if (!isRecord(value))
    return refuse('required', field, `${field} must be an object with object_type_id and object_id`);
  const type = typeof value.object_type_id === 'number' ? String(value.object_type_id) : value.object_type_id;
  return {
    typeId: text(type, `${field}.object_type_id`),
    objectId: text(value.object_id, `${field}.object_id`),
  };
}

function attributes(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  orThrow(checkAttributes(value, field));
  return value as Record<string, unknown>;
}

/** A person's identify attributes: `id` and `email` among them are identifiers, held to their rules. */
function identifyAttributes(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  orThrow(checkAttributes(value, 'attributes', { identify: true }));
  try {
    changeOf(value as Record<string, unknown>);
  } catch (error) {
    // changeOf's pointer is within the attributes ("/email"): named here as attributes.email.
    const path = error instanceof DomainError ? error.extra.errors?.[0]?.path : undefined;
    if (!path) throw error;
    refuse('invalid', `attributes${path.replace(/\//g, '.')}`, (error as DomainError).detail);
  }
  return value as Record<string, unknown>;
}

function relationships<T>(
  value: unknown,
  required: boolean,
  each: (identifiers: unknown, field: string) => T,
): { target: T; attributes: Record<string, unknown> }[] | undefined {
  const field = 'cio_relationships';
  if (value === undefined || value === null) {
    if (required) refuse('required', field, `${field} must list at least one relationship`);
    return undefined;
  }
  if (!Array.isArray(value)) return refuse('invalid', field, `${field} must be an array`);
  if (required && value.length === 0)
    refuse('required', field, `${field} must list at least one relationship`);
  return value.map((rel, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(rel)) return refuse('invalid', at, `${at} must be an object`);
    return {
      target: each(rel.identifiers, `${at}.identifiers`),
      attributes: attributes(rel.relationship_attributes, `${at}.relationship_attributes`),
    };
  });
}

const personRelationships = (value: unknown, required: boolean): PersonRelationship[] | undefined =>
  relationships(value, required, objectRef)?.map((r) => ({ object: r.target, attributes: r.attributes }));

const objectRelationships = (value: unknown, required: boolean): ObjectRelationship[] | undefined =>
  relationships(value, required, (ids, at) => readPersonRef(ids, at, v2Ids))?.map((r) => ({
    person: r.target,
    attributes: r.attributes,
  }));

/** Unix seconds, when given. */
function seconds(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  orThrow(checkUnixSeconds(value, field));
  return Math.floor(value as number);
}

function event(raw: Record<string, unknown>, type: EventInput['type']): EventInput {
  orThrow(checkEventName(raw.name, 'name', type));
  const name = raw.name as string;
  if (raw.attributes !== undefined && raw.attributes !== null && !isRecord(raw.attributes))
    refuse('invalid', 'attributes', 'event data must be a hash (send "attributes":{} instead)');
  const data = (raw.attributes ?? {}) as Record<string, unknown>;
  orThrow(checkEventData(data, 'attributes'));
  const input: EventInput = { name, type, data };
  const timestamp = seconds(raw.timestamp, 'timestamp');
  if (timestamp !== undefined) input.timestamp = timestamp;
  if (raw.id !== undefined && raw.id !== null) input.id = text(raw.id, 'id');
  return input;
}

function device(raw: Record<string, unknown>, full: boolean): DeviceInput | string {
  const value = raw.device;
  if (!isRecord(value)) return refuse('required', 'device', 'device must be an object with a token');
  const token = text(value.token, 'device.token', DEVICE_TOKEN_MAX_BYTES);
  if (!full) return token;
  const platform = text(value.platform, 'device.platform', 50);
  const input: DeviceInput = {
    token,
    platform,
    attributes: attributes(value.attributes, 'device.attributes'),
  };
  const lastUsed = seconds(value.last_used, 'device.last_used');
  if (lastUsed !== undefined) input.lastUsed = lastUsed;
  return input;
}

function readPerson(raw: Record<string, unknown>, action: (typeof personActions)[number]): TrackOperation {
  if (action === 'merge')
    return {
      type: 'person',
      action,
      primary: readPersonRef(raw.primary, 'primary', v2Ids),
      secondary: readPersonRef(raw.secondary, 'secondary', v2Ids),
    };
  // An event of someone not identified yet names them by anonymous_id alone.
  const ids = raw.identifiers;
  if ((action === 'event' || action === 'page' || action === 'screen') && isRecord(ids)) {
    if (ids.anonymous_id !== undefined && Object.keys(ids).length === 1)
      return {
        type: 'anonymous',
        action: 'event',
        anonymousId: text(ids.anonymous_id, 'identifiers.anonymous_id'),
        event: event(raw, action),
      };
  }
  const person = readPersonRef(ids, 'identifiers', v2Ids);
  switch (action) {
    case 'identify': {
      const op: TrackOperation = {
        type: 'person',
        action,
        person,
        attributes: identifyAttributes(raw.attributes),
      };
      const rels = personRelationships(raw.cio_relationships, false);
      if (rels) op.relationships = rels;
      return op;
    }
    case 'delete':
    case 'suppress':
    case 'unsuppress':
      return { type: 'person', action, person };
    case 'event':
    case 'page':
    case 'screen':
      return { type: 'person', action: 'event', person, event: event(raw, action) };
    case 'add_device':
      return { type: 'person', action, person, device: device(raw, true) as DeviceInput };
    case 'delete_device':
      return { type: 'person', action, person, token: device(raw, false) as string };
    case 'add_relationships':
    case 'delete_relationships':
      return {
        type: 'person',
        action,
        person,
        relationships: personRelationships(raw.cio_relationships, true)!,
      };
  }
}

function readObject(raw: Record<string, unknown>, action: (typeof objectActions)[number]): TrackOperation {
  const object = objectRef(raw.identifiers, 'identifiers');
  switch (action) {
    case 'identify': {
      const op: TrackOperation = {
        type: 'object',
        action,
        object,
        attributes: attributes(raw.attributes, 'attributes'),
      };
      const rels = objectRelationships(raw.cio_relationships, false);
      if (rels) op.relationships = rels;
      return op;
    }
    case 'delete':
      return { type: 'object', action, object };
    case 'add_relationships':
    case 'delete_relationships':
      return {
        type: 'object',
        action,
        object,
        relationships: objectRelationships(raw.cio_relationships, true)!,
      };
  }
}

/**
 * A metric of a delivery that does not report itself (push, in-app), as Customer.io's reference
 * writes it (`delivery_operations`): `{type: "delivery", action: "event", identifiers: {id},
 * name: opened | converted | delivered, attributes: {device_token}}`, read into the delivery
 * operation v1's push/events makes. Its `timestamp` (not in that schema; v1's push/events and v2's
 * person events have one) is taken as theirs. The device token is required, as there, and not
 * kept, as v1's device_id; whether the delivery is one of this workspace's is the applier's to say.
 */
function readDelivery(raw: Record<string, unknown>): TrackOperation {
  if (raw.action === undefined || raw.action === null)
    refuse('required', 'action', 'action is required: "event" for a delivery');
  if (raw.action !== 'event')
    refuse('unsupported', 'action', 'a delivery takes one action, "event" (a metric of the delivery)');
  const ids = required(raw.identifiers, 'identifiers');
  if (!isRecord(ids))
    return refuse('invalid', 'identifiers', 'identifiers must be an object with the delivery’s id');
  const deliveryId = text(required(ids.id, 'identifiers.id'), 'identifiers.id', DELIVERY_ID_MAX_BYTES);
  const names: readonly unknown[] = pushMetrics;
  if (!names.includes(raw.name))
    refuse(
      raw.name === undefined || raw.name === null ? 'required' : 'invalid',
      'name',
      `name must be one of ${pushMetrics.join(', ')}`,
    );
  const about = required(raw.attributes, 'attributes');
  if (!isRecord(about))
    return refuse('invalid', 'attributes', 'attributes must be an object with the device_token');
  const token = required(about.device_token, 'attributes.device_token');
  text(token, 'attributes.device_token', DEVICE_TOKEN_MAX_BYTES);
  const op: Extract<DeliveryOperation, { action: 'metric' }> = {
    type: 'delivery',
    action: 'metric',
    deliveryId,
    metric: raw.name as (typeof pushMetrics)[number],
  };
  const timestamp = seconds(raw.timestamp, 'timestamp');
  if (timestamp !== undefined) op.timestamp = timestamp;
  return op;
}
