import { Type } from 'typebox';
import { Page, Timestamp } from '../../http/schemas.js';

export const ActivityEntry = Type.Object({
  id: Type.String(),
  workspaceId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Object({
    memberId: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    ipAddress: Type.Union([Type.String(), Type.Null()], {
      description: 'The client address of the request that made the change',
    }),
  }),
  action: Type.String(),
  target: Type.Object({
    type: Type.String(),
    id: Type.String(),
    name: Type.Union([Type.String(), Type.Null()]),
  }),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  createdAt: Timestamp,
  summary: Type.String({
    description:
      'The entry as a sentence, with names in words ("Ada Lovelace changed Grace Hopper’s role in Staging from Viewer to Author"); hidden attributes stay hidden in it',
  }),
  changes: Type.Array(
    Type.Object({
      field: Type.String(),
      before: Type.Union([Type.String(), Type.Null()]),
      after: Type.Union([Type.String(), Type.Null()]),
    }),
    { description: 'What changed, a row per field, values in words ("Hidden" when masked)' },
  ),
});

export const ActivityKinds = Type.Array(
  Type.Object({ action: Type.String({ description: 'The value of ?action=' }), label: Type.String() }),
);

export const ActivityQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ description: 'nextCursor of the previous page' })),
    action: Type.Optional(Type.String({ description: 'e.g. workspace.settings_changed' })),
    targetId: Type.Optional(Type.String()),
    actorMemberId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ActivityPage = Page(ActivityEntry);
