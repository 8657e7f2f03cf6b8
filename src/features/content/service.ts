import { masksAttributes } from '../../access/masking.js';
import { can, explain } from '../../access/policy.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, forbidden, missing } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { changedFields, recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { keepCredentials, maskCredentials } from './credentials.js';
import type { KindDefinition } from './kinds.js';
import { withMessageIds } from './messages-schema.js';
import { checkReferences, type MissingReference, refuseIfUsed } from './references.js';
import type { ResourceRow } from './store.js';
import * as store from './store.js';

/**
 * The use cases every workspace resource shares — list, get, create, edit, delete (copy: copy.ts) —
 * written once for all kinds of kinds.ts. The route has already checked the kind's permission in the
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

export const nameOf = (kind: KindDefinition, body: Body): string =>
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
