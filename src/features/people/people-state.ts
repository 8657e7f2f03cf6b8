import type { PersonKey, PersonRow } from './store.js';
import { keyText } from './suppressions.js';
import type { FoldEmail, LockedPeople, PersonWrite } from './write-store.js';

/** What a write needs that is not the people's: the time, and a cio_id for each new person. */
export interface WriteContext {
  workspaceId: string;
  now: Date;
  newCioId: () => string;
}

/** Attributes changed: a value replaces, null removes. */
export function mergeAttributes(current: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const merged = { ...current, ...changes };
  for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
  return merged;
}

/**
 * The people a run of writes touches, as the writes leave them, found by cio_id, id or email
 * (emails compared as the database folds their case): each write sees the ones before it.
 */
export class People {
  private readonly byCio = new Map<string, PersonRow>();
  private readonly byId = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly created = new Set<string>();
  private readonly changed = new Set<string>();
  /** Merged cio_id → its survivor's. */
  private readonly absorbed = new Map<string, string>();
  readonly fold: FoldEmail;
  /** The suppressed ids and (folded) emails among those the writes name, as keyText gives them. */
  private readonly suppressed: ReadonlySet<string>;

  /** `suppressed`: the keys among those named that a suppression covers (suppressions.ts suppressedAmong). */
  constructor({ rows, fold }: LockedPeople, suppressed: ReadonlySet<string> = new Set()) {
    this.fold = fold;
    this.suppressed = new Set(
      [...suppressed].map((text) => (text.startsWith('email:') ? `email:${fold(text.slice(6))}` : text)),
    );
    for (const row of rows) this.index(row);
  }

  /** The first of these values a write would give that is suppressed: nobody may take it until unsuppressed. */
  suppressedAmong(given: {
    id?: string | null;
    email?: string | null;
  }): { field: 'id' | 'email'; value: string } | undefined {
    if (given.id && this.suppressed.has(keyText({ by: 'id', value: given.id })))
      return { field: 'id', value: given.id };
    if (given.email && this.suppressed.has(keyText({ by: 'email', value: this.fold(given.email) })))
      return { field: 'email', value: given.email };
    return undefined;
  }

  sameEmail(a: string | null, b: string | null): boolean {
    return a === null || b === null ? a === b : this.fold(a) === this.fold(b);
  }

  find(key: PersonKey): PersonRow | undefined {
    const cioId =
      key.by === 'cioId'
        ? key.value
        : key.by === 'id'
          ? this.byId.get(key.value)
          : this.byEmail.get(this.fold(key.value));
    return cioId === undefined ? undefined : this.byCio.get(cioId);
  }

  /** Everyone holding this email as the database folds it (people may share one where email is not an identifier). */
  sharing(folded: string): PersonRow[] {
    return [...this.byCio.values()].filter((p) => p.email !== null && this.fold(p.email) === folded);
  }

  /** Records a write's result; later writes see it. */
  put(before: PersonRow | null, after: PersonRow) {
    if (before) {
      this.unindex(before);
      if (!this.created.has(after.cioId)) this.changed.add(after.cioId);
    } else this.created.add(after.cioId);
    this.index(after);
  }

  /** `merged` goes into `survivor`: its events and memberships move, and it is deleted. */
  absorb(merged: PersonRow, survivor: PersonRow) {
    this.unindex(merged);
    this.byCio.delete(merged.cioId);
    this.changed.delete(merged.cioId);
    this.absorbed.set(merged.cioId, survivor.cioId);
  }

  /** What to write: the people merged away, then each new or changed person once, as the last write left them. */
  writes(): { absorbed: ReadonlyMap<string, string>; inserts: PersonWrite[]; updates: PersonWrite[] } {
    const write = (cioId: string): PersonWrite => {
      const p = this.byCio.get(cioId)!;
      return { cio_id: p.cioId, external_id: p.externalId, email: p.email, attributes: p.attributes };
    };
    return {
      absorbed: this.absorbed,
      inserts: [...this.created].map(write),
      updates: [...this.changed].map(write),
    };
  }

  private unindex(row: PersonRow) {
    if (row.externalId !== null && this.byId.get(row.externalId) === row.cioId)
      this.byId.delete(row.externalId);
    const email = row.email === null ? undefined : this.fold(row.email);
    if (email !== undefined && this.byEmail.get(email) === row.cioId) this.byEmail.delete(email);
  }

  private index(row: PersonRow) {
    this.byCio.set(row.cioId, row);
    if (row.externalId !== null) this.byId.set(row.externalId, row.cioId);
    if (row.email !== null) this.byEmail.set(this.fold(row.email), row.cioId);
  }
}

/** A new person, as a write creates them. */
export function newPerson(
  context: WriteContext,
  { id, email, attributes }: { id: string | null; email: string | null; attributes: Record<string, unknown> },
): PersonRow {
  return {
    workspaceId: context.workspaceId,
    cioId: context.newCioId(),
    email,
    externalId: id,
    attributes,
    createdAt: context.now,
    updatedAt: context.now,
  };
}
