import { type Static, Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';

export const ApiKeyKind = Type.Enum(['track', 'app'], {
  description: 'track: Track API (site id + key, HTTP Basic); app: app API key (Bearer)',
});

export const CreateApiKeyBody = Type.Object(
  { kind: ApiKeyKind, name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })) },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const ApiKey = Type.Object({
  id: Type.String(),
  kind: ApiKeyKind,
  name: Type.String(),
  siteId: Type.Union([Type.String(), Type.Null()], { description: 'Track keys: the public site id' }),
  hint: Type.String({ description: 'Enough of the key to recognise it; never the secret' }),
  createdBy: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
});
export type ApiKey = Static<typeof ApiKey>;

export const CreatedApiKey = Type.Intersect([
  ApiKey,
  Type.Object({
    apiKey: Type.Optional(Type.String({ description: 'Track keys: the secret, shown this once' })),
    key: Type.Optional(Type.String({ description: 'App keys: the whole key, shown this once' })),
  }),
]);
