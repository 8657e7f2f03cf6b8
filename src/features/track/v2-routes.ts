import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { DomainError, type ErrorCode, type FieldError, invalid } from '../../shared/errors.js';
import { applyOperations } from './apply.js';
import { fieldOfPointer } from './limits.js';
import type { OperationOutcome, TrackOperation } from './operations.js';
import { BATCH_MAX_BYTES, OPERATION_MAX_BYTES, type V2Problem } from './v2-limits.js';
import { readOperation } from './v2-read.js';

/**
 * Customer.io's Track API v2: `POST /api/v2/entity` (one operation) and `POST /api/v2/batch`
 * (`{batch: [...]}`), under a Track key. Each operation is read into a TrackOperation (v2-read.ts)
 * and all of them, in order, go to the one applier. Answers as Customer.io's: 200 `{}` when every
 * operation was taken (applied, or queued while the workspace revalidates its identifiers); a
 * batch with operations refused answers 207 `{errors: [{batch_index, reason, field, message}]}`
 * and keeps the others; an entity refused answers its problem, listing `errors: [{reason, field,
 * message}]` beside our problem members and Customer.io's `meta.error`.
 */

/** One refused operation, as Customer.io reports it. */
interface OperationError {
  reason: string;
  field: string;
  message: string;
}

const OperationErrorSchema = Type.Object({
  batch_index: Type.Integer({ minimum: 0 }),
  reason: Type.String(),
  field: Type.String(),
  message: Type.String(),
});

const operationsDoc =
  'Operations as Customer.io’s Track API v2 takes them. People: `{type: "person", identifiers: {id|email|cio_id}, action, …}` with action identify (attributes, cio_relationships), delete, event, page, screen (name, attributes, timestamp, id; identifiers {anonymous_id} for someone not identified yet), add_device (device {token, platform, last_used, attributes}), delete_device (device {token}), suppress, unsuppress, merge (primary, secondary), add_relationships and delete_relationships (cio_relationships [{identifiers: {object_type_id, object_id}, relationship_attributes}]). Objects: `{type: "object", identifiers: {object_type_id, object_id}, action: identify|delete|add_relationships|delete_relationships, attributes, cio_relationships}`; object_type_id is the type’s number (1, 2, … in the order types were created) or its id (ot_…). Deliveries: `{type: "delivery", action: "event", identifiers: {id: <delivery id>}, name: opened|converted|delivered, attributes: {device_token}, timestamp}` counts a metric of a push or in-app delivery, as POST /api/v1/push/events; a delivery this workspace does not have is ignored, as Customer.io answers.';

/** Where a field is, as a JSON pointer: `cio_relationships[0].identifiers` → `/cio_relationships/0/identifiers`. */
const pointer = (field: string): string =>
  field === ''
    ? '/'
    : `/${field
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .join('/')}`;

/**
 * What the applier's refusal says, as an operation error; the field it names, or the one its
 * pointer or its code points at.
 */
function refusal(error: DomainError): OperationError {
  const pointed = error.extra.errors?.[0]?.path;
  const field =
    typeof error.extra.field === 'string'
      ? error.extra.field
      : error.code === 'not_found' ||
          error.code.startsWith('identifier') ||
          error.code === 'not_an_identifier'
        ? 'identifiers'
        : pointed
          ? fieldOfPointer(pointed)
          : '';
  return { reason: error.code, field, message: error.detail };
}

const isRefusal = (outcome: OperationOutcome): outcome is DomainError => outcome instanceof DomainError;

/** An entity's refusal: our problem, with Customer.io's list of errors (and meta.error, problems.ts). */
function entityProblem(code: ErrorCode, error: OperationError): DomainError {
  const listed: FieldError & OperationError = { path: pointer(error.field), ...error };
  return new DomainError(code, error.message, { errors: [listed] });
}

const fromRead = (problem: V2Problem): OperationError => problem;

export function trackV2Routes(app: App, ctx: AppContext): void {
  const tags = ['Track API'];

  app.post(
    '/api/v2/entity',
    {
      config: { access: 'track_key' },
      bodyLimit: OPERATION_MAX_BYTES,
      schema: {
        tags,
        summary: 'Track API v2: one operation on a person, an object or a delivery',
        description: `${operationsDoc} The request may be at most 32 KB.`,
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: Type.Object({}), ...problems(400, 401, 404, 409, 413) },
      },
    },
    async (req, reply) => {
      const read = readOperation(req.body);
      if ('problem' in read) throw entityProblem('invalid', fromRead(read.problem));
      const [outcome] = await applyOperations(ctx, req.trackKey!, [read.op]);
      if (outcome && isRefusal(outcome)) throw entityProblem(outcome.code, refusal(outcome));
      return reply.code(200).send({});
    },
  );

  app.post(
    '/api/v2/batch',
    {
      // Text PostgreSQL cannot store refuses its operation, not the batch (v2-read.ts).
      config: { access: 'track_key', checksStorableText: true },
      bodyLimit: BATCH_MAX_BYTES,
      // Before validation: the API's Ajv reads a lone value as a one-item array ("x" → ["x"]),
      // and a batch that is not an array is no batch.
      preValidation: async (req) => {
        const batch = (req.body as { batch?: unknown } | undefined)?.batch;
        if (!Array.isArray(batch))
          throw invalid(
            '/batch',
            batch === undefined ? 'batch is required' : 'batch must be an array of operations',
          );
      },
      schema: {
        tags,
        summary: 'Track API v2: many operations on people, objects and deliveries, applied in order',
        description: `${operationsDoc} The request must be smaller than 500 KB, each operation at most 32 KB. Operations refused are listed in a 207 answer by their index in the batch; the others are applied.`,
        body: Type.Object(
          {
            batch: Type.Array(Type.Unknown(), { description: 'The operations, in the order to apply them' }),
          },
          { additionalProperties: true },
        ),
        response: {
          200: Type.Object({}),
          207: Type.Object({ errors: Type.Array(OperationErrorSchema) }),
          ...problems(400, 401, 413),
        },
      },
    },
    async (req, reply) => {
      const errors: (OperationError & { batch_index: number })[] = [];
      const ops: TrackOperation[] = [];
      const indexOf: number[] = [];
      req.body.batch.forEach((raw, index) => {
        const read = readOperation(raw);
        if ('problem' in read) errors.push({ batch_index: index, ...fromRead(read.problem) });
        else {
          ops.push(read.op);
          indexOf.push(index);
        }
      });
      const outcomes = ops.length > 0 ? await applyOperations(ctx, req.trackKey!, ops) : [];
      outcomes.forEach((outcome, i) => {
        if (isRefusal(outcome)) errors.push({ batch_index: indexOf[i]!, ...refusal(outcome) });
      });
      if (errors.length === 0) return reply.code(200).send({});
      errors.sort((a, b) => a.batch_index - b.batch_index);
      return reply.code(207).send({ errors });
    },
  );
}
