import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { objectTypes } from '../content/kinds/data.js';
import { findResource } from '../content/store.js';

/**
 * Which object type a Track API `object_type_id` names. Customer.io numbers object types "1", "2",
 * … in the order they were created, and its clients send that number (Segment's destination sends
 * "1" when told nothing), so each of our types has a number of its own (object_type_numbers,
 * migration 0031), given when it is created (object-type-numbers.ts) and kept for good: a deleted
 * type keeps its number, so a number never comes to name another type. Our own `ot_…` id is taken
 * as well. A pure read.
 */
export async function objectTypeIdOf(
  tx: Db,
  workspaceId: string,
  given: string,
  /** Where the request named it, for the refusal. */
  field = 'identifiers.object_type_id',
): Promise<string> {
  if (given.startsWith(`${objectTypes.prefix}_`)) {
    if (await findResource(tx, workspaceId, objectTypes.kind, given)) return given;
    throw unknownType(field, `There is no object type ${given} in this workspace.`);
  }
  if (!/^[1-9][0-9]{0,8}$/.test(given)) {
    const message = `object_type_id must be an object type's number ("1", "2", … in the order the types were created) or its id (ot_…); "${given}" is neither.`;
    // A number that can name no type ("1.5", "-1", "01") is a malformed request (400); a word
    // ("companies") names a type there is none of, as the contract tests say (404).
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(given))
      throw new DomainError('invalid', message, { field });
    throw unknownType(field, message);
  }
  const number = Number(given);
  const found = await typeNumbered(tx, workspaceId, number);
  if (found) return found;
  throw unknownType(
    field,
    `There is no object type number ${number} in this workspace: types are numbered 1, 2, … in the order they were created; create the type first.`,
  );
}

const unknownType = (field: string, message: string) => new DomainError('not_found', message, { field });

async function typeNumbered(tx: Db, workspaceId: string, number: number): Promise<string | undefined> {
  const [row] = await queryRows<{ typeId: string }>(
    tx,
    sql`SELECT n.type_id AS "typeId"
        FROM object_type_numbers n
        JOIN resources r ON r.workspace_id = n.workspace_id AND r.id = n.type_id AND r.kind = ${objectTypes.kind}
        WHERE n.workspace_id = ${workspaceId} AND n.number = ${number}`,
  );
  return row?.typeId;
}

/**
 * Every live object type of the workspace with its number: what a Track API client sends as
 * object_type_id, read by the console and the API. A pure read: types are numbered when created.
 */
export async function objectTypeNumbers(
  tx: Db,
  workspaceId: string,
): Promise<{ number: number; typeId: string; name: string }[]> {
  return queryRows(
    tx,
    sql`SELECT n.number, n.type_id AS "typeId", r.name
        FROM object_type_numbers n
        JOIN resources r ON r.workspace_id = n.workspace_id AND r.id = n.type_id AND r.kind = ${objectTypes.kind}
        WHERE n.workspace_id = ${workspaceId}
        ORDER BY n.number`,
  );
}
