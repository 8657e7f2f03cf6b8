import { type Static, Type } from 'typebox';
import { accountRoles } from '../../access/roles.js';
import type { RoleAssignment } from '../../access/subject.js';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { NewPassword } from '../security/password-policy.js';
import { WorkspaceRole } from '../workspaces/schemas.js';
import type { MemberRow } from './store.js';

export const AccountRole = Type.Enum(accountRoles);
export const MemberStatus = Type.Enum(['active', 'invited', 'expired', 'deactivated']);

export const MemberPermissions = Type.Object(
  {
    billing: Type.Boolean({ description: 'Access billing & account info' }),
    apiCredentials: Type.Boolean({ description: 'Manage API credentials' }),
    supportAccess: Type.Boolean({ description: 'Enable access for support teams' }),
  },
  { additionalProperties: false },
);

const EmailVerified = Type.Boolean({
  description: 'A link emailed to this address was used (sign-up confirmation, invitation, password reset)',
});

/** A member as sign-up, login and GET /api/me show them. */
export const Member = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  emailVerified: EmailVerified,
  accountRole: AccountRole,
  permissions: MemberPermissions,
  status: MemberStatus,
  twoFactorEnabled: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: NullableTimestamp,
});
export type Member = Static<typeof Member>;

/** `twoFactorEnabled` comes from two-factor/store.ts (hasSecondFactorSql); a new member has none. */
export function toMember(row: MemberRow, twoFactorEnabled = false): Member {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    accountRole: row.accountRole,
    permissions: flagsOf(row),
    status: row.status,
    twoFactorEnabled,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

/** The Member flags (product.md §2) of a member row. */
export function flagsOf(row: Pick<MemberRow, 'canBilling' | 'canApiCredentials' | 'canSupportAccess'>) {
  return {
    billing: row.canBilling,
    apiCredentials: row.canApiCredentials,
    supportAccess: row.canSupportAccess,
  };
}

/** The member's role in every workspace ("All"), if any. */
export function allWorkspacesOf(
  row: Pick<MemberRow, 'allWorkspacesRole' | 'allWorkspacesHideAttributes'>,
): RoleAssignment | null {
  return row.allWorkspacesRole
    ? { role: row.allWorkspacesRole, hideAttributes: row.allWorkspacesHideAttributes }
    : null;
}

const RoleInWorkspace = Type.Object(
  {
    workspaceId: Type.String(),
    role: WorkspaceRole,
    hideAttributes: Type.Optional(Type.Boolean({ description: 'Authors and Viewers only' })),
  },
  { additionalProperties: false },
);

export const WorkspaceAccessInput = Type.Union([
  Type.Object(
    {
      mode: Type.Literal('all'),
      role: WorkspaceRole,
      hideAttributes: Type.Optional(Type.Boolean({ description: 'Authors and Viewers only' })),
    },
    { additionalProperties: false, description: 'The same role in every workspace, present and future' },
  ),
  Type.Object(
    { mode: Type.Literal('custom'), roles: Type.Array(RoleInWorkspace, { maxItems: 1000 }) },
    { additionalProperties: false, description: 'A role per workspace; workspaces not listed: no access' },
  ),
]);
export type WorkspaceAccessInput = Static<typeof WorkspaceAccessInput>;

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Email = Type.String({ format: 'email', maxLength: 254 });

export const InviteBody = Type.Object(
  {
    firstName: Name,
    lastName: Name,
    email: Email,
    accountRole: Type.Optional(AccountRole),
    permissions: Type.Optional(Type.Partial(MemberPermissions)),
    workspaceAccess: Type.Optional(WorkspaceAccessInput),
  },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;

export const UpdateMemberBody = Type.Object(
  {
    firstName: Type.Optional(Name),
    lastName: Type.Optional(Name),
    email: Type.Optional(Email),
    accountRole: Type.Optional(AccountRole),
    permissions: Type.Optional(Type.Partial(MemberPermissions)),
    workspaceAccess: Type.Optional(WorkspaceAccessInput),
    currentPassword: Type.Optional(
      Type.String({
        maxLength: 256,
        description:
          "The caller's own current password: required whenever the email changes (their own or, for an Account Admin, anyone's)",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const BulkRolesBody = Type.Object(
  {
    memberIds: Type.Array(Type.String(), { minItems: 1, maxItems: 300, uniqueItems: true }),
    workspaceIds: Type.Array(Type.String(), { minItems: 1, maxItems: 1000, uniqueItems: true }),
    role: Type.Union([WorkspaceRole, Type.Null()], { description: 'null removes access' }),
    hideAttributes: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type BulkRolesBody = Static<typeof BulkRolesBody>;

export const TeamMember = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  emailVerified: EmailVerified,
  accountRole: AccountRole,
  permissions: MemberPermissions,
  workspaceAccess: Type.Union([
    Type.Object({ mode: Type.Literal('all'), role: WorkspaceRole, hideAttributes: Type.Boolean() }),
    Type.Object({ mode: Type.Literal('custom') }),
  ]),
  workspaces: Type.Array(
    Type.Object({
      workspaceId: Type.String(),
      workspaceName: Type.String(),
      role: WorkspaceRole,
      hideAttributes: Type.Boolean(),
    }),
  ),
  status: MemberStatus,
  twoFactorEnabled: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: Type.Union([Timestamp, Type.Null()], {
    description: 'null before the first login ("Invite sent")',
  }),
  inviteSentAt: Type.Union([Timestamp, Type.Null()]),
  inviteExpiresAt: Type.Union([Timestamp, Type.Null()]),
});
export type TeamMember = Static<typeof TeamMember>;

export const InvitationView = Type.Object({
  accountName: Type.String(),
  inviterName: Type.String(),
  email: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  workspaces: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: WorkspaceRole })),
  expiresAt: Timestamp,
  singleSignOn: Type.Union([Type.Literal('offered'), Type.Literal('enforced'), Type.Null()], {
    description:
      'The account has single sign-on: accept through it (GET /api/sso/start?invitation=<token>); when ' +
      'enforced, accepting with a password is refused (403 sso_required)',
  }),
  trialToCancel: Type.Union(
    [
      Type.Object({
        accountName: Type.String(),
        passwordRequired: Type.Boolean({
          description:
            'true: accept with cancelTrial: {password} (the trial’s password). false: the trial never ' +
            'confirmed the address and this link went to the address alone (recipient-only), so accepting ' +
            'proves it and drops the trial, no password needed',
        }),
      }),
      Type.Null(),
    ],
    { description: 'The address still belongs to this trial account, which accepting cancels' },
  ),
});

export const AcceptBody = Type.Object(
  {
    firstName: Name,
    lastName: Name,
    password: NewPassword(),
    marketingOptIn: Type.Boolean(),
    cancelTrial: Type.Optional(
      Type.Object(
        { password: Type.String({ maxLength: 256 }) },
        {
          additionalProperties: false,
          description: 'Cancel the trial account that holds this address; its password proves it is yours',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AcceptBody = Static<typeof AcceptBody>;
