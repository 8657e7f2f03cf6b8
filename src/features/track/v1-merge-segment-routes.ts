import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { invalid } from '../../shared/errors.js';
import type { TrackOperation } from './operations.js';
import { readPersonRef, readRefValue } from './person-ref.js';
import { applyOne, v1Answers } from './v1-answers.js';

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

const MergeBody = Type.Object({
  primary: PersonIdentifiers,
  secondary: PersonIdentifiers,
});

const SegmentParams = Type.Object({ segmentId: Type.String({ minLength: 1, maxLength: 100 }) });
const SegmentQuery = Type.Object({
  id_type: Type.Optional(
    Type.Enum(['id', 'email', 'cio_id'], {
      description: 'What the ids are: id (the default), email or cio_id',
    }),
  ),
});
const SegmentBody = Type.Object({
  ids: Type.Array(Identifier, { minItems: 1, maxItems: MAX_SEGMENT_IDS }),
});

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
        response: v1Answers(400, 401, 404, 409),
      },
    },
    async (req, reply) => {
      const op: TrackOperation = {
        type: 'person',
        action: 'merge',
        primary: readPersonRef(req.body.primary, 'primary'),
        secondary: readPersonRef(req.body.secondary, 'secondary'),
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
        // Customer.io's words for ids that are not a list, before the schema's.
        preValidation: async (req) => {
          const ids = (req.body as { ids?: unknown } | undefined)?.ids;
          if (ids !== undefined && !Array.isArray(ids))
            throw invalid('/ids', 'ids must be a list of 1 to 1000 ids');
        },
        schema: {
          tags,
          summary,
          params: SegmentParams,
          querystring: SegmentQuery,
          body: SegmentBody,
          response: v1Answers(400, 401, 404),
        },
      },
      async (req, reply) => {
        const idType = req.query.id_type ?? 'id';
        const op: TrackOperation = {
          type: 'segment',
          action,
          segmentId: req.params.segmentId,
          // Each held to the identifier rules as `id_type` names it (400 naming `ids[i]`).
          people: req.body.ids.map((value, i) => readRefValue(idType, value, `ids[${i}]`)),
        };
        return applyOne(ctx, req.trackKey!, op, reply);
      },
    );
  }
}
