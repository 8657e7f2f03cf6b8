import { type Static, Type } from 'typebox';
import { accountRoles } from '../../access/roles.js';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';
import type { MemberRow } from './store.js';

export const AccountRole = Type.Enum(accountRoles);

export const MemberPermissions = Type.Object({
  billing: Type.Boolean({ description: 'Access billing & account info' }),
  apiCredentials: Type.Boolean({ description: 'Manage API credentials' }),
  supportAccess: Type.Boolean({ description: 'Enable access for support teams' }),
});

export const Member = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  accountRole: AccountRole,
  permissions: MemberPermissions,
  status: Type.Enum(['active', 'invited', 'expired']),
  twoFactorEnabled: Type.Boolean(),
  createdAt: Timestamp,
  lastLoginAt: NullableTimestamp,
});
export type Member = Static<typeof Member>;

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    accountRole: row.accountRole,
    permissions: {
      billing: row.canBilling,
      apiCredentials: row.canApiCredentials,
      supportAccess: row.canSupportAccess,
    },
    status: row.status,
    twoFactorEnabled: false,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}
