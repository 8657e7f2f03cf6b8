import { sql } from 'drizzle-orm';
import { OBJECT_TYPE_NUMBERS } from '../../db/advisory-locks.js';
import type { Db } from '../../db/connection.js';

/**
 * Gives a new object type its Track API number (Customer.io's object_type_id), in the type's
 * create transaction: the highest number the workspace ever gave plus one, so numbers follow
 * creation order and a deleted type's number is never given again. The workspace's numbering
 * lock serialises two types created at once (held to the end of the transaction, so the second
 * reads the first's number once it committed). No import of the content kinds: they call this.
 */
export async function numberNewObjectType(tx: Db, workspaceId: string, typeId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${OBJECT_TYPE_NUMBERS}, hashtext(${workspaceId}))`);
  await tx.execute(
    sql`INSERT INTO object_type_numbers (workspace_id, type_id, number)
        SELECT ${workspaceId}, ${typeId}, coalesce(max(number), 0) + 1
        FROM object_type_numbers WHERE workspace_id = ${workspaceId}`,
  );
}
