import {
  type AuthenticatorTransportFuture,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { DomainError, invalid, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { recordActivity } from '../activity/record.js';
import { type Actor, actorName } from '../auth/actor.js';
import { sendSecurityNotice } from '../security/notices.js';
import {
  CHALLENGE_TTL_MS,
  challengeOf,
  passkeyInvalid,
  relyingParty,
  saveChallenge,
  spendChallenge,
} from './challenges.js';
import type { CreatePasskeyBody } from './schemas.js';
import * as store from './store.js';

/** Passkeys a member may hold: plenty for every device and key they own. */
export const MAX_PASSKEYS = 20;

export const toPasskey = (p: store.PasskeyRow) => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  backedUp: p.backedUp,
});

const nameOf = (name: string, path = '/name') => {
  const trimmed = name.trim();
  if (!trimmed) throw invalid(path, 'a passkey needs a name');
  return trimmed;
};

const target = (p: { id: string; name: string }) => ({ type: 'passkey', id: p.id, name: p.name });

/**
 * Options for navigator.credentials.create(): a discoverable credential (so it can sign in without
 * an email or password), none of the member's passkeys again, the user handle their member id.
 */
export async function registrationOptions(ctx: AppContext, actor: Actor) {
  const { rpID, rpName } = relyingParty(ctx);
  return ctx.db.transaction(async (tx) => {
    const existing = await store.listPasskeys(tx, actor.member.id);
    const options = await generateRegistrationOptions({
      rpName,
      rpID,
      userName: actor.member.email,
      userDisplayName: actorName(actor),
      userID: new TextEncoder().encode(actor.member.id),
      attestationType: 'none',
      timeout: CHALLENGE_TTL_MS,
      excludeCredentials: existing.map((p) => ({
        id: p.credentialId,
        transports: p.transports as AuthenticatorTransportFuture[],
      })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    await saveChallenge(ctx, tx, options.challenge, 'register', actor.member.id);
    return options;
  });
}

/**
 * Verifies an authenticator's answer to one of the member's registration challenges and keeps the
 * credential's public key. The challenge is used up whatever the outcome.
 */
export async function addPasskey(ctx: AppContext, actor: Actor, body: Static<typeof CreatePasskeyBody>) {
  const name = nameOf(body.name);
  const challenge = challengeOf(body.response);
  if (!challenge) throw invalid('/response/response/clientDataJSON', 'not the client data of a passkey');
  const { rpID, origin } = relyingParty(ctx);
  const outcome = await ctx.db.transaction(async (tx) => {
    const refused = await spendChallenge(ctx, tx, challenge, 'register', actor.member.id);
    if (refused) return { refused };
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        // The schema takes any transport and attachment string (browsers add new ones); the
        // library passes them through unchecked.
        response: body.response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        // 'preferred' when asked: a key without a PIN may still be a second factor.
        requireUserVerification: false,
      });
    } catch (error) {
      return { refused: passkeyInvalid(`The passkey could not be verified: ${(error as Error).message}`) };
    }
    if (!verified.verified) return { refused: passkeyInvalid('The passkey could not be verified.') };
    // Refusals are answered, not thrown, here too: the challenge's use must commit.
    if ((await store.countPasskeys(tx, actor.member.id)) >= MAX_PASSKEYS) {
      return {
        refused: new DomainError(
          'limit_reached',
          `You have ${MAX_PASSKEYS} passkeys, the most one may hold; delete one first.`,
        ),
      };
    }
    const { credential, credentialBackedUp } = verified.registrationInfo;
    const now = ctx.clock.now();
    const row = {
      id: newId('pky'),
      memberId: actor.member.id,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: (credential.transports ?? []).slice(0, 10),
      backedUp: credentialBackedUp,
      name,
      createdAt: now,
      lastUsedAt: null,
    };
    if (!(await store.insertPasskey(tx, row))) {
      return { refused: new DomainError('conflict', 'This passkey is already registered.') };
    }
    await recordActivity(tx, ctx.clock, {
      accountId: actor.account.id,
      author: actor,
      action: 'passkey.created',
      target: target(row),
      after: { name },
    });
    await sendSecurityNotice(ctx, tx, actor, 'passkey_added');
    return { passkey: row };
  });
  if ('refused' in outcome) throw outcome.refused;
  ctx.jobs.notify();
  return toPasskey(outcome.passkey);
}

export async function listMyPasskeys(ctx: AppContext, actor: Actor) {
  return { items: (await store.listPasskeys(ctx.db, actor.member.id)).map(toPasskey) };
}

export async function renamePasskey(ctx: AppContext, actor: Actor, id: string, newName: string) {
  const name = nameOf(newName);
  return ctx.db.transaction(async (tx) => {
    const passkey = await store.findPasskey(tx, actor.member.id, id);
    if (!passkey) throw notFound('Passkey');
    if (passkey.name !== name) {
      await store.updatePasskey(tx, actor.member.id, id, { name });
      await recordActivity(tx, ctx.clock, {
        accountId: actor.account.id,
        author: actor,
        action: 'passkey.renamed',
        target: target({ id, name }),
        before: { name: passkey.name },
        after: { name },
      });
    }
    return toPasskey({ ...passkey, name });
  });
}

export async function deleteMyPasskey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const passkey = await store.findPasskey(tx, actor.member.id, id);
    if (!passkey) throw notFound('Passkey');
    await store.deletePasskey(tx, actor.member.id, id);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.account.id,
      author: actor,
      action: 'passkey.deleted',
      target: target(passkey),
      before: { name: passkey.name },
    });
  });
}
