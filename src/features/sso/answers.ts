import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { DomainError } from '../../shared/errors.js';
import { clientInfo, setSessionCookies } from '../auth/cookies.js';
import { BROWSER_COOKIE, takeSignIn } from './logins.js';
import { completeSsoSignIn, type VerifiedIdentity } from './sign-in.js';
import type { LoginRow } from './store.js';

/** Where the console shows an admin's "test connection" result. */
const TEST_PAGE = '/account/security';

const wantsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

/**
 * Ends a sign-in when the identity provider sends the browser back (OIDC callback, SAML ACS):
 * takes the sign-in its `state` names (once, in its own short transaction: the provider's answer
 * is checked outside any transaction, as it may call the provider), has `verify` check the
 * answer, then signs the member in and sends the browser to the console. A test run (an admin's
 * "test connection") opens no session and shows what came back on the security page. A refusal
 * is a problem for API clients, and for a browser the log-in page saying why.
 */
export async function finishSignIn(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  state: string,
  options: { bindBrowser: boolean },
  verify: (login: LoginRow) => Promise<VerifiedIdentity>,
): Promise<FastifyReply> {
  let login: LoginRow | undefined;
  try {
    login = await ctx.db.transaction((tx) =>
      takeSignIn(ctx, tx, state, options.bindBrowser ? request : null),
    );
    const identity = await verify(login);
    reply.clearCookie(BROWSER_COOKIE, { path: '/api/sso' });
    if (login.testRun) {
      return reply.redirect(`${TEST_PAGE}?ssoTest=ok&email=${encodeURIComponent(identity.email)}`, 302);
    }
    const taken = login;
    const { session } = await ctx.db.transaction((tx) =>
      completeSsoSignIn(ctx, tx, taken, identity, clientInfo(request)),
    );
    // A member may have been created, activated or bound to their subject: the team list changed.
    ctx.cache.drop(taken.accountId);
    setSessionCookies(reply, ctx.config, session);
    return reply.redirect(login.nextPath ?? '/', 302);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (login?.testRun) {
      return reply.redirect(`${TEST_PAGE}?ssoTest=failed&reason=${encodeURIComponent(error.detail)}`, 302);
    }
    return refuseInBrowser(request, reply, error);
  }
}

/** A refusal: a problem for an API client; for a browser, the log-in page saying why. */
export function refuseInBrowser(
  request: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
): FastifyReply {
  if (!wantsHtml(request)) throw error;
  return reply.redirect(`/login?ssoError=${encodeURIComponent(error.detail)}`, 302);
}
