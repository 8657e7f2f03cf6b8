import type { Answer } from '../../lib/api';

/** A person as the API answers one (GET …/people/{cioId}), with their devices. */
export type PersonDetail = Answer<'/api/workspaces/{workspaceId}/people/{cioId}', 'get'>;

/** A person as lists and edits answer them: without devices. */
export type Person = Omit<PersonDetail, 'devices'>;

/** A person's push device, added by the Track API. */
export type Device = PersonDetail['devices'][number];

/** What the API shows instead of a value hidden from this member (hide attributes). */
export const MASKED = '••••••';

export const isHidden = (value: unknown) => value === MASKED;

/** A value as a list shows it: a dash when absent, "Hidden" when hidden from this member. */
export const shownValue = (value: string | null) =>
  value === null ? '—' : isHidden(value) ? 'Hidden' : value;

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' && !isHidden(v) ? v.trim() : null);

/** A person's name from their first/last name attributes (or `name`), when they have one. */
export function nameOf(person: Pick<Person, 'attributes'>): string | null {
  const a = person.attributes;
  const full = [text(a.first_name ?? a.firstName), text(a.last_name ?? a.lastName)].filter(Boolean).join(' ');
  return full || text(a.name);
}

/** How the console names a person: their name, else email, else ID. */
export function labelOf(person: Pick<Person, 'attributes' | 'email' | 'id'>): string {
  const readable = nameOf(person) ?? text(person.email) ?? text(person.id);
  if (readable) return readable;
  const hidden = isHidden(person.email) || Object.values(person.attributes).some(isHidden);
  return hidden ? 'Hidden' : 'Unnamed person';
}

/**
 * What tells a person apart in a list, beneath their label: their ID (unless the label is it) and
 * cio_id, e.g. "ID 44 · cio_id 01h…". Hidden IDs are left out.
 */
export function identifiersOf(person: Pick<Person, 'attributes' | 'email' | 'id' | 'cioId'>): string {
  const id = text(person.id);
  const shownId = id && id !== labelOf(person) ? `ID ${id}` : null;
  return [shownId, `cio_id ${person.cioId}`].filter(Boolean).join(' · ');
}

/** An attribute's value in words: text as is, Yes/No, lists and records spelled out. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join(', ');
  return String(value);
}
