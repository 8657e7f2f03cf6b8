import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, sessionIdOf } from '../auth/actor.js';
import {
  type ClientInfo,
  confirmCurrentPassword,
  countLoginAttempt,
  forgiveLoginAttempt,
} from '../auth/service.js';
import { confirmMemberPasskey } from '../passkeys/assertion.js';
import type { AuthenticationResponse } from '../passkeys/schemas.js';
import { codeWrong, verifySecondFactorCode } from '../two-factor/service.js';
import { setAuthenticatedAt } from './store.js';

export const reauthenticationRequired = (): DomainError =>
  new DomainError(
    'reauthentication_required',
    'Confirm it’s you: give your password, a two-factor code or a passkey again (POST /api/me/reauthenticate), ' +
      'then repeat this request.',
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
export const REAUTHENTICATION_METHODS = ['password', 'totp', 'recoveryCode', 'passkey'] as const;
export type ReauthenticationMethod = (typeof REAUTHENTICATION_METHODS)[number];
export interface ReauthenticateBody {
  password?: string | undefined;
  totp?: string | undefined;
  recoveryCode?: string | undefined;
  passkey?: AuthenticationResponse | undefined;
}

/**
 * POST /api/me/reauthenticate: the caller proves again who they are, with exactly one method. A
 * password or a code is counted like a log-in attempt (per address and client address, 429 past
 * the limit); a wrong password is a 403 current_password_wrong, a wrong code 401
 * two_factor_code_wrong, a passkey not theirs 401 passkey_invalid.
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
  const sessionId = sessionIdOf(actor);
  const memberId = actor.member.id;
  // One branch per method. A passkey's challenge is used up in a transaction of its own, whatever
  // the outcome; a code is spent with the mark, or not at all.
  if (method === 'password') await confirmCurrentPassword(ctx, actor, body.password, client, '/password');
  if (method === 'passkey' && body.passkey) await confirmMemberPasskey(ctx, body.passkey, memberId);
  const code = method === 'totp' || method === 'recoveryCode';
  if (code) await countLoginAttempt(ctx, actor.member.email, client);
  await ctx.db.transaction(async (tx) => {
    if (code && !(await verifySecondFactorCode(ctx, tx, memberId, body))) throw codeWrong(`/${method}`);
    await markReauthenticated(ctx, tx, sessionId);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'session.reauthenticated',
      target: { type: 'session', id: sessionId },
      after: { method },
    });
  });
  if (code) await forgiveLoginAttempt(ctx, actor.member.email, client);
}
