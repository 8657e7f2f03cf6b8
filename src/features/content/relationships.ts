import { Type } from 'typebox';
import { maskRecord, masksAttributes } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { App } from '../../http/app.js';
import { Id, Page, problems, Timestamp } from '../../http/schemas.js';
import { DomainError, missing } from '../../shared/errors.js';
import { cursors, pageOf } from '../../shared/pagination.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { findPerson } from '../people/store.js';
import { kinds } from './kinds.js';
import { findItem } from './service.js';
import type { RelationshipRow } from './store.js';
import * as store from './store.js';

/**
 * Relationships between an object and a person ("Objects and Relationships" rows), with attributes
 * of their own (a person's role in an account, say), masked for members with hidden attributes.
 */

const Relationship = Type.Object({
  objectId: Id('obj'),
  cioId: Type.String(),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
});
const Attributes = Type.Record(Type.String({ maxLength: 150 }), Type.Unknown());
const PairParams = Type.Object({ workspaceId: Type.String(), objectId: Type.String(), cioId: Type.String() });

function seenBy(actor: Actor, workspaceId: string) {
  const masked = masksAttributes(actor.subject.workspaces.get(workspaceId));
  return (row: RelationshipRow) => {
    const view = {
      objectId: row.objectId,
      cioId: row.cioId,
      attributes: row.attributes,
      createdAt: row.createdAt.toISOString(),
    };
    return masked ? { ...view, attributes: maskRecord({ attributes: row.attributes }).attributes } : view;
  };
}

async function log(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  verb: string,
  row: RelationshipRow,
) {
  await recordActivity(tx, ctx.clock, {
    accountId: actor.subject.accountId,
    workspaceId,
    author: actor,
    action: `relationship.${verb}`,
    target: { type: 'relationship', id: `${row.objectId}/${row.cioId}` },
    after: verb === 'deleted' ? null : { attributes: row.attributes },
  });
}

export function relationshipRoutes(app: App, ctx: AppContext): void {
  const tags = ['Relationship'];
  const base = '/api/workspaces/:workspaceId/relationships';

  app.get(
    base,
    {
      config: { access: 'objects.view' },
      schema: {
        tags,
        summary: 'The relationships of an object, or of a person (give objectId or cioId)',
        params: Type.Object({ workspaceId: Type.String() }),
        querystring: Type.Object(
          {
            objectId: Type.Optional(Type.String()),
            cioId: Type.Optional(Type.String()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            cursor: Type.Optional(Type.String({ description: 'The nextCursor of the previous page' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Page(Relationship),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => {
      const { workspaceId } = req.params;
      const { objectId, cioId, limit = 100, cursor } = req.query;
      if (!objectId && !cioId)
        throw new DomainError('invalid', 'Give objectId or cioId', {
          errors: [{ path: '/query', message: 'give objectId or cioId' }],
        });
      const rows = await store.listRelationships(ctx.db, workspaceId, {
        objectId,
        cioId,
        after: cursors.relationship.read(cursor),
        limit: limit + 1,
      });
      const page = pageOf(rows, limit, (r) => cursors.relationship.write([r.objectId, r.cioId]));
      return { items: page.rows.map(seenBy(actorOf(req), workspaceId)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    base,
    {
      config: { access: 'objects.create' },
      schema: {
        tags,
        summary: 'Relate an object to a person',
        params: Type.Object({ workspaceId: Type.String() }),
        body: Type.Object(
          { objectId: Type.String(), cioId: Type.String(), attributes: Type.Optional(Attributes) },
          { additionalProperties: false },
        ),
        response: { 201: Relationship, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const { workspaceId } = req.params;
      const { objectId, cioId, attributes = {} } = req.body;
      const actor = actorOf(req);
      const row = await ctx.db.transaction(async (tx) => {
        await findItem(tx, workspaceId, kinds.objects, objectId);
        (await findPerson(tx, workspaceId, { by: 'cioId', value: cioId })) ?? missing('Person');
        try {
          const inserted = await store.insertRelationship(tx, {
            workspaceId,
            objectId,
            cioId,
            attributes,
            createdAt: ctx.clock.now(),
          });
          await log(tx, ctx, actor, workspaceId, 'created', inserted);
          return inserted;
        } catch (error) {
          if (isUniqueViolation(error))
            throw new DomainError(
              'conflict',
              'This person is already related to this object: change the relationship’s attributes instead',
            );
          throw error;
        }
      });
      return reply.code(201).send(seenBy(actor, workspaceId)(row));
    },
  );

  app.patch(
    `${base}/:objectId/:cioId`,
    {
      config: { access: 'objects.edit' },
      schema: {
        tags,
        summary: 'Change a relationship’s attributes (null removes one)',
        params: PairParams,
        body: Type.Object({ attributes: Attributes }, { additionalProperties: false }),
        response: { 200: Relationship, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { workspaceId, objectId, cioId } = req.params;
      const actor = actorOf(req);
      const row = await ctx.db.transaction(async (tx) => {
        const before =
          (await store.lockRelationship(tx, workspaceId, objectId, cioId)) ?? missing('Relationship');
        const attributes = Object.fromEntries(
          Object.entries({ ...before.attributes, ...req.body.attributes }).filter(([, v]) => v !== null),
        );
        const after = await store.setRelationshipAttributes(tx, workspaceId, objectId, cioId, attributes);
        await log(tx, ctx, actor, workspaceId, 'updated', after);
        return after;
      });
      return seenBy(actor, workspaceId)(row);
    },
  );

  app.delete(
    `${base}/:objectId/:cioId`,
    {
      config: { access: 'objects.delete' },
      schema: {
        tags,
        summary: 'Remove a relationship',
        params: PairParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { workspaceId, objectId, cioId } = req.params;
      await ctx.db.transaction(async (tx) => {
        const row =
          (await store.deleteRelationship(tx, workspaceId, objectId, cioId)) ?? missing('Relationship');
        await log(tx, ctx, actorOf(req), workspaceId, 'deleted', row);
      });
      return reply.code(204).send(null);
    },
  );
}
