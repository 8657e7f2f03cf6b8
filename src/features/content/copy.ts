import { masksAttributes } from '../../access/masking.js';
import { can, explain } from '../../access/policy.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { forbidden, notFound } from '../../shared/errors.js';
import type { Actor } from '../auth/actor.js';
import { type KindDefinition, kinds } from './kinds.js';
import { withoutMessageIds } from './messages-schema.js';
import { type MissingReference, referencesOf } from './references.js';
import { createItem, findItem, nameOf } from './service.js';
import type { ResourceRow } from './store.js';
import * as store from './store.js';

type Body = Record<string, unknown>;

/**
 * Copies an item into another workspace where the caller may create that kind. References are
 * matched by name in the target (the same layout, segment or snippet there); those with no match
 * are cleared and listed in `missingReferences`, never dropped without a word.
 */
export async function copyItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  kind: KindDefinition,
  id: string,
  targetWorkspaceId: string,
): Promise<{ row: ResourceRow; missingReferences: MissingReference[] }> {
  if (!actor.subject.workspaces.has(targetWorkspaceId)) throw notFound('Target workspace');
  // A copy carries the values the caller may not see here into a workspace where they might.
  if (kind.masked && masksAttributes(actor.subject.workspaces.get(workspaceId)))
    throw forbidden(
      kind.permissions.view,
      `Attribute values of this ${kind.label.toLowerCase()} are hidden from you, so you cannot copy it`,
    );
  const permission = kind.permissions.create;
  if (!can(actor.subject, permission, targetWorkspaceId))
    throw forbidden(permission, explain(actor.subject, permission, targetWorkspaceId).reason);
  return ctx.db.transaction(async (tx) => {
    const source = await findItem(tx, workspaceId, kind, id);
    const refs = referencesOf(kind, source.body);
    const sourceItems = new Map(
      (
        await store.findByIds(
          tx,
          workspaceId,
          refs.filter((r) => r.by === 'id').map((r) => r.value),
        )
      ).map((r) => [r.id, r]),
    );
    // In the target, each referenced kind's items with the wanted names.
    const targetByName = new Map<string, string>();
    for (const name of new Set(refs.map((r) => r.kind))) {
      const wanted = refs
        .filter((r) => r.kind === name)
        .map((r) => (r.by === 'name' ? r.value : sourceItems.get(r.value)?.name))
        .filter((n): n is string => n !== undefined);
      for (const row of await store.findByNames(tx, targetWorkspaceId, kinds[name].kind, wanted))
        targetByName.set(`${name}\u0000${row.name}`, row.id);
    }
    const missingReferences: MissingReference[] = [];
    const body = kind.references
      ? (kind.references(source.body as never, (ref) => {
          const name = ref.by === 'name' ? ref.value : (sourceItems.get(ref.value)?.name ?? null);
          const found = name === null ? undefined : targetByName.get(`${ref.kind}\u0000${name}`);
          if (found === undefined) missingReferences.push({ ...ref, name });
          // A name stays in the text; an id must be the target's own or nothing.
          return ref.by === 'name' ? ref.value : (found ?? null);
        }) as Body)
      : source.body;
    const name = await freeName(tx, targetWorkspaceId, kind, nameOf(kind, body));
    const fresh = kind.copied ? (kind.copied(body as never) as Body) : body;
    const row = await createItem(
      ctx,
      actor,
      targetWorkspaceId,
      kind,
      { ...withoutMessageIds(fresh), name },
      { tx, copy: { from: { workspaceId, id }, missingReferences } },
    );
    return { row, missingReferences };
  });
}

/** As long as a name may be (kinds.ts). */
const MAX_NAME = 200;

/** The name itself when free in the target, else "name (copy)", "name (copy 2)" … */
async function freeName(tx: Db, workspaceId: string, kind: KindDefinition, name: string): Promise<string> {
  const taken = await store.namesLike(tx, workspaceId, kind.kind, name);
  if (!taken.has(name) || kind.renameOnCopy === false) return name;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = name.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
