import { type Static, Type } from 'typebox';
import { Timestamp } from '../../http/schemas.js';
import { AuthenticationResponse } from '../passkeys/schemas.js';
import { NewPassword } from './password-policy.js';

export const SessionView = Type.Object({
  id: Type.String(),
  createdAt: Timestamp,
  lastSeenAt: Type.String({
    format: 'date-time',
    description: 'Last use, recorded at most once an hour (when the session is extended)',
  }),
  userAgent: Type.Union([Type.String(), Type.Null()], { description: 'The browser it was opened with' }),
  ipAddress: Type.Union([Type.String(), Type.Null()], {
    description: 'The client address it was opened from',
  }),
  current: Type.Boolean({ description: 'The session of this request' }),
});
export type SessionView = Static<typeof SessionView>;

export const SessionParams = Type.Object({ sessionId: Type.String({ maxLength: 100 }) });

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ maxLength: 256 }),
    newPassword: NewPassword(),
  },
  { additionalProperties: false },
);

export const ReauthenticateBody = Type.Object(
  {
    password: Type.Optional(Type.String({ maxLength: 256, description: 'Your password' })),
    totp: Type.Optional(Type.String({ maxLength: 20, description: 'A code of your authenticator app' })),
    recoveryCode: Type.Optional(Type.String({ maxLength: 40, description: 'One of your recovery codes' })),
    passkey: Type.Optional(AuthenticationResponse),
  },
  {
    additionalProperties: false,
    description:
      'Exactly one way to prove it is you: your password, a code of your authenticator app, a recovery ' +
      'code, or a passkey’s answer to POST /api/session/passkey-options',
  },
);
