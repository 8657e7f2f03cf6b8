import { resolveSubject } from '../../access/subject.js';
import { DomainError } from '../../shared/errors.js';
import type { Actor } from '../auth/actor.js';
import type { MemberRow } from '../team/store.js';
import type { findSupportCaller } from './store.js';

/** Support session cookies start with this, so the gate knows which table to read without a second query. */
export const SUPPORT_TOKEN_PREFIX = 'sup.';
export const isSupportSessionId = (sessionId: string) => sessionId.startsWith('sps_');

type SupportCallerRow = NonNullable<Awaited<ReturnType<typeof findSupportCaller>>>;

/**
 * The caller of a support session: exactly the grant. A Member with no flags, the granted role in
 * the granted workspaces ("all": every live one, through the same rule as a member's "All"). The
 * `member` is no row of the members table: its id is the support session's, and nothing that
 * writes a member id with a foreign key is open to it (see refuseToSupport).
 */
export function supportActor(row: SupportCallerRow, readAt: number): Actor {
  const { session, grant, account } = row;
  const held = { role: grant.role, hideAttributes: grant.hideAttributes };
  const subject = resolveSubject({
    memberId: session.id,
    accountId: account.id,
    accountRole: 'member',
    flags: { billing: false, apiCredentials: false, supportAccess: false },
    accountWorkspaceIds: row.workspaces.map((w) => w.id),
    allWorkspaces: grant.workspaceIds === null ? held : null,
    grants: (grant.workspaceIds ?? []).map((workspaceId) => ({ workspaceId, ...held })),
  });
  const workspaces = row.workspaces.filter((w) => subject.workspaces.has(w.id));
  const startedAt = session.startedAt ?? session.createdAt;
  const member: MemberRow = {
    id: session.id,
    accountId: account.id,
    email: session.agent,
    firstName: 'Support',
    lastName: `(${session.agent})`,
    passwordHash: null,
    accountRole: 'member',
    canBilling: false,
    canApiCredentials: false,
    canSupportAccess: false,
    status: 'active',
    marketingOptIn: false,
    currentWorkspaceId: null,
    createdAt: startedAt,
    updatedAt: startedAt,
    lastLoginAt: startedAt,
    allWorkspacesRole: null,
    allWorkspacesHideAttributes: false,
    emailVerifiedAt: null,
    ssoSubject: null,
    externalId: null,
  };
  return {
    subject,
    member,
    account,
    workspaces,
    currentWorkspaceId: workspaces[0]?.id ?? null,
    twoFactor: { enabled: false, required: false },
    sessionId: session.id,
    csrfToken: session.csrfToken ?? undefined,
    authenticatedAt: startedAt,
    readAt,
    support: { grantId: grant.id, agent: session.agent, sessionId: session.id, expiresAt: session.endsAt },
  };
}

/**
 * A support caller acts in the account's workspaces, never as a person of the account: the gate
 * calls this on every state change of a `signed_in` route (the caller's own password, sessions, second factors, email,
 * profile, current workspace) is refused, but logging out.
 */
export function refuseToSupport(actor: Actor, method: string, url: string): void {
  if (!actor.support) return;
  if (method === 'DELETE' && url === '/api/session') return;
  throw new DomainError(
    'support_session_refused',
    'Support sessions cannot do that: they act in the granted workspaces only, not as a member of the account.',
  );
}
