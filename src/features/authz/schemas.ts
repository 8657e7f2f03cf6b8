import { type Static, Type } from 'typebox';
import { accountPermissions, workspaceRules } from '../../access/catalog.js';
import { accountRoles, memberFlags, workspaceRoles } from '../../access/roles.js';

const permissionKeys = [...Object.keys(workspaceRules), ...Object.keys(accountPermissions)];
export const PermissionKey = Type.Enum(permissionKeys, { description: 'A key of GET /api/permissions' });

export const Check = Type.Object(
  {
    memberId: Type.String(),
    workspaceId: Type.Optional(
      Type.String({ description: 'The key’s own workspace (the default); a key answers for no other' }),
    ),
    permission: PermissionKey,
  },
  { additionalProperties: false },
);
export type Check = Static<typeof Check>;

export const CheckResult = Type.Object({ allowed: Type.Boolean(), reason: Type.String() });

export const CheckBatchBody = Type.Object(
  { checks: Type.Array(Check, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);

const Columns = Type.Object({
  workspace_admin: Type.Boolean(),
  author: Type.Boolean(),
  author_hidden_attributes: Type.Boolean(),
  viewer: Type.Boolean(),
});

export const Catalog = Type.Object({
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  workspacePermissions: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      action: Type.String({ description: 'What it lets one do, in words: "create segments"' }),
      product: Type.String(),
      category: Type.String(),
      source: Type.String({
        description: '"permissions.csv row N", or "Atrium" for rules the matrix leaves out',
      }),
      footnotes: Type.Array(Type.Integer()),
      allowed: Columns,
    }),
  ),
  accountPermissions: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      grantedTo: Type.String({
        description: 'Account Admins; every member; or Account Admins and Members with a flag',
      }),
    }),
  ),
  footnotes: Type.Record(Type.String(), Type.String()),
});

export const EffectivePermissions = Type.Object({
  memberId: Type.String(),
  workspaceId: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()], { description: 'The member’s column in that workspace' }),
  permissions: Type.Array(
    Type.Object({
      key: Type.String(),
      allowed: Type.Boolean(),
      reason: Type.String({ description: 'The rule that decided, for developers' }),
      explanation: Type.String({ description: 'The same in words, for the person: "Viewers can’t …"' }),
    }),
  ),
});

const Words = { label: Type.String(), description: Type.String() };

export const Vocabulary = Type.Object(
  {
    accountRoles: Type.Array(
      Type.Object({
        key: Type.Enum([...accountRoles]),
        ...Words,
        everyWorkspaceAs: Type.Union([Type.Enum([...workspaceRoles]), Type.Null()], {
          description: 'The role this account role holds in every workspace, present and future (null: none)',
        }),
      }),
    ),
    workspaceRoles: Type.Array(
      Type.Object({
        key: Type.Enum([...workspaceRoles]),
        ...Words,
        hideAttributes: Type.Boolean({ description: 'May carry the hide attributes flag' }),
      }),
    ),
    hideAttributes: Type.Object(Words),
    memberFlags: Type.Array(Type.Object({ key: Type.Enum([...memberFlags]), ...Words })),
  },
  { title: 'Vocabulary' },
);
