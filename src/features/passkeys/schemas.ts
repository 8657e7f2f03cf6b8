import { type Static, Type } from 'typebox';
import { Id, NullableTimestamp, Timestamp } from '../../http/schemas.js';

/** base64url as WebAuthn's JSON carries bytes (a trailing `=` tolerated). */
const base64url = (maxLength: number) => Type.String({ maxLength, pattern: '^[A-Za-z0-9_-]*={0,2}$' });

// Browsers and libraries add fields over time (publicKey, publicKeyAlgorithm …): the inner objects
// keep what they do not know, which the checks ignore.
const open = { additionalProperties: true } as const;

/** What @simplewebauthn/browser's startRegistration() answers (RegistrationResponseJSON). */
export const RegistrationResponse = Type.Object(
  {
    id: base64url(1024),
    rawId: base64url(1024),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: base64url(8192),
        attestationObject: base64url(32_768),
        transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
      },
      open,
    ),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
    clientExtensionResults: Type.Object({}, open),
  },
  { additionalProperties: false },
);
export type RegistrationResponse = Static<typeof RegistrationResponse>;

/** What @simplewebauthn/browser's startAuthentication() answers (AuthenticationResponseJSON). */
export const AuthenticationResponse = Type.Object(
  {
    id: base64url(1024),
    rawId: base64url(1024),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: base64url(8192),
        authenticatorData: base64url(8192),
        signature: base64url(2048),
        userHandle: Type.Optional(base64url(512)),
      },
      open,
    ),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
    clientExtensionResults: Type.Object({}, open),
  },
  {
    additionalProperties: false,
    description:
      'The answer of navigator.credentials.get() as JSON (@simplewebauthn/browser startAuthentication), to a challenge of POST /api/session/passkey-options',
  },
);
export type AuthenticationResponse = Static<typeof AuthenticationResponse>;

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'A name to tell your passkeys apart' });

export const CreatePasskeyBody = Type.Object(
  { name: Name, response: RegistrationResponse },
  { additionalProperties: false },
);

export const RenamePasskeyBody = Type.Object({ name: Name }, { additionalProperties: false });

export const PasskeyParams = Type.Object({ passkeyId: Id('pky') });

export const Passkey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
  backedUp: Type.Boolean({
    description: 'The passkey is synced beyond its device (a password manager, a cloud keychain)',
  }),
});

/** Options for navigator.credentials.create() / .get(), as @simplewebauthn/browser takes them (optionsJSON). */
export const WebAuthnOptions = Type.Object({ challenge: Type.String() }, { additionalProperties: true });

export const PasskeySignInBody = Type.Object(
  { response: AuthenticationResponse },
  { additionalProperties: false },
);
