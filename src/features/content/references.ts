import type { Db } from '../../db/connection.js';
import { DomainError, type FieldError } from '../../shared/errors.js';
import { type KindDefinition, kindByStoredName, kinds, type Reference } from './kinds.js';
import type { ResourceRow } from './store.js';
import * as store from './store.js';

/**
 * The references between items (a message's layout, a segment's segments…): read from a body,
 * checked on a write, and holding a referenced item back from deletion.
 */

type Body = Record<string, unknown>;

/** Every reference of a body, in order. */
export function referencesOf(kind: KindDefinition, body: Body): Reference[] {
  const refs: Reference[] = [];
  kind.references?.(body as never, (ref) => {
    refs.push(ref);
    return ref.value;
  });
  return refs;
}

/**
 * The body's id references must name items of this workspace (400 naming each that does not). On
 * an edit, only those it adds: one to an item deleted since stays until it is changed.
 */
export async function checkReferences(
  tx: Db,
  workspaceId: string,
  kind: KindDefinition,
  body: Body,
  before: Body | null = null,
): Promise<void> {
  const kept = new Set(before ? referencesOf(kind, before).map((r) => `${r.kind}:${r.value}`) : []);
  const refs = referencesOf(kind, body).filter((r) => r.by === 'id' && !kept.has(`${r.kind}:${r.value}`));
  const errors: FieldError[] = [];
  for (const name of new Set(refs.map((r) => r.kind))) {
    const target = kinds[name];
    const wanted = refs.filter((r) => r.kind === name);
    const found = await store.existingIds(
      tx,
      workspaceId,
      target.kind,
      wanted.map((r) => r.value),
    );
    for (const r of wanted)
      if (!found.has(r.value))
        errors.push({
          path: r.path,
          message: `no ${target.label.toLowerCase()} ${r.value} in this workspace`,
        });
  }
  if (errors.length > 0)
    throw new DomainError('invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  const problem = kind.validate?.(body as never);
  if (problem) throw new DomainError('invalid', `${problem.path}: ${problem.message}`, { errors: [problem] });
}

/** An item that others name by id (a layout, a segment, a webhook) stays while they do: 409 naming them. */
export async function refuseIfUsed(
  tx: Db,
  workspaceId: string,
  kind: KindDefinition,
  row: ResourceRow,
  going: Set<string>,
) {
  const users = (await store.mentioning(tx, workspaceId, row.id, 50)).filter((other) => {
    const otherKind = kindByStoredName.get(other.kind);
    return (
      !going.has(other.id) &&
      otherKind !== undefined &&
      referencesOf(otherKind, other.body).some((r) => r.by === 'id' && r.value === row.id)
    );
  });
  if (users.length === 0) return;
  const named = users
    .slice(0, 3)
    .map((u) => `${kindByStoredName.get(u.kind)!.label.toLowerCase()} "${u.name}"`);
  throw new DomainError(
    'conflict',
    `The ${kind.label.toLowerCase()} "${row.name}" is used by ${named.join(', ')}${users.length > 3 ? ' and others' : ''}; change them first`,
    { usedBy: users.map((u) => ({ kind: u.kind, id: u.id, name: u.name })) },
  );
}

export interface MissingReference extends Reference {
  /** The referenced item's name in the source workspace, when it is known there. */
  name: string | null;
}
