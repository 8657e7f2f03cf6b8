import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { invalid } from '../../shared/errors.js';
import type { KeyHolder } from '../api-keys/service.js';
import { IdentifyBody, Person } from '../people/schemas.js';
import { checkAttributes, orThrow } from './limits.js';
import type { EventInput, TrackOperation } from './operations.js';
import { applyOne, Empty, Queued, v1Answers } from './v1-answers.js';
import { identifyCalls, isQueued } from './v1-identify.js';

const IdentifierParams = Type.Object({ identifier: Type.String({ minLength: 1, maxLength: 300 }) });
const tags = ['Track API'];

const EventFields = {
  name: Type.String({
    minLength: 1,
    description: 'At most 100 bytes; a page view’s, its URL, at most 1000 (checked by limits.ts)',
  }),
  data: Type.Optional(Type.Record(Type.String({ maxLength: 150 }), Type.Unknown())),
  type: Type.Optional(
    Type.Enum(['event', 'page', 'screen'], { description: 'page: a page view, named by its URL' }),
  ),
  timestamp: Type.Optional(Type.Number({ description: 'When it happened, in Unix seconds' })),
  id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 150,
      description: 'Your id for the event: sent twice, kept once',
    }),
  ),
};
// Other fields are ignored, as Customer.io ignores them (senders add their own, like `context`).
const EventBody = Type.Object(EventFields);
const AnonymousEventBody = Type.Object({
  ...EventFields,
  anonymous_id: Type.Optional(Type.String({ maxLength: 300 })),
});
const DeviceBody = Type.Object(
  {
    device: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 1000, description: 'The push token' }),
        platform: Type.Enum(['ios', 'android']),
        last_used: Type.Optional(Type.Number({ description: 'Unix seconds' })),
        attributes: Type.Optional(Type.Record(Type.String({ maxLength: 150 }), Type.Unknown())),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

function eventOf(body: {
  name: string;
  data?: Record<string, unknown>;
  type?: string;
  timestamp?: number;
  id?: string;
}): EventInput {
  return {
    name: body.name,
    type: (body.type ?? 'event') as EventInput['type'],
    data: body.data ?? {},
    ...(body.timestamp !== undefined && { timestamp: body.timestamp }),
    ...(body.id !== undefined && { id: body.id }),
  };
}

/**
 * Customer.io's v1 Track API, per workspace, with a Track API key (HTTP Basic site_id:api_key):
 * each request read into an operation (operations.ts) and handed to the one applier. Writes
 * answer 200 `{}` as Customer.io does (identify: the person, a superset its clients ignore), 202
 * `{queued: true}` while the workspace revalidates its identifiers.
 */
export function trackRoutes(app: App, ctx: AppContext): void {
  const identify = identifyCalls(ctx);

  const apply = (reply: FastifyReply, key: KeyHolder, op: TrackOperation) => applyOne(ctx, key, op, reply);
  const answers = v1Answers;

  app.put(
    '/api/v1/customers/:identifier',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Identify: create or update the person named by cio_<cio_id>, an email or an id',
        description: 'A suppressed person is not identified: the call answers 200 {} and changes nothing.',
        params: IdentifierParams,
        body: IdentifyBody,
        response: { 200: Type.Union([Person, Empty]), 202: Queued, ...problems(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      orThrow(checkAttributes(req.body, 'attributes')); // Customer.io's limits, as v2's (limits.ts)
      const result = await identify(req.trackKey!, req.params.identifier, req.body);
      if (isQueued(result)) return reply.code(202).send(result);
      // 200 whether the person was created or updated, as the Track API answers (api.md).
      return reply.code(200).send(result);
    },
  );

  app.delete(
    '/api/v1/customers/:identifier',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Delete a person, with their events and devices',
        params: IdentifierParams,
        response: answers(400, 401, 404),
      },
    },
    (req, reply) =>
      apply(reply, req.trackKey!, {
        type: 'person',
        action: 'delete',
        person: { path: req.params.identifier },
      }),
  );

  app.post(
    '/api/v1/customers/:identifier/events',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Record an event, a page view (type page, named by the URL) or a screen view for a person',
        params: IdentifierParams,
        body: EventBody,
        response: answers(400, 401, 404),
      },
    },
    (req, reply) =>
      apply(reply, req.trackKey!, {
        type: 'person',
        action: 'event',
        person: { path: req.params.identifier },
        event: eventOf(req.body),
      }),
  );

  for (const action of ['suppress', 'unsuppress'] as const) {
    app.post(
      `/api/v1/customers/:identifier/${action}`,
      {
        config: { access: 'track_key' },
        schema: {
          tags,
          summary:
            action === 'suppress'
              ? 'Suppress a person: they are deleted, and identify calls for their identifiers are ignored until unsuppressed'
              : 'Unsuppress a person’s identifiers: they may be identified again (the person is not restored)',
          params: IdentifierParams,
          response: answers(400, 401),
        },
      },
      (req, reply) =>
        apply(reply, req.trackKey!, { type: 'person', action, person: { path: req.params.identifier } }),
    );
  }

  app.put(
    '/api/v1/customers/:identifier/devices',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Add or update a person’s device (a token belongs to one person: it moves to this one)',
        params: IdentifierParams,
        body: DeviceBody,
        response: answers(400, 401, 404),
      },
    },
    (req, reply) => {
      const { id, platform, last_used, attributes } = req.body.device;
      return apply(reply, req.trackKey!, {
        type: 'person',
        action: 'add_device',
        person: { path: req.params.identifier },
        device: {
          token: id,
          platform,
          attributes: attributes ?? {},
          ...(last_used !== undefined && { lastUsed: last_used }),
        },
      });
    },
  );

  app.delete(
    '/api/v1/customers/:identifier/devices/:token',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Remove a device from a person',
        params: Type.Object({
          ...IdentifierParams.properties,
          token: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: answers(400, 401, 404),
      },
    },
    (req, reply) =>
      apply(reply, req.trackKey!, {
        type: 'person',
        action: 'delete_device',
        person: { path: req.params.identifier },
        token: req.params.token,
      }),
  );

  app.post(
    '/api/v1/events',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary:
          'Record an anonymous event: it becomes the person’s when an identify sets anonymous_id to its own',
        body: AnonymousEventBody,
        response: answers(400, 401),
      },
    },
    (req, reply) => {
      // Without an anonymous id, an event is an invite: Customer.io needs its recipient.
      if (req.body.anonymous_id === undefined && typeof req.body.data?.recipient !== 'string')
        throw invalid('/anonymous_id', 'an event needs anonymous_id, or data.recipient for an invite event');
      return apply(reply, req.trackKey!, {
        type: 'anonymous',
        action: 'event',
        anonymousId: req.body.anonymous_id ?? '',
        event: eventOf(req.body),
      });
    },
  );

  app.get(
    '/api/v1/accounts/region',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary: 'Where to send Track API calls: this installation’s URL (Customer.io’s account region)',
        response: {
          200: Type.Object({ url: Type.String(), region: Type.String(), environment_id: Type.String() }),
          ...problems(401),
        },
      },
    },
    async (req) => ({ url: ctx.config.publicUrl, region: 'us', environment_id: req.trackKey!.workspaceId }),
  );
}
