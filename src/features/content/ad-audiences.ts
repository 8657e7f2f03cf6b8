import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { DomainError, missing } from '../../shared/errors.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { adPlatforms, kinds } from './kinds.js';
import { itemSchema } from './routes.js';
import { createItem, deleteItem, findItem, listItems, updateItem, viewFor } from './service.js';
import * as store from './store.js';

/**
 * Ad Audiences: a segment's people synced to an ad platform. A Workspace Admin first connects the
 * platform's ad account ("integrate"); then Authors create, pause, resume and delete a segment's
 * audiences, each action its own matrix row.
 */

const audience = kinds['ad-audiences'];
const platform = kinds['ad-audience-platforms'];
const SegmentParams = Type.Object({ workspaceId: Type.String(), segmentId: Type.String() });
const AudienceParams = Type.Object({
  workspaceId: Type.String(),
  segmentId: Type.String(),
  id: Type.String(),
});
const Audience = itemSchema(audience);

/** The audience, checked to belong to the segment of the path. */
async function audienceOf(ctx: AppContext, workspaceId: string, segmentId: string, id: string) {
  const row = await findItem(ctx.db, workspaceId, audience, id);
  if (row.body.segmentId !== segmentId) missing(audience.label);
  return row;
}

export function adAudienceRoutes(app: App, ctx: AppContext): void {
  const tags = [audience.label];
  const segmentPath = '/api/workspaces/:workspaceId/segments/:segmentId/ad-audiences';

  app.get(
    '/api/workspaces/:workspaceId/ad-audience-platforms',
    {
      config: { access: platform.permissions.view },
      schema: {
        tags,
        summary: 'The ad platforms connected to this workspace',
        params: Type.Object({ workspaceId: Type.String() }),
        response: {
          200: Type.Object({ items: Type.Array(itemSchema(platform)) }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => {
      const { workspaceId } = req.params;
      const page = await listItems(ctx, workspaceId, platform, { limit: adPlatforms.length });
      return { items: page.rows.map(viewFor(actorOf(req), workspaceId, platform)) };
    },
  );

  app.put(
    '/api/workspaces/:workspaceId/ad-audience-platforms/:platform',
    {
      config: { access: 'segments.ad_audience.integrate' },
      schema: {
        tags,
        summary: 'Connect (or reconnect) an ad platform’s ad account: "integrate Ad Audience"',
        params: Type.Object({ workspaceId: Type.String(), platform: Type.Enum(adPlatforms) }),
        body: Type.Object(
          { adAccountId: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: itemSchema(platform), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { workspaceId } = req.params;
      const actor = actorOf(req);
      const body = { platform: req.params.platform, adAccountId: req.body.adAccountId };
      const [existing] = await store.findByNames(ctx.db, workspaceId, platform.kind, [body.platform]);
      const row = existing
        ? await updateItem(ctx, actor, workspaceId, platform, existing.id, body)
        : await createItem(ctx, actor, workspaceId, platform, body);
      return viewFor(actor, workspaceId, platform)(row);
    },
  );

  app.get(
    segmentPath,
    {
      config: { access: audience.permissions.view },
      schema: {
        tags,
        summary: 'A segment’s Ad Audiences',
        params: SegmentParams,
        response: { 200: Type.Object({ items: Type.Array(Audience) }), ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const { workspaceId, segmentId } = req.params;
      await findItem(ctx.db, workspaceId, kinds.segments, segmentId);
      const page = await listItems(ctx, workspaceId, audience, { limit: 100 }, { segmentId });
      return { items: page.rows.map(viewFor(actorOf(req), workspaceId, audience)) };
    },
  );

  app.post(
    segmentPath,
    {
      config: { access: audience.permissions.create },
      schema: {
        tags,
        summary: 'Sync the segment to a connected ad platform',
        params: SegmentParams,
        body: Type.Object({ platform: Type.Enum(adPlatforms) }, { additionalProperties: false }),
        response: { 201: Audience, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const { workspaceId, segmentId } = req.params;
      const actor = actorOf(req);
      await findItem(ctx.db, workspaceId, kinds.segments, segmentId);
      const [connected] = await store.findByNames(ctx.db, workspaceId, platform.kind, [req.body.platform]);
      if (!connected)
        throw new DomainError(
          'conflict',
          `${req.body.platform} is not connected to this workspace yet: a Workspace Admin integrates it first (PUT …/ad-audience-platforms/${req.body.platform})`,
        );
      const row = await createItem(ctx, actor, workspaceId, audience, {
        segmentId,
        platform: req.body.platform,
        state: 'active',
      });
      return reply.code(201).send(viewFor(actor, workspaceId, audience)(row));
    },
  );

  const transition = (
    to: 'paused' | 'active',
    access: 'segments.ad_audience.pause' | 'segments.ad_audience.resume',
  ) =>
    app.post(
      `${segmentPath}/:id/${to === 'paused' ? 'pause' : 'resume'}`,
      {
        config: { access },
        schema: {
          tags,
          summary: to === 'paused' ? 'Pause syncing an Ad Audience' : 'Resume syncing an Ad Audience',
          params: AudienceParams,
          response: { 200: Audience, ...problems(401, 403, 404) },
        },
      },
      async (req) => {
        const { workspaceId, segmentId, id } = req.params;
        const actor: Actor = actorOf(req);
        await audienceOf(ctx, workspaceId, segmentId, id);
        const row = await updateItem(ctx, actor, workspaceId, audience, id, { state: to });
        return viewFor(actor, workspaceId, audience)(row);
      },
    );
  transition('paused', 'segments.ad_audience.pause');
  transition('active', 'segments.ad_audience.resume');

  app.delete(
    `${segmentPath}/:id`,
    {
      config: { access: audience.permissions.delete },
      schema: {
        tags,
        summary: 'Stop and delete an Ad Audience',
        params: AudienceParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { workspaceId, segmentId, id } = req.params;
      await audienceOf(ctx, workspaceId, segmentId, id);
      await deleteItem(ctx, actorOf(req), workspaceId, audience, id);
      return reply.code(204).send(null);
    },
  );
}
