import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { assetBlobs, relationships, resources } from '../../db/schema.js';

/** The SQL of the workspace resources: one table for every kind (see kinds.ts). */

export type ResourceRow = typeof resources.$inferSelect;

const ofKind = (workspaceId: string, kind: string) =>
  and(eq(resources.workspaceId, workspaceId), eq(resources.kind, kind));

export async function listResources(
  tx: Db,
  workspaceId: string,
  kind: string,
  /** `fields`: body fields that must equal these values (text). */
  q: { after?: string; limit: number; fields?: Readonly<Record<string, string>> },
): Promise<ResourceRow[]> {
  const fields = Object.entries(q.fields ?? {}).map(([f, v]) => sql`${resources.body} ->> ${f} = ${v}`);
  return tx
    .select()
    .from(resources)
    .where(and(ofKind(workspaceId, kind), q.after ? gt(resources.id, q.after) : undefined, ...fields))
    .orderBy(asc(resources.id))
    .limit(q.limit);
}

/**
 * Why an item is locked until the transaction ends. An edit does not lock the key, so rows that
 * reference the item (a segment's members, an object's relationships) can still be added
 * meanwhile: a merge of people adding its survivor's would otherwise wait for a segment import,
 * while the import's own insert waited for the merge's.
 */
export type ResourceLock = 'edit' | 'delete';
const lockStrength = { edit: 'no key update', delete: 'update' } as const;

export async function findResource(
  tx: Db,
  workspaceId: string,
  kind: string,
  id: string,
  options: { lock?: ResourceLock } = {},
): Promise<ResourceRow | undefined> {
  const query = tx
    .select()
    .from(resources)
    .where(and(ofKind(workspaceId, kind), eq(resources.id, id)));
  const [row] = await (options.lock ? query.for(lockStrength[options.lock]) : query);
  return row;
}

