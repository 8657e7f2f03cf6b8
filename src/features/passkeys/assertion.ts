import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import type { DomainError } from '../../shared/errors.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import type { ClientInfo } from '../auth/service.js';
import {
  CHALLENGE_TTL_MS,
  challengeOf,
  passkeyInvalid,
  relyingParty,
  saveChallenge,
  spendChallenge,
} from './challenges.js';
import type { AuthenticationResponse } from './schemas.js';
import * as store from './store.js';

/**
 * Options for navigator.credentials.get(), for anyone: every passkey is discoverable (registration
 * requires a resident key), so the list of credentials stays empty and the answer says nothing
 * about any address. Counted per client address like the link routes, as each one stores a row.
 */
export async function authenticationOptions(ctx: AppContext, client: ClientInfo) {
  await countAnonymousRequest(ctx, 'links', client);
  const { rpID } = relyingParty(ctx);
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: [],
    userVerification: 'preferred',
    timeout: CHALLENGE_TTL_MS,
  });
  await ctx.db.transaction((tx) => saveChallenge(ctx, tx, options.challenge, 'authenticate', null));
  return options;
}

export type AssertionOutcome = { ok: true; passkey: store.PasskeyRow } | { ok: false; refused: DomainError };

const userHandleOf = (handle: string | undefined) => {
  if (handle === undefined || handle === '') return undefined;
  return Buffer.from(handle, 'base64url').toString('utf8');
};

/**
 * Checks an authenticator's answer to a sign-in challenge: the challenge (used up here, whatever
 * the outcome), the credential (one of `expectedMemberId`'s when given), its signature, user
 * verification when required, and the signature counter, which must grow when the authenticator
 * keeps one: one that does not was answered by a copy of the credential (the library's clone
 * rule). On success the counter and last use are saved. Answers the refusal rather than throwing
 * it, so that the caller's transaction commits the challenge's use either way.
 */
export async function checkAssertion(
  ctx: AppContext,
  tx: Db,
  response: AuthenticationResponse,
  options: { expectedMemberId?: string | undefined; requireUserVerification: boolean },
): Promise<AssertionOutcome> {
  const challenge = challengeOf(response);
  const refused = await spendChallenge(ctx, tx, challenge, 'authenticate', null);
  if (refused) return { ok: false, refused };
  const passkey = await store.findPasskeyByCredentialId(tx, response.id);
  const handle = userHandleOf(response.response.userHandle);
  if (!passkey || (handle !== undefined && handle !== passkey.memberId)) {
    return { ok: false, refused: passkeyInvalid('This passkey is not registered here.') };
  }
  if (options.expectedMemberId !== undefined && passkey.memberId !== options.expectedMemberId) {
    return { ok: false, refused: passkeyInvalid('This passkey is not one of yours.') };
  }
  const { rpID, origin } = relyingParty(ctx);
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      // Any attachment string is taken (see schemas.ts); the library does not read it.
      response: response as AuthenticationResponseJSON,
      expectedChallenge: challenge!,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: options.requireUserVerification,
    });
  } catch (error) {
    const message = (error as Error).message;
    const detail = /counter/i.test(message)
      ? 'This passkey’s signature counter went backwards: the credential may have been copied. It was refused.'
      : /user verification/i.test(message)
        ? 'Your passkey did not verify you (a PIN, fingerprint or face): signing in without a password needs it.'
        : `The passkey could not be verified: ${message}`;
    return { ok: false, refused: passkeyInvalid(detail) };
  }
  if (!verified.verified) return { ok: false, refused: passkeyInvalid('The passkey signature is wrong.') };
  const { newCounter, credentialBackedUp } = verified.authenticationInfo;
  const changes = { counter: newCounter, backedUp: credentialBackedUp, lastUsedAt: ctx.clock.now() };
  await store.updatePasskey(tx, passkey.memberId, passkey.id, changes);
  return { ok: true, passkey: { ...passkey, ...changes } };
}

/**
 * A member proves it is them with one of their passkeys, after their password (a second factor) or
 * to re-authenticate: the answer must be to a live challenge, by one of `memberId`'s passkeys, and
 * verify (user verification not required: the passkey is the second thing they show). The
 * challenge is used up in a transaction of its own, committed whatever the outcome; a refusal is
 * thrown after it (401 passkey_invalid, or 410 for a used or expired challenge).
 */
export async function confirmMemberPasskey(
  ctx: AppContext,
  response: AuthenticationResponse,
  memberId: string,
): Promise<void> {
  const outcome = await ctx.db.transaction((tx) =>
    checkAssertion(ctx, tx, response, { expectedMemberId: memberId, requireUserVerification: false }),
  );
  if (!outcome.ok) throw outcome.refused;
}
