import type { WorkspaceGrant } from './subject.js';

/**
 * Hide attributes (product.md §2): a masked member sees no attribute value of people, objects or
 * events that could hold PII — every value is replaced by MASK — except what the system generates
 * itself. Masking is applied where records are read, in one place, not left to each route.
 */
export const MASK = '••••••';

/** Fields the system generates; they hold no one's personal data and stay visible. */
export const systemFields = new Set(['cioId', 'createdAt', 'updatedAt']);

export function masksAttributes(grant: Pick<WorkspaceGrant, 'hideAttributes'> | undefined): boolean {
  return grant?.hideAttributes === true;
}

/** Replaces every value of a record but the system fields; attribute values are masked whole. */
export function maskRecord<T extends Record<string, unknown>>(record: T): T {
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (systemFields.has(key)) masked[key] = value;
    else if (key === 'attributes' && value && typeof value === 'object')
      masked[key] = maskValues(value as Record<string, unknown>);
    else masked[key] = value === null || value === undefined ? value : MASK;
  }
  return masked as T;
}

function maskValues(values: Record<string, unknown>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? null : MASK]));
}

/**
 * Why a masked member may not filter or sort on these fields and attributes, or null when they may:
 * a filter on a hidden value leaks it one bit at a time ("is the email like a%?"). `attributes` are
 * names of people's attributes, every one hidden: an attribute a sender calls "createdAt" is theirs.
 */
export function attributeQueryRefusal(
  grant: Pick<WorkspaceGrant, 'hideAttributes'> | undefined,
  fields: readonly string[],
  attributes: readonly string[] = [],
): string | null {
  if (!masksAttributes(grant)) return null;
  const hidden = [...fields.filter((f) => !systemFields.has(f)), ...attributes];
  return hidden.length === 0
    ? null
    : `Attribute values are hidden from you, so you cannot filter or sort on ${hidden.join(', ')}`;
}

/**
 * Masks only these fields of a record, for records whose other fields are the system's own (a
 * device's platform and times): an `attributes` object value by value, any other field whole.
 */
export function maskFields<T extends Record<string, unknown>>(record: T, fields: readonly (keyof T)[]): T {
  const masked: Record<string, unknown> = { ...record };
  for (const field of fields) {
    const value = record[field];
    masked[field as string] =
      field === 'attributes' && value && typeof value === 'object'
        ? maskValues(value as Record<string, unknown>)
        : value === null || value === undefined
          ? value
          : MASK;
  }
  return masked as T;
}

/**
 * What a masked member sees of an event: its kind, time and the names of its data, not the values
 * (event data holds what the sender chose: emails, order totals). A page view's name is its URL,
 * which can carry PII in its path or query, so it is masked too; event and screen names are what
 * the sender calls them ("purchased", "Checkout") and stay.
 */
export function maskEvent<T extends { type: string; name: string; data: Record<string, unknown> }>(
  event: T,
): T {
  return { ...event, name: event.type === 'page' ? MASK : event.name, data: maskValues(event.data) };
}

/**
 * A sentence the system wrote about someone's value (a delivery's failure: `"ada@x" is not one
 * email address`, an SMTP server's refusal naming the recipient) with each of those values masked
 * where it appears, as written or as JSON quoted it; the rest of the sentence stays readable.
 */
export function maskWithin(text: string, values: readonly (string | null)[]): string {
  let masked = text;
  for (const value of values) {
    if (!value) continue;
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1)]))
      masked = masked.replaceAll(form, MASK);
  }
  return masked;
}
