import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { DomainError, missing } from '../../shared/errors.js';
import { actorOf } from '../auth/actor.js';
import { assetTypes, kinds } from './kinds.js';
import { itemSchema } from './routes.js';
import { createItem, findItem, viewFor } from './service.js';
import * as store from './store.js';

/**
 * Assets: images and PDFs uploaded for use in messages. The upload is the file itself as the body;
 * its declared type must be allowed and must be what the bytes really are (a script sent as
 * image/png is refused). SVG is not accepted: it can carry script. Listing and deleting are the
 * generic routes'.
 */

export function assetRoutes(app: App, ctx: AppContext): void {
  const kind = kinds.assets;
  const tags = [kind.label];
  const base = '/api/workspaces/:workspaceId/assets';

  // These types reach the upload handler as a Buffer (the route's bodyLimit caps it).
  app.addContentTypeParser([...assetTypes], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(
    base,
    {
      config: { access: kind.permissions.create, uploads: assetTypes },
      bodyLimit: ctx.config.assetMaxBytes,
      schema: {
        tags,
        summary: `Upload an asset: the file as the body, with its Content-Type (${assetTypes.join(', ')})`,
        description: `At most ${ctx.config.assetMaxBytes} bytes (ASSET_MAX_BYTES); larger answers 413.`,
        params: Type.Object({ workspaceId: Type.String() }),
        querystring: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: itemSchema(kind), ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const { workspaceId } = req.params;
      const data = req.body;
      if (!(data instanceof Buffer) || data.length === 0)
        throw new DomainError('invalid', 'Send the file as the body; it was empty');
      const declared = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const sniffed = (await fileTypeFromBuffer(data))?.mime;
      if (sniffed !== declared)
        throw new DomainError(
          'unsupported_media_type',
          `The file is ${sniffed ?? 'of no type we accept'}, not ${declared} as its Content-Type says`,
        );
      const actor = actorOf(req);
      const row = await ctx.db.transaction(async (tx) => {
        const asset = await createItem(
          ctx,
          actor,
          workspaceId,
          kind,
          {
            name: req.query.name,
            contentType: declared,
            size: data.length,
            sha256: createHash('sha256').update(data).digest('hex'),
          },
          { tx },
        );
        await store.insertAssetBlob(tx, workspaceId, asset.id, data);
        return asset;
      });
      return reply.code(201).send(viewFor(actor, workspaceId, kind)(row));
    },
  );

  app.get(
    `${base}/:id/content`,
    {
      config: { access: kind.permissions.view },
      schema: {
        tags,
        summary: 'Download an asset’s file',
        params: Type.Object({ workspaceId: Type.String(), id: Type.String() }),
        response: {
          200: Type.Unknown({ description: 'The file, with its Content-Type' }),
          ...problems(401, 404),
        },
      },
    },
    async (req, reply) => {
      const { workspaceId, id } = req.params;
      const asset = await findItem(ctx.db, workspaceId, kind, id);
      const data = (await store.findAssetBlob(ctx.db, workspaceId, id)) ?? missing('Asset');
      return reply
        .header('content-type', String(asset.body.contentType))
        .header('content-disposition', `attachment; filename="${encodeURIComponent(asset.name)}"`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(data));
    },
  );
}
