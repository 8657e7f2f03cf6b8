import { type Static, Type } from 'typebox';
import { Id, NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { WorkspaceRole } from '../workspaces/schemas.js';

/** How long a grant may last at most, from the moment it is made. */
export const MAX_GRANT_MS = 7 * 24 * 60 * 60 * 1000;
/** How long the operator's sign-in link works. */
export const LINK_TTL_MS = 10 * 60 * 1000;

export const CreateGrantBody = Type.Object(
  {
    workspaceIds: Type.Union(
      [Type.Literal('all'), Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 1000 })],
      { description: '"all": every workspace of the account, including ones created later' },
    ),
    role: WorkspaceRole,
    hideAttributes: Type.Boolean({ default: false, description: 'Authors and Viewers only' }),
    expiresAt: Type.String({ format: 'date-time', description: 'In the future, at most 7 days from now' }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type CreateGrantBody = Static<typeof CreateGrantBody>;

export const SupportSession = Type.Object({
  id: Type.String(),
  agent: Type.String(),
  reason: Type.String(),
  startedAt: Timestamp,
  endsAt: Timestamp,
  endedAt: NullableTimestamp,
});

export const SupportGrant = Type.Object({
  id: Id('grt'),
  workspaces: Type.Union([
    Type.Literal('all'),
    Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  ]),
  role: WorkspaceRole,
  hideAttributes: Type.Boolean(),
  reason: Type.String(),
  expiresAt: Timestamp,
  createdAt: Timestamp,
  createdBy: Type.String(),
  revokedAt: NullableTimestamp,
  revokedBy: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  sessions: Type.Array(SupportSession, {
    description: 'The sessions started inside the grant, newest first',
  }),
});
export type SupportGrant = Static<typeof SupportGrant>;

export const SignInBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
