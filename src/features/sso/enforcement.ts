import { isAccountAdmin } from '../../access/subject.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import type { MemberRow } from '../team/store.js';
import { findSso } from './store.js';

/**
 * How a member may sign in without the identity provider (a password, a passkey) when their
 * account enforces single sign-on: not at all, or, for Account Admins with a second factor, by
 * the break-glass path that the activity log records. `allowed` when SSO is not enforced.
 */
export async function signInWithoutSso(
  tx: Db,
  member: Pick<MemberRow, 'accountId' | 'accountRole'>,
  hasSecondFactor: boolean,
): Promise<'allowed' | 'break_glass'> {
  const sso = await findSso(tx, member.accountId);
  if (!sso?.enforce) return 'allowed';
  if (isAccountAdmin(member.accountRole) && hasSecondFactor) return 'break_glass';
  throw ssoRequired(
    isAccountAdmin(member.accountRole)
      ? 'Your account signs in with single sign-on. Account Admins may still sign in with a password, but only with two-factor turned on.'
      : 'Your account signs in with single sign-on: continue with SSO instead of a password.',
  );
}

export const ssoRequired = (detail: string) =>
  new DomainError('sso_required', detail, { ssoStart: '/api/sso/start' });

/** The activity entry of a break-glass sign-in. */
export const breakGlassEntry = (member: MemberRow, ip: string, method: 'password' | 'passkey') => {
  const name = `${member.firstName} ${member.lastName}`.trim();
  return {
    accountId: member.accountId,
    author: { memberId: member.id, name, ip },
    action: 'sso.break_glass_sign_in',
    target: { type: 'team_member', id: member.id, name },
    after: { method },
  };
};
