import { type Static, Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';

const AccountId = Type.String({ minLength: 1, maxLength: 64, description: 'The target account id (acc_…)' });
const Email = Type.String({ format: 'email', maxLength: 254, description: 'An Account Admin of the target' });

/**
 * Either the target account's id or the address of one of its Account Admins, not both. One object
 * with both optional (not a union): a union's refusal lists every branch's complaint at once.
 */
export const StartTransferBody = Type.Object(
  { targetAccountId: Type.Optional(AccountId), targetAdminEmail: Type.Optional(Email) },
  { additionalProperties: false },
);
export type StartTransferBody = Static<typeof StartTransferBody>;

export const TransferParams = Type.Object({ transferId: Type.String({ maxLength: 64 }) });

const AccountRef = Type.Object({ id: Type.String(), name: Type.String() });

export const Transfer = Type.Object({
  id: Type.String(),
  status: Type.Enum(['pending', 'moving', 'done', 'declined', 'cancelled', 'expired'], {
    description: 'pending: offered; moving: accepted, its history is being moved; then done',
  }),
  /** Which side the reader is on. */
  direction: Type.Enum(['outgoing', 'incoming']),
  workspace: Type.Object({ id: Type.String(), name: Type.String() }),
  sourceAccount: AccountRef,
  targetAccount: AccountRef,
  createdByName: Type.String(),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  decidedAt: NullableTimestamp,
  finishedAt: NullableTimestamp,
  progress: Type.Union([Type.Object({ done: Type.Integer(), total: Type.Integer() }), Type.Null()], {
    description: 'While moving (and once done): rows of history moved so far, of how many',
  }),
  stalled: Type.Boolean({
    description:
      'Moving, but its job failed (gave up retrying): either side’s Account Admin may retry the move',
  }),
  revokedApiKeys: Type.Integer({ description: 'API keys revoked on acceptance' }),
  nextSteps: Type.Union([Type.String(), Type.Null()], {
    description: 'What the target should do next, in words (create new API keys)',
  }),
});
export type Transfer = Static<typeof Transfer>;
