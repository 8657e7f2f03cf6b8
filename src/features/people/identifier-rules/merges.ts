import { DomainError } from '../../../shared/errors.js';
import type { PersonKey, PersonRow } from '../store.js';
import type { Rule } from './rule.js';

// The merge rules: people who share an email (revalidation), and two people the Track API names.

// ---- merges of people who share an email ------------------------------------------------------------

/** People sharing an email (as the database folds it), and the ids whose keys the merge holds. */
export interface MergeGroup {
  email: string;
  ids: string[];
}

export interface Merged {
  survivor: PersonRow;
  merged: PersonRow[];
}

/**
 * Merges the people sharing the group's email, as enabling email as an identifier requires: the
 * oldest survives; attributes are merged with the newest value winning; the survivor keeps its id
 * or takes the newest of the others' (one the group's keys hold: else the group waits for a later
 * pass, undefined, as when fewer than two share the email now).
 */
export const merge: Rule<MergeGroup, Merged | undefined> = (people, context, { email, ids }) => {
  const rows = people
    .sharing(email)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.cioId < b.cioId ? -1 : 1));
  if (rows.length < 2) return undefined;
  const survivor = rows[0]!;
  const newestFirst = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const attributes = Object.assign({}, ...[...newestFirst].reverse().map((r) => r.attributes));
  const movedId =
    survivor.externalId === null ? (newestFirst.find((r) => r.externalId)?.externalId ?? null) : null;
  if (movedId !== null && !ids.includes(movedId)) return undefined;
  const merged = rows.slice(1);
  for (const other of merged) people.absorb(other, survivor);
  const after = {
    ...survivor,
    externalId: survivor.externalId ?? movedId,
    attributes,
    updatedAt: context.now,
  };
  people.put(survivor, after);
  return { survivor: after, merged };
};

// ---- merge_customers: the Track API's merge of two people it names -----------------------------------

/** A merge the Track API asks for: the primary survives, the secondary goes into it. */
export interface MergePair {
  primary: PersonKey;
  secondary: PersonKey;
}

/** Refused: a person named does not exist. */
const nobody = (key: PersonKey, role: 'primary' | 'secondary') =>
  new DomainError(
    'not_found',
    `No person has ${key.by === 'cioId' ? 'cio_id' : key.by} ${key.value} (the ${role}).`,
    {
      errors: [{ path: `/${role}`, message: 'names nobody in this workspace' }],
    },
  );

/** What Customer.io counts as not set on the primary. */
const unset = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Customer.io's merge: both people must exist and be two; the secondary's attributes fill those
 * not set, or empty, on the primary; the primary takes the secondary's email and id when it has
 * none; the secondary is absorbed (its events, relationships, memberships and devices move, and it
 * is deleted). Refusals: a person named who does not exist (404), the same person twice (400).
 */
export const mergePair: Rule<MergePair, Merged | DomainError> = (people, context, { primary, secondary }) => {
  const survivor = people.find(primary);
  if (!survivor) return nobody(primary, 'primary');
  const other = people.find(secondary);
  if (!other) return nobody(secondary, 'secondary');
  if (survivor.cioId === other.cioId)
    return new DomainError('invalid', 'The primary and the secondary are the same person.', {
      errors: [{ path: '/secondary', message: 'names the same person as the primary' }],
    });
  const attributes = { ...survivor.attributes };
  for (const [name, value] of Object.entries(other.attributes))
    if (unset(attributes[name])) attributes[name] = value;
  people.absorb(other, survivor);
  const after: PersonRow = {
    ...survivor,
    email: survivor.email ?? other.email,
    externalId: survivor.externalId ?? other.externalId,
    attributes,
    updatedAt: context.now,
  };
  people.put(survivor, after);
  return { survivor: after, merged: [other] };
};
