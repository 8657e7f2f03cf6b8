import { type Static, Type } from 'typebox';
import { Timestamp } from '../../http/schemas.js';

export const Person = Type.Object({
  cioId: Type.String({ description: 'Generated and immutable; the Track API names it cio_<cioId>' }),
  id: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Person = Static<typeof Person>;

/** A push device of a person, added by the Track API (a token belongs to one person of the workspace). */
export const Device = Type.Object({
  token: Type.String(),
  platform: Type.String({ description: 'ios or android' }),
  lastUsed: Type.Union([Timestamp, Type.Null()]),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Device = Static<typeof Device>;

/** One person as GET …/people/{cioId} answers: with their devices. */
export const PersonDetail = Type.Object({ ...Person.properties, devices: Type.Array(Device) });
export type PersonDetail = Static<typeof PersonDetail>;

const Email = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]);
const ExternalId = Type.Union([Type.String({ minLength: 1, maxLength: 150 }), Type.Null()]);
const Attributes = Type.Record(Type.String({ maxLength: 150 }), Type.Unknown(), {
  description: 'null removes an attribute',
});

export const PersonInput = Type.Object(
  { id: Type.Optional(ExternalId), email: Type.Optional(Email), attributes: Type.Optional(Attributes) },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

/** The Track API's identify body: `email` and `id` are identifiers, every other key an attribute. */
export const IdentifyBody = Type.Record(Type.String({ maxLength: 150 }), Type.Unknown(), {
  description:
    'Attributes to set (null removes one); email and id update those identifiers under the workspace’s rules',
});

export const PeopleQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
    cursor: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    id: Type.Optional(Type.String()),
  },
  {
    additionalProperties: Type.String(),
    description: 'Any other parameter attr.<name>=<value> filters on an attribute (equality, as text)',
  },
);
export type PeopleQuery = Static<typeof PeopleQuery>;
