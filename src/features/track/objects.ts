import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { type ActivityAuthor, changedFields, recordActivity } from '../activity/record.js';
import { objects } from '../content/kinds/data.js';
import * as content from '../content/store.js';
import { rulesOf } from '../people/identifier-rules.js';
import { findPerson } from '../people/store.js';
import type { WorkspaceRow } from '../workspaces/store.js';
import { objectTypeIdOf } from './object-types.js';
import type { ObjectOperation, ObjectRef, ObjectRelationship, PersonRelationship } from './operations.js';
import { describeRef, keyOf } from './person-ref.js';

/**
 * Objects and relationships written by the Track API: the same rows (resources of kind `object`,
 * the relationships table), through the same store, with the same activity entries as the console
 * writes them (src/features/content), so lists, masking and the log see no difference. The author
 * of the entries is the Track API: no member acted.
 */

const author = { memberId: null, name: 'Track API' } satisfies ActivityAuthor;
type Attributes = Record<string, unknown>;

/** Changes merged into what is there; a null removes the attribute (as the console's edit). */
const merged = (before: Attributes, changes: Attributes): Attributes =>
  Object.fromEntries(Object.entries({ ...before, ...changes }).filter(([, v]) => v !== null));

/** As the console's log: small values whole, a large one only said to have changed. */
const summary = (values: Attributes): Attributes =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, JSON.stringify(v ?? null).length > 500 ? '(changed)' : v]),
  );

interface ObjectRow {
  id: string;
  name: string;
  attributes: Attributes;
}

const nameOf = (typeId: string, objectId: string) => `${typeId}/${objectId}`;

async function findObject(tx: Db, ws: WorkspaceRow, typeId: string, objectId: string) {
  const [row] = await content.findByNames(tx, ws.id, objects.kind, [nameOf(typeId, objectId)]);
  if (!row) return undefined;
  // Locked as the console's edit locks it: relationships may still be added to it meanwhile.
  return content.findResource(tx, ws.id, objects.kind, row.id, { lock: 'edit' });
}

/**
 * Creates the object of this type, or changes its attributes. A create that loses a race with
 * another (the name is unique per kind) finds the winner's row and updates it instead.
 */
