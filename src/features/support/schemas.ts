import { type Static, Type } from 'typebox';
import { Id, NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { WorkspaceRole } from '../workspaces/schemas.js';

/** How long a grant may last at most, from the moment it is made. */
export const MAX_GRANT_MS = 7 * 24 * 60 * 60 * 1000;
/** How long the operator's sign-in link works. */
export const LINK_TTL_MS = 10 * 60 * 1000;

/**
 * Agent names and reasons go into email subjects and the log: one line of printable text (no
 * control characters or line breaks), not blank. A string pattern, so the schema and the CLI share it.
 */
export const ONE_LINE_PATTERN = '^(?!\\s*$)[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+$';
const oneLine = new RegExp(ONE_LINE_PATTERN);
export const isOneLine = (text: string) => oneLine.test(text);
export const AGENT_MAX = 200;
export const REASON_MAX = 500;

export const CreateGrantBody = Type.Object(
  {
    workspaceIds: Type.Union(
      [Type.Literal('all'), Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 1000 })],
      { description: '"all": every workspace of the account, including ones created later' },
    ),
    role: WorkspaceRole,
    hideAttributes: Type.Boolean({ default: false, description: 'Authors and Viewers only' }),
    expiresAt: Type.String({ format: 'date-time', description: 'In the future, at most 7 days from now' }),
    reason: Type.String({
      minLength: 1,
      maxLength: REASON_MAX,
      pattern: ONE_LINE_PATTERN,
      description: 'One line of text',
    }),
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
