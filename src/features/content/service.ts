import { masksAttributes } from '../../access/masking.js';
import { can, explain } from '../../access/policy.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, type FieldError, forbidden, missing, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { changedFields, recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { keepCredentials, maskCredentials } from './credentials.js';
import { type KindDefinition, kindByStoredName, kinds, type Reference } from './kinds.js';
import { withMessageIds, withoutMessageIds } from './messages-schema.js';
import type { ResourceRow } from './store.js';
import * as store from './store.js';

/**
 * The use cases every workspace resource shares — list, get, create, edit, delete, copy — written
 * once for all kinds of kinds.ts. The route has already checked the kind's permission in the
 * workspace; what depends on the body (references, extra rules) is checked here.
 */

type Body = Record<string, unknown>;

export interface Item {
  [field: PropertyKey]: unknown;
  id: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const nameOf = (kind: KindDefinition, body: Body): string =>
  kind.nameOf ? kind.nameOf(body as never) : String(body.name);

/**
 * What a member sees of an item: its credentials masked, for everyone; with hidden attributes, the
 * kind's masked view.
 */
export function viewFor(actor: Actor, workspaceId: string, kind: KindDefinition) {
  const masked = kind.masked && masksAttributes(actor.subject.workspaces.get(workspaceId));
  return (row: ResourceRow): Item => {
    const readable = maskCredentials(kind, row.body);
    const body = masked ? (kind.masked!(readable as never) as Body) : readable;
    return {
      id: row.id,
      ...body,
      createdBy: row.createdByName,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  };
}

export interface ListQuery {
  limit?: number;
  cursor?: string;
  [filter: string]: unknown;
}

export async function listItems(
  ctx: AppContext,
  workspaceId: string,
  kind: KindDefinition,
  q: ListQuery,
  fields?: Readonly<Record<string, string>>,
) {
  const limit = q.limit ?? 50;
  const rows = await store.listResources(ctx.db, workspaceId, kind.kind, {
    after: cursors.id(kind.prefix).read(q.cursor),
    limit: limit + 1,
    fields,
  });
  return pageOf(rows, limit, (r) => r.id);
}

export async function findItem(
  tx: Db,
  workspaceId: string,
  kind: KindDefinition,
  id: string,
  lock?: store.ResourceLock,
) {
  return (await store.findResource(tx, workspaceId, kind.kind, id, { lock })) ?? missing(kind.label);
}

/** Refuses, naming the rule, a change that needs a permission beyond the route's. */
function requireExtra(
  actor: Actor,
  workspaceId: string,
  kind: KindDefinition,
  before: Body | null,
  after: Body,
) {
  for (const permission of kind.extraPermissions?.(before as never, after as never) ?? []) {
    if (!can(actor.subject, permission, workspaceId))
      throw forbidden(permission, explain(actor.subject, permission, workspaceId).reason);
  }
}

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
async function checkReferences(
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

/** Inserts or updates, turning a taken name into 409. */
async function nameTaken<T>(kind: KindDefinition, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'resources_name_key'))
      throw new DomainError(
        'name_taken',
        `A ${kind.label.toLowerCase()} named "${name}" already exists here`,
      );
    throw error;
  }
}

/**
 * Activity entries keep small values whole and say only that a large one changed; credentials
 * masked, as every read shows them.
 */
function summary(kind: KindDefinition, body: Body): Body {
  return Object.fromEntries(
    Object.entries(maskCredentials(kind, body)).map(([k, v]) => [
      k,
      JSON.stringify(v ?? null).length > 500 ? '(changed)' : v,
    ]),
  );
}

export async function createItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  kind: KindDefinition,
  input: Body,
  options: {
    /** The caller's transaction, when the item is part of a larger change. */
    tx?: Db;
    /** A copy is logged as copied from its source. */
    copy?: { from: Body; missingReferences: MissingReference[] };
  } = {},
): Promise<ResourceRow> {
  const { tx, copy } = options;
  const body = keepCredentials(kind, null, withMessageIds(input, null));
  requireExtra(actor, workspaceId, kind, null, body);
  const run = async (t: Db) => {
    await checkReferences(t, workspaceId, kind, body);
    const now = ctx.clock.now();
    const name = nameOf(kind, body);
    const row = await nameTaken(kind, name, () =>
      store.insertResource(t, {
        workspaceId,
        id: newId(kind.prefix),
        kind: kind.kind,
        name,
        body,
        // A support caller is no member (src/features/support): named, with no member id.
        createdByMemberId: actor.support ? null : actor.member.id,
        createdByName: actorName(actor),
        createdAt: now,
        updatedAt: now,
      }),
    );
    await kind.afterCreate?.(t, workspaceId, row);
    await recordActivity(t, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: `${kind.kind}.${copy ? 'copied' : 'created'}`,
      target: { type: kind.kind, id: row.id, name },
      before: copy?.from ?? null,
      after: copy
        ? { missingReferences: copy.missingReferences.map((r) => `${r.path}: ${r.name ?? r.value}`) }
        : summary(kind, body),
    });
    return row;
  };
  return tx ? run(tx) : ctx.db.transaction(run);
}

export async function updateItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  kind: KindDefinition,
  id: string,
  changes: Body,
): Promise<ResourceRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await findItem(tx, workspaceId, kind, id, 'edit');
    const body = keepCredentials(
      kind,
      before.body,
      withMessageIds({ ...before.body, ...changes }, before.body),
    );
    requireExtra(actor, workspaceId, kind, before.body, body);
    await checkReferences(tx, workspaceId, kind, body, before.body);
    const name = nameOf(kind, body);
    const row = await nameTaken(kind, name, () =>
      store.updateResource(tx, workspaceId, id, { name, body, updatedAt: ctx.clock.now() }),
    );
    const diff = changedFields(before.body, body);
    if (diff)
      await recordActivity(tx, ctx.clock, {
        accountId: actor.subject.accountId,
        workspaceId,
        author: actor,
        action: `${kind.kind}.updated`,
        target: { type: kind.kind, id, name },
        before: summary(kind, diff.before),
        after: summary(kind, diff.after),
      });
    return row;
  });
}

export async function deleteItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  kind: KindDefinition,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findItem(tx, workspaceId, kind, id, 'delete');
    // What hangs off the item goes with it (a segment's Ad Audiences); what must not, refuses.
    const dependants = (await kind.beforeDelete?.(tx, workspaceId, row)) ?? [];
    await refuseIfUsed(tx, workspaceId, kind, row, new Set(dependants));
    await store.deleteResources(tx, workspaceId, [...dependants, id]);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      workspaceId,
      author: actor,
      action: `${kind.kind}.deleted`,
      target: { type: kind.kind, id, name: row.name },
      before: summary(kind, row.body),
    });
  });
}

/** An item that others name by id (a layout, a segment, a webhook) stays while they do: 409 naming them. */
async function refuseIfUsed(
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

// ---- copy to another workspace ---------------------------------------------------------------------

export interface MissingReference extends Reference {
  /** The referenced item's name in the source workspace, when it is known there. */
  name: string | null;
}

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