async function identifyObject(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  typeId: string,
  objectId: string,
  changes: Attributes,
): Promise<ObjectRow> {
  const name = nameOf(typeId, objectId);
  for (let attempt = 0; ; attempt++) {
    const before = await findObject(tx, ws, typeId, objectId);
    if (before) {
      const was = (before.body.attributes ?? {}) as Attributes;
      const attributes = merged(was, changes);
      const diff = changedFields(was, attributes);
      const removed = Object.keys(was).filter((k) => !(k in attributes));
      if (diff || removed.length > 0) {
        await content.updateResource(tx, ws.id, before.id, {
          name,
          body: { ...before.body, attributes },
          updatedAt: clock.now(),
        });
        await recordActivity(tx, clock, {
          accountId: ws.accountId,
          workspaceId: ws.id,
          author,
          action: `${objects.kind}.updated`,
          target: { type: objects.kind, id: before.id, name },
          before: { attributes: summary(was) },
          after: { attributes: summary(attributes) },
        });
      }
      return { id: before.id, name, attributes };
    }
    const attributes = merged({}, changes);
    const now = clock.now();
    try {
      const row = await tx.transaction((sp) =>
        content.insertResource(sp, {
          workspaceId: ws.id,
          id: newId(objects.prefix),
          kind: objects.kind,
          name,
          body: { typeId, objectId, attributes },
          createdByMemberId: null,
          createdByName: author.name,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await recordActivity(tx, clock, {
        accountId: ws.accountId,
        workspaceId: ws.id,
        author,
        action: `${objects.kind}.created`,
        target: { type: objects.kind, id: row.id, name },
        after: summary({ typeId, objectId, attributes }),
      });
      return { id: row.id, name, attributes };
    } catch (error) {
      if (attempt > 0 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Adds a relationship, or merges attributes into the one there (null removes one). */
async function relate(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  objectId: string,
  cioId: string,
  attrs: Attributes,
) {
  for (let attempt = 0; ; attempt++) {
    const before = await content.lockRelationship(tx, ws.id, objectId, cioId);
    if (before) {
      const attributes = merged(before.attributes, attrs);
      if (JSON.stringify(attributes) === JSON.stringify(before.attributes)) return;
      await content.setRelationshipAttributes(tx, ws.id, objectId, cioId, attributes);
      return logRelationship(tx, clock, ws, 'updated', objectId, cioId, attributes);
    }
    try {
      const attributes = merged({}, attrs);
      await tx.transaction((sp) =>
        content.insertRelationship(sp, {
          workspaceId: ws.id,
          objectId,
          cioId,
          attributes,
          createdAt: clock.now(),
        }),
      );
      return logRelationship(tx, clock, ws, 'created', objectId, cioId, attributes);
    } catch (error) {
      if (attempt > 0 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function unrelate(tx: Db, clock: Clock, ws: WorkspaceRow, objectId: string, cioId: string) {
  if (await content.deleteRelationship(tx, ws.id, objectId, cioId))
    await logRelationship(tx, clock, ws, 'deleted', objectId, cioId, null);
}

function logRelationship(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  verb: 'created' | 'updated' | 'deleted',
  objectId: string,
  cioId: string,
  attributes: Attributes | null,
) {
  return recordActivity(tx, clock, {
    accountId: ws.accountId,
    workspaceId: ws.id,
    author,
    action: `relationship.${verb}`,
    target: { type: 'relationship', id: `${objectId}/${cioId}` },
    after: attributes === null ? null : { attributes },
  });
}

/**
 * The cio_id of the person a relationship names; refused when nobody here has that identifier.
 * Their row is held FOR KEY SHARE to the end of the transaction (as segments.ts adds members): a
 * delete or merge of them meanwhile waits, rather than failing the relationship's foreign key, and
 * one that came first leaves nobody to relate. Found first through findPerson (its index path).
 */
async function personOf(tx: Db, ws: WorkspaceRow, rel: ObjectRelationship): Promise<string> {
  const found = await findPerson(tx, ws.id, keyOf(rel.person, rulesOf(ws)));
  const [person] = found
    ? await queryRows<{ cioId: string }>(
        tx,
        sql`SELECT cio_id AS "cioId" FROM people
            WHERE workspace_id = ${ws.id} AND cio_id = ${found.cioId} FOR KEY SHARE`,
      )
    : [];
  if (!person)
    throw new DomainError(
      'not_found',
      `No person with ${describeRef(rel.person)} in this workspace: identify them before relating them to an object.`,
      { field: 'cio_relationships' },
    );
  return person.cioId;
}

/** Applies an object operation in the caller's transaction; throws a DomainError when refused. */
export async function applyObjectOperation(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  op: ObjectOperation,
): Promise<void> {
  const typeId = await objectTypeIdOf(tx, ws.id, op.object.typeId);
  const { objectId } = op.object;
  switch (op.action) {
    case 'identify': {
      const object = await identifyObject(tx, clock, ws, typeId, objectId, op.attributes);
      for (const rel of op.relationships ?? [])
        await relate(tx, clock, ws, object.id, await personOf(tx, ws, rel), rel.attributes);
      return;
    }
    case 'delete': {
      // Deleting what is not there leaves nothing to do, as at Customer.io.
      const row = await findObject(tx, ws, typeId, objectId);
      if (!row) return;
      // Its relationships go with it (foreign key, as the console's delete).
      await content.deleteResources(tx, ws.id, [row.id]);
      await recordActivity(tx, clock, {
        accountId: ws.accountId,
        workspaceId: ws.id,
        author,
        action: `${objects.kind}.deleted`,
        target: { type: objects.kind, id: row.id, name: row.name },
        before: summary(row.body),
      });
      return;
    }
    case 'add_relationships': {
      // Relating people to an object not seen yet creates it, as an identify without attributes.
      const object = await identifyObject(tx, clock, ws, typeId, objectId, {});
      for (const rel of op.relationships)
        await relate(tx, clock, ws, object.id, await personOf(tx, ws, rel), rel.attributes);
      return;
    }
    case 'delete_relationships': {
      const row = await findObject(tx, ws, typeId, objectId);
      if (!row) return;
      for (const rel of op.relationships) {
        const person = await findPerson(tx, ws.id, keyOf(rel.person, rulesOf(ws)));
        if (person) await unrelate(tx, clock, ws, row.id, person.cioId);
      }
      return;
    }
  }
}

/** The object a person's relationship names, created when adding to one not seen yet. */
async function objectFor(tx: Db, clock: Clock, ws: WorkspaceRow, ref: ObjectRef, create: boolean) {
  const typeId = await objectTypeIdOf(tx, ws.id, ref.typeId, 'cio_relationships');
  if (create) return (await identifyObject(tx, clock, ws, typeId, ref.objectId, {})).id;
  return (await findObject(tx, ws, typeId, ref.objectId))?.id;
}

/** Adds (or removes) a person's relationships to objects, in the caller's transaction. */
export async function applyPersonRelationships(
  tx: Db,
  clock: Clock,
  ws: WorkspaceRow,
  cioId: string,
  relationships: readonly PersonRelationship[],
  action: 'add' | 'delete',
): Promise<void> {
  for (const rel of relationships) {
    const objectId = await objectFor(tx, clock, ws, rel.object, action === 'add');
    if (objectId === undefined) continue;
    if (action === 'add') await relate(tx, clock, ws, objectId, cioId, rel.attributes);
    else await unrelate(tx, clock, ws, objectId, cioId);
  }
}
