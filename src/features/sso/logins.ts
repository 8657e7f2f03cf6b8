import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken, safeEqual } from '../../shared/secrets.js';
import { oidc } from './oidc.js';
import type { Protocols } from './protocol.js';
import { saml } from './saml.js';
import type { LoginRow, SsoRow } from './store.js';
import * as store from './store.js';

export const protocols: Protocols = { oidc, saml };

/** A sign-in has this long to come back from the identity provider. */
const LOGIN_TTL_MS = 10 * 60 * 1000;

/** Binds a sign-in to the browser that started it (OIDC: a login CSRF sends another's code). */
export const BROWSER_COOKIE = 'atrium_sso';

/** A console path to land on after signing in: same-origin paths only, never `//host` or a scheme. */
export function safeNextPath(next: string | undefined): string | null {
  // Printable ASCII only: browsers drop tabs and newlines, so "/\t/evil.example" would become //evil.example.
  if (!next || !/^\/[\x21-\x7e]*$/.test(next) || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export interface BeginOptions {
  invitationToken?: string | undefined;
  next?: string | undefined;
  /** An admin's "test connection": the answer is checked and shown, and no session opens. */
  testRun?: boolean;
}

/**
 * Starts a sign-in through the account's identity provider: records what its answer must match,
 * sets the browser-binding cookie, and returns the provider's URL to redirect to.
 */
export async function beginSignIn(
  ctx: AppContext,
  reply: FastifyReply,
  sso: SsoRow,
  options: BeginOptions,
): Promise<string> {
  const now = ctx.clock.now();
  const state = randomToken();
  const browser = randomToken();
  const started = await protocols[sso.type].begin(ctx, sso, state);
  await store.insertLogin(ctx.db, {
    id: newId('sso'),
    stateHash: hashToken(state),
    browserHash: hashToken(browser),
    accountId: sso.accountId,
    type: sso.type,
    nonce: started.nonce ?? null,
    codeVerifier: started.codeVerifier ?? null,
    requestId: started.requestId ?? null,
    invitationTokenHash: options.invitationToken ? hashToken(options.invitationToken) : null,
    nextPath: safeNextPath(options.next),
    testRun: options.testRun ?? false,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
  });
  const secure = ctx.config.publicUrl.startsWith('https:');
  reply.setCookie(BROWSER_COOKIE, browser, {
    path: '/api/sso',
    httpOnly: true,
    // OIDC comes back by a top-level GET, which carries a Lax cookie. SAML comes back by a POST from
    // the IdP's page, which carries only a SameSite=None cookie, and browsers take those only over
    // TLS: behind https the SAML answer is bound to the browser too (samlBindsBrowser).
    sameSite: sso.type === 'saml' && secure ? 'none' : 'lax',
    secure,
    maxAge: LOGIN_TTL_MS / 1000,
  });
  return started.url;
}

/**
 * Takes the sign-in an answer belongs to, once, inside the caller's transaction: unknown, used or
 * expired states are refused, and with `browser` set the answer must come to the browser that
 * started the sign-in.
 */
export async function takeSignIn(
  ctx: AppContext,
  tx: Db,
  state: string,
  request: FastifyRequest | null,
): Promise<LoginRow> {
  const login = await store.claimLogin(tx, hashToken(state), ctx.clock.now());
  if (!login) throw signInExpired();
  if (login.expiresAt <= ctx.clock.now()) throw signInExpired();
  if (request) {
    const cookie = request.cookies[BROWSER_COOKIE];
    if (!cookie || !login.browserHash || !safeEqual(hashToken(cookie), login.browserHash)) {
      throw new DomainError(
        'sso_refused',
        'This sign-in was started in another browser; start it again here.',
      );
    }
  }
  return login;
}

/** Whether a SAML answer must come to the browser that started it (a cookie it can carry: TLS). */
export const samlBindsBrowser = (ctx: AppContext) => ctx.config.publicUrl.startsWith('https:');

export const SIGN_IN_SWEEP_MS = 60 * 60 * 1000;

/** Housekeeping: sign-ins answered or abandoned, and SAML assertion ids past their expiry. */
export async function sweepSignIns(ctx: AppContext): Promise<void> {
  await ctx.db.transaction((tx) => store.deleteExpiredLogins(tx, ctx.clock.now()));
}

const signInExpired = () =>
  new DomainError('sso_refused', 'This sign-in is unknown, already used or expired; start it again.');
