import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import { type ClientInfo, confirmCurrentPassword } from '../auth/service.js';
import { setAuthenticatedAt } from './store.js';

export const reauthenticationRequired = (): DomainError =>
  new DomainError(
    'reauthentication_required',
    'Confirm it’s you: enter your password again (POST /api/me/reauthenticate), then repeat this request.',
  );

/**
 * The check behind `config.recentAuthentication`, made by the auth gate once the caller may take
 * the action: a session that proved who its person is longer ago than config.recentAuthenticationMs
 * (or never, an API key) gets 403 reauthentication_required. So a stolen or forgotten-open session
 * cannot create keys or delete a workspace without the password.
 */
export function requireRecentAuthentication(ctx: AppContext, actor: Pick<Actor, 'authenticatedAt'>): void {
  const at = actor.authenticatedAt;
  if (at && ctx.clock.now().getTime() - at.getTime() <= ctx.config.recentAuthenticationMs) return;
  throw reauthenticationRequired();
}

/**
 * Marks the session as having just proved who its person is (a password, or a second factor),
 * inside the caller's transaction: sensitive actions pass again for config.recentAuthenticationMs.
 */
export async function markReauthenticated(ctx: AppContext, tx: Db, sessionId: string): Promise<void> {
  await setAuthenticatedAt(tx, sessionId, ctx.clock.now());
}

/**
 * The ways a person may prove it is them again. One at a time; each is a field of the request
 * body. A second factor (totp, recoveryCode, passkey) joins the password here.
 */
export const REAUTHENTICATION_METHODS = ['password'] as const;
export type ReauthenticationMethod = (typeof REAUTHENTICATION_METHODS)[number];
export type ReauthenticateBody = Partial<Record<ReauthenticationMethod, string>>;

/**
 * POST /api/me/reauthenticate: the caller proves again who they are, with exactly one method. A
 * password is counted like a log-in attempt (per address and client address, 429 past the limit)
 * and a wrong one is a 403 current_password_wrong.
 */
export async function reauthenticate(
  ctx: AppContext,
  actor: Actor,
  body: ReauthenticateBody,
  client: ClientInfo,
): Promise<void> {
  const given = REAUTHENTICATION_METHODS.filter((method) => body[method] !== undefined);
  if (given.length !== 1) {
    const message = `send exactly one of: ${REAUTHENTICATION_METHODS.join(', ')}`;
    throw new DomainError('invalid', `To confirm it’s you, ${message}.`, {
      errors: [{ path: '/', message }],
    });
  }
  const method = given[0]!;
  const sessionId = actor.sessionId;
  if (!sessionId) throw new DomainError('unauthenticated', 'Sign in first: no valid session.');
  // One branch per method: a second factor's verifier goes beside the password's.
  if (method === 'password') await confirmCurrentPassword(ctx, actor, body.password, client, '/password');
  await ctx.db.transaction(async (tx) => {
    await markReauthenticated(ctx, tx, sessionId);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'session.reauthenticated',
      target: { type: 'session', id: sessionId },
      after: { method },
    });
  });
}
