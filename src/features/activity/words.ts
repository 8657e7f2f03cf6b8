import { MASK } from '../../access/masking.js';
import { roleLabels } from '../../access/roles.js';

/**
 * Values of the activity log in words, for its sentences and its "Details" rows: no JSON, no ids
 * where a name is known, masked values as "Hidden".
 */

/** The names an entry points at by id, looked up for a page of entries (names.ts). */
export interface Names {
  workspace(id: string): string | null;
  member(id: string): string | null;
}

export type Data = Record<string, unknown> | null;

export interface Change {
  field: string;
  before: string | null;
  after: string | null;
}

export const HIDDEN = 'Hidden';

export const quoted = (name: string) => `‘${name}’`;
export const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);

/** "a", "a and b", "a, b and c". */
export function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

export const roleLabel = (key: unknown) =>
  typeof key === 'string' ? (roleLabels[key as keyof typeof roleLabels] ?? key) : 'no role';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sendModes: Record<string, string> = { normal: 'normal', test: 'test', never: 'never send' };
export const sendModeLabel = (v: unknown) => (typeof v === 'string' ? (sendModes[v] ?? v) : '—');

/** camelCase or snake_case to "Sentence case". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const fieldLabels: Record<string, string> = {
  id: 'ID',
  sendMode: 'Send mode',
  testRecipientMemberId: 'Test recipient',
  openTracking: 'Open tracking',
  senderAddress: 'Sender address',
  identifiers: 'Identifiers',
  allowEmailUpdateById: 'Email updates by ID',
  accountRole: 'Account role',
  requireTwoFactor: 'Two-factor required of everyone',
  trialEndsAt: 'Trial ends',
  customMaxWorkspaces: 'Workspaces allowed',
  customMaxMembers: 'Team members allowed',
};
export const labelOf = (key: string) => fieldLabels[key] ?? fieldLabel(key);

/** A value in words: "On"/"Off", names for ids, lists joined, nested records as "key: value". */
export function valueWords(key: string, value: unknown, names: Names, depth = 0): string | null {
  if (value === null || value === undefined) return null;
  if (value === MASK) return HIDDEN;
  if (key === 'sendMode') return sendModeLabel(value);
  if (key === 'role' || key === 'accountRole') return roleLabel(value);
  if ((key === 'testRecipientMemberId' || key === 'memberId') && typeof value === 'string')
    return names.member(value) ?? 'a former team member';
  if (key === 'workspaceId' && typeof value === 'string')
    return names.workspace(value) ?? 'a deleted workspace';
  if (key === 'identifiers' && isRecord(value)) {
    const on = ['email', 'id'].filter((k) => value[k] === true).map((k) => (k === 'id' ? 'ID' : k));
    return on.length > 0 ? list(on) : 'none';
  }
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (depth > 1) return '(changed)';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((v) => valueWords(key, v, names, depth + 1) ?? '—').join('; ');
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${labelOf(k)}: ${valueWords(k, v, names, depth + 1) ?? '—'}`)
      .join(', ');
  }
  return String(value);
}

/** One row per top-level field of before or after. */
export function genericChanges(before: Data, after: Data, names: Names): Change[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => ({
    field: labelOf(key),
    before: valueWords(key, before?.[key], names),
    after: valueWords(key, after?.[key], names),
  }));
}

/** A person's rows: email, ID, then one per attribute (masked ones as "Hidden"). */
export function personChanges(before: Data, after: Data, names: Names): Change[] {
  const rows = genericChanges(
    before && { email: before.email, id: before.id },
    after && { email: after.email, id: after.id },
    names,
  ).filter((r) => r.before !== r.after);
  const was = isRecord(before?.attributes) ? before.attributes : {};
  const now = isRecord(after?.attributes) ? after.attributes : {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const row = {
      field: key,
      before: valueWords(key, was[key], names),
      after: valueWords(key, now[key], names),
    };
    if (row.before !== row.after || !before || !after) rows.push(row);
  }
  return rows;
}

/** How a person is named in a sentence: their name, else email, else ID; never a hidden value. */
export function personName(record: Data): string | null {
  if (!record) return null;
  const attributes = isRecord(record.attributes) ? record.attributes : {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' && v !== MASK ? v.trim() : null);
  const first = text(attributes.first_name ?? attributes.firstName);
  const last = text(attributes.last_name ?? attributes.lastName);
  const full = [first, last].filter(Boolean).join(' ');
  return full || text(attributes.name) || text(record.email) || text(record.id);
}

/** A stored value read as a string (null if it is none) or a count (0 if it is none). */
export const str = (v: unknown) => (typeof v === 'string' ? v : null);
export const num = (v: unknown) => (typeof v === 'number' ? v : 0);
