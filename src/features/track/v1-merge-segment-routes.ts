import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { DomainError, invalid } from '../../shared/errors.js';
import type { KeyHolder } from '../api-keys/service.js';
import { applyOperations } from './apply.js';
import type { PersonRef, TrackOperation } from './operations.js';

/** Customer.io's limit on the people one add_customers or remove_customers names. */
export const MAX_SEGMENT_IDS = 1000;

const Identifier = Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Number()]);

/** A person named by one of Customer.io's identifier types. */
const PersonIdentifiers = Type.Object(
  {
    id: Type.Optional(Identifier),
    email: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    cio_id: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { description: 'Exactly one of id, email or cio_id' },
);
type PersonIdentifiers = { id?: string | number; email?: string; cio_id?: string };

const MergeBody = Type.Object({
  primary: PersonIdentifiers,
  secondary: PersonIdentifiers,
});

const SegmentParams = Type.Object({ segmentId: Type.String({ minLength: 1, maxLength: 100 }) });
type IdType = 'id' | 'email' | 'cio_id';
const SegmentQuery = Type.Object({
  id_type: Type.Optional(
    Type.Union([Type.Literal('id'), Type.Literal('email'), Type.Literal('cio_id')], {
      description: 'What the ids are: id (the default), email or cio_id',
    }),
  ),
});
const SegmentBody = Type.Object({
  ids: Type.Array(Identifier, { minItems: 1, maxItems: MAX_SEGMENT_IDS }),
});

const Done = Type.Object({}, { description: 'Applied (Customer.io answers 200 {})' });
const Queued = Type.Object(
  { queued: Type.Literal(true) },
  {
    description:
      'The workspace is revalidating its identifiers: the call is queued and applied after, in order',
  },
);

/** The reference an identifiers object makes: exactly one of id, email, cio_id. */
function refOf(identifiers: PersonIdentifiers, path: string): PersonRef {
  const given = (['id', 'email', 'cio_id'] as const).filter((k) => identifiers[k] !== undefined);
  if (given.length !== 1) throw invalid(path, 'name the person by exactly one of id, email or cio_id');
  if (identifiers.email !== undefined) return { email: identifiers.email };
  if (identifiers.cio_id !== undefined) return { cio_id: identifiers.cio_id };
  return { id: String(identifiers.id) };
}

const refFor = (idType: IdType, value: string | number): PersonRef =>
  idType === 'email'
    ? { email: String(value) }
    : idType === 'cio_id'
      ? { cio_id: String(value) }
      : { id: String(value) };

/** Hands one operation to the applier and answers as Customer.io does: 200 {}, or 202 while queued. */
async function applyOne(ctx: AppContext, key: KeyHolder, op: TrackOperation, reply: FastifyReply) {
  const [outcome] = await applyOperations(ctx, key, [op]);
  if (outcome instanceof DomainError) throw outcome;
  if (outcome && 'queued' in outcome) return reply.code(202).send({ queued: true });
  return reply.code(200).send({});
}

/** Customer.io's v1 merge_customers and manual segment membership, with a Track API key. */
export function trackMergeSegmentRoutes(app: App, ctx: AppContext): void {
  const tags = ['Track API'];

  app.post(
    '/api/v1/merge_customers',
    {
      config: { access: 'track_key' },
      schema: {
        tags,
        summary:
          'Merge the secondary person into the primary: the primary keeps its values, fills the rest from the secondary, and the secondary is deleted',
        body: MergeBody,
        response: { 200: Done, 202: Queued, ...problems(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const op: TrackOperation = {
        type: 'person',
        action: 'merge',
        primary: refOf(req.body.primary, '/primary'),
        secondary: refOf(req.body.secondary, '/secondary'),
      };
      return applyOne(ctx, req.trackKey!, op, reply);
    },
  );

  for (const [path, action, summary] of [
    ['add_customers', 'add_people', 'Add people to a manual segment (people who do not exist are ignored)'],
    ['remove_customers', 'remove_people', 'Remove people from a manual segment'],
  ] as const) {
    app.post(
      `/api/v1/segments/:segmentId/${path}`,
      {
        config: { access: 'track_key' },
        schema: {
          tags,
          summary,
          params: SegmentParams,
          querystring: SegmentQuery,
          body: SegmentBody,
          response: { 200: Done, 202: Queued, ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const idType = req.query.id_type ?? 'id';
        const op: TrackOperation = {
          type: 'segment',
          action,
          segmentId: req.params.segmentId,
          people: req.body.ids.map((value) => refFor(idType, value)),
        };
        return applyOne(ctx, req.trackKey!, op, reply);
      },
    );
  }
}
