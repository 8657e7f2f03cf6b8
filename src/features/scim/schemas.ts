import { type Static, Type } from 'typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { WorkspaceRole } from '../workspaces/schemas.js';

export const ScimToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdBy: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
});
export type ScimToken = Static<typeof ScimToken>;

export const CreateScimTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type CreateScimTokenBody = Static<typeof CreateScimTokenBody>;

export const CreatedScimToken = Type.Intersect([
  ScimToken,
  Type.Object({ token: Type.String({ description: 'The bearer token, shown this once' }) }),
]);

export const ScimRoleMapping = Type.Object(
  {
    workspaceId: Type.String({
      description: 'A workspace id, or "all" for every workspace, present and future',
    }),
    role: WorkspaceRole,
    hideAttributes: Type.Boolean({ description: 'Authors and Viewers only' }),
  },
  { additionalProperties: false },
);

export const ScimGroup = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  externalId: Type.Union([Type.String(), Type.Null()]),
  memberCount: Type.Integer(),
  roles: Type.Array(ScimRoleMapping),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ScimGroup = Static<typeof ScimGroup>;

export const PutGroupRolesBody = Type.Object(
  { roles: Type.Array(ScimRoleMapping, { maxItems: 1000 }) },
  { additionalProperties: false },
);
export type PutGroupRolesBody = Static<typeof PutGroupRolesBody>;
