import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { apiKeys, workspaces } from '../../db/schema.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(tx: Db, key: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKeys).values(key).returning();
  return row!;
}

export async function listApiKeys(tx: Db, workspaceId: string): Promise<ApiKeyRow[]> {
  return tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(
  tx: Db,
  workspaceId: string,
  keyId: string,
  at: Date,
): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning();
  return row;
}

/** A live key, of a live workspace, by its public half (site id, or the id inside an app key). */
export async function findLiveKey(tx: Db, publicId: string): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .select({ key: apiKeys })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.publicId, publicId), isNull(apiKeys.revokedAt), isNull(workspaces.deletedAt)));
  return row?.key;
}

/** Revokes every live key of a workspace (it is being deleted). */
/** Revokes the workspace's live keys; how many it revoked. */
export async function revokeWorkspaceKeys(tx: Db, workspaceId: string, at: Date): Promise<number> {
  const revoked = await tx
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked.length;
}

export async function touchApiKey(tx: Db, workspaceId: string, keyId: string, at: Date): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, keyId)));
}

export async function countKeys(tx: Db, workspaceId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId));
  return row?.n ?? 0;
}
