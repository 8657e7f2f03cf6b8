import type { Subject } from '../../access/subject.js';
import type { Plan } from '../../db/schema.js';
import { DomainError } from '../../shared/errors.js';
import type { MemberRow } from '../team/store.js';
import type { TwoFactorStatus } from '../two-factor/requirement.js';

/** The authenticated caller of one request, loaded once by the auth hook. */
export interface Actor {
  subject: Subject;
  member: MemberRow;
  account: { id: string; name: string; plan: Plan };
  /** The workspaces the caller may enter, oldest first. */
  workspaces: readonly { id: string; name: string; color: string }[];
  /** The member's current workspace if they may still enter it, else the first one they may. */
  currentWorkspaceId: string | null;
  /** The member's two-factor and whether their account requires it (read with the session). */
  twoFactor: TwoFactorStatus;
  /** The session the request came with; absent for API-key callers. */
  sessionId?: string;
  csrfToken?: string;
  /** When the session last proved who its person is (opened, or re-authenticated); absent for API keys. */
  authenticatedAt?: Date;
  /** The client address of the request (behind TRUST_PROXY, the forwarded one), for the activity log. */
  ip?: string;
  /**
   * The cache's mark when this caller was read (shared/account-cache.ts): an answer built from it
   * is kept only if the account has not changed since.
   */
  readAt: number;
  /** Set when this request extended the session: its cookies are sent again with the new expiry. */
  renewedUntil?: Date;
  /** A support session (src/features/support): the operator's agent inside a grant, not a member. */
  support?: SupportCaller;
}

export interface SupportCaller {
  grantId: string;
  agent: string;
  sessionId: string;
  /** The grant's expiry: the session ends then, whatever else happens. */
  expiresAt: Date;
}

/** How a support session's agent is named wherever it acted (the log, "created by"). */
export const supportLabel = (support: { agent: string; grantId: string }): string =>
  `Support (${support.agent}) via grant ${support.grantId}`;

export const actorName = (actor: Pick<Actor, 'member' | 'support'>): string =>
  actor.support ? supportLabel(actor.support) : `${actor.member.firstName} ${actor.member.lastName}`.trim();

/** The session a signed-in caller came with (an API key has none: 401). */
export function sessionIdOf(actor: Pick<Actor, 'sessionId'>): string {
  if (!actor.sessionId) throw new DomainError('unauthenticated', 'Sign in first: no valid session.');
  return actor.sessionId;
}

/** The actor of a route that declared an access other than `public`; the auth hook has set it. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in first: no valid session.');
  return request.actor;
}
