import type { DomainError } from '../../shared/errors.js';
import type { ReportedMetric } from '../messaging/delivery-metrics.js';
import type { PersonRow } from '../people/store.js';

/**
 * The Track API's operations, as every route (v1, v2 entity, v2 batch) hands them to one applier
 * (apply.ts), and as the revalidation queue keeps them: v1 and v2 requests are read into these,
 * validated, then applied in order or queued while the workspace revalidates its identifiers.
 */

/**
 * How an operation names a person: v1's identifier in the URL (`path`), read by the workspace's
 * identifier rules (people/identifier-rules.ts parseIdentifier: cio_<cio_id>, an email, or an id),
 * or one of v2's typed identifiers (`{id}`, `{email}`, `{cio_id}` without the prefix).
 */
export type PersonRef = { path: string } | { id: string } | { email: string } | { cio_id: string };

/** How an operation names an object: its type (Customer.io's `object_type_id`) and its own id. */
export interface ObjectRef {
  typeId: string;
  objectId: string;
}

export interface EventInput {
  name: string;
  /** `page` and `screen` are page and screen views; `event` is any other event. */
  type: 'event' | 'page' | 'screen';
  data: Record<string, unknown>;
  /** When it happened, in Unix seconds; the time it was received when absent. */
  timestamp?: number;
  /** The client's own id for the event (Customer.io's deduplication id). */
  id?: string;
}

export interface DeviceInput {
  token: string;
  platform: string;
  /** Unix seconds. */
  lastUsed?: number;
  attributes: Record<string, unknown>;
}

export interface PersonRelationship {
  object: ObjectRef;
  attributes: Record<string, unknown>;
}

export interface ObjectRelationship {
  person: PersonRef;
  attributes: Record<string, unknown>;
}

export type PersonOperation =
  | {
      type: 'person';
      action: 'identify';
      person: PersonRef;
      /** As v1's body: `email` and `id` set identifiers (null removes), the rest are attributes. */
      attributes: Record<string, unknown>;
      relationships?: PersonRelationship[];
    }
  | { type: 'person'; action: 'delete' | 'suppress' | 'unsuppress'; person: PersonRef }
  | { type: 'person'; action: 'event'; person: PersonRef; event: EventInput }
  | { type: 'person'; action: 'add_device'; person: PersonRef; device: DeviceInput }
  | { type: 'person'; action: 'delete_device'; person: PersonRef; token: string }
  | { type: 'person'; action: 'merge'; primary: PersonRef; secondary: PersonRef }
  /** A form submission (v1's forms/{id}/submit): an identify and its form_submitted event, all or nothing. */
  | {
      type: 'person';
      action: 'submit_form';
      person: PersonRef;
      attributes: Record<string, unknown>;
      event: EventInput;
    }
  | {
      type: 'person';
      action: 'add_relationships' | 'delete_relationships';
      person: PersonRef;
      relationships: PersonRelationship[];
    };

/** An event of someone not yet identified; moved to the person an identify names with the same `anonymous_id`. */
export interface AnonymousEventOperation {
  type: 'anonymous';
  action: 'event';
  anonymousId: string;
  event: EventInput;
}

/** v1's `segments/{id}/add_customers|remove_customers`: people named go into (or out of) a manual segment. */
export interface SegmentOperation {
  type: 'segment';
  action: 'add_people' | 'remove_people';
  segmentId: string;
  people: PersonRef[];
}

export type ObjectOperation =
  | {
      type: 'object';
      action: 'identify';
      object: ObjectRef;
      attributes: Record<string, unknown>;
      relationships?: ObjectRelationship[];
    }
  | { type: 'object'; action: 'delete'; object: ObjectRef }
  | {
      type: 'object';
      action: 'add_relationships' | 'delete_relationships';
      object: ObjectRef;
      relationships: ObjectRelationship[];
    };

/**
 * A delivery's metric reported by the client (v1's `/metrics` and `/push/events`), or an
 * unsubscribe through a delivery (`/unsubscribe/{delivery_id}`): sets the `unsubscribed`
 * attribute of the delivery's person and attributes it to the delivery.
 */
export type DeliveryOperation =
  | {
      type: 'delivery';
      action: 'metric';
      deliveryId: string;
      metric: ReportedMetric;
      /** When it happened, in Unix seconds; the time it was received when absent. */
      timestamp?: number;
      reason?: string;
      href?: string;
    }
  | { type: 'delivery'; action: 'unsubscribe'; deliveryId: string; unsubscribed: boolean };

export type TrackOperation =
  | PersonOperation
  | AnonymousEventOperation
  | SegmentOperation
  | ObjectOperation
  | DeliveryOperation;

/**
 * One operation's outcome: applied, queued while the workspace revalidates, or refused (and why).
 * An applied identify carries the person as written when asked (apply.ts ApplyOptions: v1 answers
 * it); none when the person is suppressed and the identify ignored.
 */
export type OperationOutcome = { applied: true; person?: PersonRow } | { queued: true } | DomainError;
