import type { AppContext } from '../../context.js';
import { DomainError } from '../../shared/errors.js';
import { recordActivity } from '../activity/record.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import { type ClientInfo, type NewSession, openSession } from '../auth/service.js';
import { breakGlassEntry, signInWithoutSso } from '../sso/enforcement.js';
import { findMemberById, type MemberRow } from '../team/store.js';
import { checkAssertion } from './assertion.js';
import { passkeyInvalid } from './challenges.js';
import type { AuthenticationResponse } from './schemas.js';

/**
 * Signs in with a passkey alone (no email, no password): the passkey must verify its holder (PIN,
 * biometrics), as it stands for both factors. The challenge's use and the counter commit even when
 * it is refused; the session opens in the same transaction when it is not.
 */
export async function signInWithPasskey(
  ctx: AppContext,
  response: AuthenticationResponse,
  client: ClientInfo,
): Promise<{ session: NewSession; member: MemberRow }> {
  await countAnonymousRequest(ctx, 'links', client);
  const outcome = await ctx.db.transaction(async (tx) => {
    const checked = await checkAssertion(ctx, tx, response, { requireUserVerification: true });
    if (!checked.ok) return checked;
    const member = await findMemberById(tx, checked.passkey.memberId);
    if (member?.status !== 'active') {
      return { ok: false as const, refused: passkeyInvalid('This passkey’s team member cannot sign in.') };
    }
    // A passkey that verified its holder stands for both factors. A refusal is returned, not
    // thrown, so that the challenge's use still commits.
    const withoutSso = await signInWithoutSso(tx, member, true).catch((error: unknown) => error);
    if (withoutSso instanceof DomainError) return { ok: false as const, refused: withoutSso };
    if (withoutSso === 'break_glass') {
      await recordActivity(tx, ctx.clock, breakGlassEntry(member, client.ip, 'passkey'));
    } else if (withoutSso !== 'allowed') {
      throw withoutSso;
    }
    return { ok: true as const, member, session: await openSession(ctx, tx, member, client) };
  });
  if (!outcome.ok) throw outcome.refused;
  return { session: outcome.session, member: outcome.member };
}