/** Which of these ids of a kind exist in the workspace. */
export async function existingIds(
  tx: Db,
  workspaceId: string,
  kind: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(and(ofKind(workspaceId, kind), inArray(resources.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** Items of a kind by name, for finding the same item in another workspace. */
export async function findByNames(
  tx: Db,
  workspaceId: string,
  kind: string,
  names: readonly string[],
): Promise<ResourceRow[]> {
  if (names.length === 0) return [];
  return tx
    .select()
    .from(resources)
    .where(and(ofKind(workspaceId, kind), inArray(resources.name, [...names])));
}

export async function findByIds(tx: Db, workspaceId: string, ids: readonly string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(resources)
    .where(and(eq(resources.workspaceId, workspaceId), inArray(resources.id, [...ids])));
}

/** Names of a kind that start with this one, to find a free "Name (copy n)". */
export async function namesLike(
  tx: Db,
  workspaceId: string,
  kind: string,
  name: string,
): Promise<Set<string>> {
  const rows = await tx
    .select({ name: resources.name })
    .from(resources)
    .where(and(ofKind(workspaceId, kind), sql`starts_with(${resources.name}, ${name})`));
  return new Set(rows.map((r) => r.name));
}

export async function insertResource(tx: Db, row: typeof resources.$inferInsert): Promise<ResourceRow> {
  const [inserted] = await tx.insert(resources).values(row).returning();
  return inserted!;
}

export async function updateResource(
  tx: Db,
  workspaceId: string,
  id: string,
  changes: Pick<ResourceRow, 'name' | 'body' | 'updatedAt'>,
): Promise<ResourceRow> {
  const [row] = await tx
    .update(resources)
    .set(changes)
    .where(and(eq(resources.workspaceId, workspaceId), eq(resources.id, id)))
    .returning();
  return row!;
}

export async function deleteResources(tx: Db, workspaceId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .delete(resources)
    .where(and(eq(resources.workspaceId, workspaceId), inArray(resources.id, [...ids])));
}

/** Items of a kind whose body field equals a value: the ad audiences of a segment, the objects of a type. */
export async function idsWhere(
  tx: Db,
  workspaceId: string,
  kind: string,
  field: string,
  value: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(and(ofKind(workspaceId, kind), sql`${resources.body} ->> ${field} = ${value}`));
  return rows.map((r) => r.id);
}

// ---- messages: the parts of campaigns, broadcasts and transactional messages ----------------------

/** The kinds whose bodies hold messages. */
export const messageSources = ['campaign', 'broadcast', 'transactional'] as const;

const sourceKinds = sql.join(
  messageSources.map((k) => sql`${k}`),
  sql`, `,
);

export interface MessageRow {
  sourceId: string;
  sourceKind: string;
  sourceName: string;
  message: Record<string, unknown> & { id: string; channel: string };
  updatedAt: Date;
}

/** The workspace's messages, in or out of the in-app library, by source then position. */
export async function listMessages(
  tx: Db,
  workspaceId: string,
  /** `after`: the source id and position of the last message of the previous page. */
  q: { inApp: boolean; limit: number; after?: { sourceId: string; position: number } },
): Promise<(MessageRow & { position: number })[]> {
  const after = q.after
    ? sql`AND (r.id, m.ordinality) > (${q.after.sourceId}, ${q.after.position}::bigint)`
    : sql``;
  return queryRows<MessageRow & { position: number }>(
    tx,
    sql`SELECT r.id AS "sourceId", r.kind AS "sourceKind", r.name AS "sourceName", m.value AS message,
               r.updated_at AS "updatedAt", m.ordinality::int AS position
        FROM ${resources} r CROSS JOIN LATERAL jsonb_array_elements(r.body -> 'messages') WITH ORDINALITY m
        WHERE r.workspace_id = ${workspaceId} AND r.kind IN (${sourceKinds})
          AND (m.value ->> 'channel' = 'in_app') = ${q.inApp} ${after}
        ORDER BY r.id, m.ordinality
        LIMIT ${q.limit}`,
  );
}

/** One message by its id, with the item it belongs to. */
export async function findMessage(
  tx: Db,
  workspaceId: string,
  messageId: string,
): Promise<MessageRow | undefined> {
  const [row] = await queryRows<MessageRow>(
    tx,
    sql`SELECT r.id AS "sourceId", r.kind AS "sourceKind", r.name AS "sourceName", m.value AS message,
               r.updated_at AS "updatedAt"
        FROM ${resources} r CROSS JOIN LATERAL jsonb_array_elements(r.body -> 'messages') m
        WHERE r.workspace_id = ${workspaceId} AND r.kind IN (${sourceKinds})
          AND r.body -> 'messages' @> ${JSON.stringify([{ id: messageId }])}::jsonb
          AND m.value ->> 'id' = ${messageId}`,
  );
  return row;
}

// ---- relationships, asset bytes ----------------------------------------------------------

export type RelationshipRow = typeof relationships.$inferSelect;

const pair = (workspaceId: string, objectId: string, cioId: string) =>
  and(
    eq(relationships.workspaceId, workspaceId),
    eq(relationships.objectId, objectId),
    eq(relationships.cioId, cioId),
  );

/** An object's or a person's relationships, ordered by (object, person), after a cursor of both. */
export async function listRelationships(
  tx: Db,
  workspaceId: string,
  q: { objectId?: string; cioId?: string; after?: [string, string]; limit: number },
): Promise<RelationshipRow[]> {
  const [afterObject, afterPerson] = q.after ?? [];
  return tx
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.workspaceId, workspaceId),
        q.objectId ? eq(relationships.objectId, q.objectId) : undefined,
        q.cioId ? eq(relationships.cioId, q.cioId) : undefined,
        afterObject && afterPerson
          ? or(
              gt(relationships.objectId, afterObject),
              and(eq(relationships.objectId, afterObject), gt(relationships.cioId, afterPerson)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(relationships.objectId), asc(relationships.cioId))
    .limit(q.limit);
}

export async function lockRelationship(tx: Db, workspaceId: string, objectId: string, cioId: string) {
  const [row] = await tx
    .select()
    .from(relationships)
    .where(pair(workspaceId, objectId, cioId))
    .for('update');
  return row;
}

export async function insertRelationship(tx: Db, row: RelationshipRow): Promise<RelationshipRow> {
  const [inserted] = await tx.insert(relationships).values(row).returning();
  return inserted!;
}

export async function setRelationshipAttributes(
  tx: Db,
  workspaceId: string,
  objectId: string,
  cioId: string,
  attributes: Record<string, unknown>,
): Promise<RelationshipRow> {
  const [row] = await tx
    .update(relationships)
    .set({ attributes })
    .where(pair(workspaceId, objectId, cioId))
    .returning();
  return row!;
}

export async function deleteRelationship(tx: Db, workspaceId: string, objectId: string, cioId: string) {
  const [row] = await tx
    .delete(relationships)
    .where(pair(workspaceId, objectId, cioId))
    .returning();
  return row;
}

export async function insertAssetBlob(tx: Db, workspaceId: string, assetId: string, data: Uint8Array) {
  await tx.insert(assetBlobs).values({ workspaceId, assetId, data });
}

export async function findAssetBlob(
  tx: Db,
  workspaceId: string,
  assetId: string,
): Promise<Uint8Array | undefined> {
  const [row] = await tx
    .select({ data: assetBlobs.data })
    .from(assetBlobs)
    .where(and(eq(assetBlobs.workspaceId, workspaceId), eq(assetBlobs.assetId, assetId)));
  return row?.data;
}

/** Items whose body mentions this id: the candidates for "still used by". */
export async function mentioning(
  tx: Db,
  workspaceId: string,
  id: string,
  limit: number,
): Promise<ResourceRow[]> {
  return tx
    .select()
    .from(resources)
    .where(
      and(
        eq(resources.workspaceId, workspaceId),
        sql`${resources.id} <> ${id}`,
        sql`strpos(${resources.body}::text, ${`"${id}"`}) > 0`,
      ),
    )
    .limit(limit);
}
