import type { FastifyInstance } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { errorCodes } from '../shared/errors.js';

/** Schemas shared by many routes. */

export const Id = (prefix: string, options: { title?: string } = {}) =>
  Type.String({
    pattern: `^${prefix}_[0-9a-z]{26}$`,
    description: `An id starting with ${prefix}_`,
    ...options,
  });

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: `One of: ${Object.keys(errorCodes).join(', ')}` }),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details (application/problem+json)' },
);

export const WorkspaceParams = Type.Object({ workspaceId: Type.String() });

export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** A page of a keyset-paginated list (shared/pagination.ts): its items and the next page's cursor, null on the last. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/**
 * Problem, declared once for every route (registerSharedSchemas): the API document holds it once
 * as components.schemas.Problem, and each error answer refers to it.
 */
const ProblemRef = Type.Unsafe<Static<typeof Problem>>({ $ref: 'Problem#' });

export function registerSharedSchemas(app: FastifyInstance): void {
  app.addSchema({ $id: 'Problem', title: 'Problem', ...Problem });
}

/** The error responses a route can give, for the API document. */
export function problems(...statuses: number[]): Record<number, typeof ProblemRef> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemRef]));
}
