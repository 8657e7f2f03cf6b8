import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { anonymousEvents, devices, events, suppressions, workspaces } from '../../db/schema.js';
import type { PersonKey } from '../people/store.js';

// The Track API's own tables (migration 0030): devices, suppressions, anonymous events; and events
// as the Track API records them.

export type DeviceRow = typeof devices.$inferSelect;

/** Records an event; a second one with the client's id is ignored (Customer.io's deduplication). */
export async function insertEvent(tx: Db, event: typeof events.$inferInsert): Promise<void> {
  await tx.insert(events).values(event).onConflictDoNothing();
}

export async function insertAnonymousEvent(
  tx: Db,
  event: typeof anonymousEvents.$inferInsert,
): Promise<void> {
  await tx.insert(anonymousEvents).values(event);
}

/**
 * The anonymous events of these anonymous ids become the events of these people (anonymous id →
 * cio_id), in one statement; an event whose client id the person's events already hold is dropped.
 */
export async function claimAnonymousEvents(
  tx: Db,
  workspaceId: string,
  owners: ReadonlyMap<string, string>,
): Promise<void> {
  if (owners.size === 0) return;
  const ownerOf = sql`${JSON.stringify(Object.fromEntries(owners))}::jsonb`;
  await tx.execute(sql`
    WITH claimed AS (
      DELETE FROM anonymous_events
      WHERE workspace_id = ${workspaceId} AND anonymous_id IN (SELECT jsonb_object_keys(${ownerOf}))
      RETURNING *)
    INSERT INTO events (workspace_id, id, cio_id, name, data, created_at, type, client_id)
    SELECT workspace_id, id, ${ownerOf} ->> anonymous_id, name, data, created_at, type, client_id FROM claimed
    ON CONFLICT DO NOTHING`);
}

// ---- devices ---------------------------------------------------------------------------------------

/** Adds the device to the person, or updates it; a token another person held moves to this one. */
export async function putDevice(tx: Db, device: typeof devices.$inferInsert): Promise<void> {
  await tx
    .insert(devices)
    .values(device)
    .onConflictDoUpdate({
      target: [devices.workspaceId, devices.token],
      set: {
        cioId: device.cioId,
        platform: device.platform,
        lastUsed: sql`coalesce(excluded.last_used, ${devices.lastUsed})`,
        attributes: sql`${devices.attributes} || excluded.attributes`,
        updatedAt: device.updatedAt,
      },
    });
}

export async function deleteDevice(tx: Db, workspaceId: string, cioId: string, token: string): Promise<void> {
  await tx
    .delete(devices)
    .where(and(eq(devices.workspaceId, workspaceId), eq(devices.cioId, cioId), eq(devices.token, token)));
}

export async function devicesOf(tx: Db, workspaceId: string, cioId: string): Promise<DeviceRow[]> {
  return tx
    .select()
    .from(devices)
    .where(and(eq(devices.workspaceId, workspaceId), eq(devices.cioId, cioId)))
    .orderBy(asc(devices.createdAt), asc(devices.token));
}

// ---- suppressions ----------------------------------------------------------------------------------

/** The identifiers one suppression covers; the email as written (folded by the database). */
export interface Suppressed {
  cioId: string | null;
  externalId: string | null;
  email: string | null;
}

export async function insertSuppression(
  tx: Db,
  workspaceId: string,
  id: string,
  { cioId, externalId, email }: Suppressed,
  at: Date,
): Promise<void> {
  await tx.insert(suppressions).values({
    workspaceId,
    id,
    cioId,
    externalId,
    email: email === null ? null : sql`lower(${email})`,
    createdAt: at,
  });
  // Written once: the flag's row is not rewritten (nor locked) by every suppression.
  await tx
    .update(workspaces)
    .set({ suppresses: true })
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.suppresses, false)));
}

/** The condition "covers one of these keys" (emails compared folded). */
function covering(keys: readonly PersonKey[]): SQL | undefined {
  const of = (by: PersonKey['by']) => keys.filter((k) => k.by === by).map((k) => k.value);
  const conditions: SQL[] = [];
  if (of('cioId').length) conditions.push(inArray(suppressions.cioId, of('cioId')));
  if (of('id').length) conditions.push(inArray(suppressions.externalId, of('id')));
  if (of('email').length)
    conditions.push(
      sql`${suppressions.email} IN (SELECT lower(e) FROM jsonb_array_elements_text(${JSON.stringify(of('email'))}::jsonb) AS e)`,
    );
  return conditions.length ? or(...conditions) : undefined;
}

/** Lifts every suppression that covers the key. */
export async function deleteSuppressions(tx: Db, workspaceId: string, key: PersonKey): Promise<void> {
  await tx.delete(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), covering([key])));
}
