import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { problems } from '../../http/schemas.js';
import { DomainError } from '../../shared/errors.js';
import type { KeyHolder } from '../api-keys/service.js';
import { applyOperations } from './apply.js';
import type { TrackOperation } from './operations.js';

// How the v1 Track API answers a write (all but identify, which answers the person): Customer.io's
// 200 `{}`, 202 `{queued: true}` while the workspace revalidates, or the operation's refusal.

export const Queued = Type.Object(
  { queued: Type.Literal(true) },
  {
    description:
      'The workspace is revalidating its identifiers: the call is queued and applied after, in order',
  },
);
export const Empty = Type.Object({}, { description: 'Done (Customer.io’s answer to every v1 write)' });

/** The responses of a v1 write: 200 `{}`, 202 queued, and these problems. */
export const v1Answers = (...codes: Parameters<typeof problems>) => ({
  200: Empty,
  202: Queued,
  ...problems(...codes),
});

/** One operation through the applier, answered as Customer.io does. */
export async function applyOne(ctx: AppContext, key: KeyHolder, op: TrackOperation, reply: FastifyReply) {
  const [outcome] = await applyOperations(ctx, key, [op]);
  if (outcome instanceof DomainError) throw outcome;
  if (outcome && 'queued' in outcome) return reply.code(202).send({ queued: true });
  return reply.code(200).send({});
}
