import { type TObject, type TProperties, type TSchema, Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { App } from '../../http/app.js';
import { Id, Page, problems, Timestamp } from '../../http/schemas.js';
import { invalid } from '../../shared/errors.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { copyItem } from './copy.js';
import { allKinds, type KindDefinition } from './kinds.js';
import * as content from './service.js';
import type { ResourceRow } from './store.js';

type Body = Record<string, unknown>;

/**
 * The HTTP face of every workspace resource of kinds.ts, generated from its declaration: list, get,
 * create, edit, delete and (where the kind allows it) copy, each guarded by the kind's matrix row.
 */

/** Extra read-only fields some kinds answer with (a segment's live count), read from the stored row. */
export interface Decoration {
  properties: TProperties;
  decorate: (tx: Db, workspaceId: string, row: ResourceRow) => Promise<Record<string, unknown>>;
}

/** An item as the API shows it: its id, its body's fields, who made it and when. */
export function itemSchema(kind: KindDefinition, extra: TProperties = {}): TObject {
  return Type.Object(
    {
      id: Id(kind.prefix),
      ...kind.body.properties,
      ...extra,
      createdBy: Type.String({ description: 'The team member who created it, by name' }),
      createdAt: Timestamp,
      updatedAt: Timestamp,
    },
    { title: kind.label },
  );
}

/** The body of an edit: any of the fields, none defaulted (a default would overwrite what is stored). */
function patchSchema(body: TObject): TObject {
  const properties = Object.fromEntries(
    Object.entries(body.properties).map(([key, schema]) => {
      const { default: _, ...rest } = schema as TSchema & { default?: unknown };
      return [key, Type.Optional(rest as TSchema)];
    }),
  );
  return Type.Object(properties, { additionalProperties: false, minProperties: 1 });
}

const ListQuery = (kind: KindDefinition) =>
  Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
      cursor: Type.Optional(Type.String()),
      ...Object.fromEntries((kind.filters ?? []).map((f) => [f, Type.Optional(Type.String())])),
    },
    { additionalProperties: false },
  );

const ItemParams = Type.Object({ workspaceId: Type.String(), id: Type.String() });

export const CopyBody = Type.Object({ targetWorkspaceId: Type.String() }, { additionalProperties: false });

export function contentRoutes(
  app: App,
  ctx: AppContext,
  decorations: Readonly<Record<string, Decoration>> = {},
): void {
  for (const kind of allKinds) {
    const routes = kind.routes ?? 'all';
    if (routes === 'none') continue;
    const base = `/api/workspaces/:workspaceId/${kind.path}`;
    const decoration = decorations[kind.path];
    const Item = itemSchema(kind, decoration?.properties);
    const tags = [kind.label];
    /** What the caller sees of stored rows: masked for hidden attributes, decorated. */
    const present = (actor: Actor, workspaceId: string, rows: ResourceRow[]) => {
      const view = content.viewFor(actor, workspaceId, kind);
      return Promise.all(
        rows.map(
          async (row): Promise<content.Item> => ({
            ...view(row),
            ...(decoration && (await decoration.decorate(ctx.db, workspaceId, row))),
          }),
        ),
      );
    };
    const lower = kind.label.toLowerCase();

    app.get(
      base,
      {
        config: { access: kind.permissions.view },
        schema: {
          tags,
          summary: `${kind.label}s, oldest first, a page at a time`,
          params: Type.Object({ workspaceId: Type.String() }),
          querystring: ListQuery(kind),
          response: {
            200: Page(Item),
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (req) => {
        const { workspaceId } = req.params;
        const actor = actorOf(req);
        const query = req.query as Record<string, unknown>;
        const fields = Object.fromEntries(
          (kind.filters ?? []).filter((f) => query[f] !== undefined).map((f) => [f, String(query[f])]),
        );
        const page = await content.listItems(ctx, workspaceId, kind, req.query, fields);
        return { items: await present(actor, workspaceId, page.rows), nextCursor: page.nextCursor };
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: { access: kind.permissions.view },
        schema: {
          tags,
          summary: `One ${lower}`,
          params: ItemParams,
          response: { 200: Item, ...problems(401, 404) },
        },
      },
      async (req) => {
        const { workspaceId, id } = req.params;
        const row = await content.findItem(ctx.db, workspaceId, kind, id);
        const [item] = await present(actorOf(req), workspaceId, [row]);
        return item!;
      },
    );

    if (routes === 'all') {
      app.post(
        base,
        {
          config: { access: kind.permissions.create },
          schema: {
            tags,
            summary: `Create a ${lower}`,
            params: Type.Object({ workspaceId: Type.String() }),
            body: kind.body,
            response: { 201: Item, ...problems(400, 401, 403, 404, 409) },
          },
        },
        async (req, reply) => {
          const { workspaceId } = req.params;
          const actor = actorOf(req);
          const row = await content.createItem(ctx, actor, workspaceId, kind, req.body as Body);
          const [item] = await present(actor, workspaceId, [row]);
          return reply.code(201).send(item!);
        },
      );

      app.patch(
        `${base}/:id`,
        {
          config: { access: kind.permissions.edit },
          schema: {
            tags,
            summary: `Change a ${lower}: the fields given replace the stored ones`,
            params: ItemParams,
            body: patchSchema(kind.body),
            response: { 200: Item, ...problems(400, 401, 403, 404, 409) },
          },
        },
        async (req) => {
          const { workspaceId, id } = req.params;
          const actor = actorOf(req);
          const row = await content.updateItem(ctx, actor, workspaceId, kind, id, req.body as Body);
          const [item] = await present(actor, workspaceId, [row]);
          return item!;
        },
      );
    }

    app.delete(
      `${base}/:id`,
      {
        config: { access: kind.permissions.delete },
        schema: {
          tags,
          summary: `Delete a ${lower}`,
          params: ItemParams,
          response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await content.deleteItem(ctx, actorOf(req), req.params.workspaceId, kind, req.params.id);
        return reply.code(204).send(null);
      },
    );

    if (!kind.copyable) continue;
    app.post(
      `${base}/:id/copy`,
      {
        // Reading the source is the route's check; creating in the target is checked by the service.
        config: { access: kind.permissions.view },
        schema: {
          tags,
          summary: `Copy a ${lower} to another workspace where you may create ${lower}s`,
          description:
            'References (layouts, segments, webhooks, snippets) are matched by name in the target; those with no match there are cleared and listed in missingReferences.',
          params: ItemParams,
          body: CopyBody,
          response: {
            201: Type.Object({
              item: Item,
              missingReferences: Type.Array(
                Type.Object({
                  kind: Type.String(),
                  by: Type.Enum(['id', 'name']),
                  value: Type.String(),
                  name: Type.Union([Type.String(), Type.Null()]),
                  path: Type.String(),
                }),
              ),
            }),
            ...problems(400, 401, 403, 404, 409),
          },
        },
      },
      async (req, reply) => {
        const { workspaceId, id } = req.params;
        if (req.body.targetWorkspaceId === workspaceId)
          throw invalid('/targetWorkspaceId', 'choose another workspace than the item’s own');
        const { targetWorkspaceId } = req.body;
        const actor = actorOf(req);
        const copied = await copyItem(ctx, actor, workspaceId, kind, id, targetWorkspaceId);
        const [item] = await present(actor, targetWorkspaceId, [copied.row]);
        return reply.code(201).send({ item: item!, missingReferences: copied.missingReferences });
      },
    );
  }
}
