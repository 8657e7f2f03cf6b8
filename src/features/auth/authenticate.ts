import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, explain } from '../../access/policy.js';
import type { AppContext } from '../../context.js';
import type { RouteAccess } from '../../http/route-access.js';
import { DomainError, forbidden, notFound } from '../../shared/errors.js';
import { safeEqual } from '../../shared/secrets.js';
import { authenticateAppKey, authenticateTrackKey, type KeyHolder } from '../api-keys/service.js';
import { authenticateScimToken } from '../scim/tokens.js';
import { requireRecentAuthentication } from '../security/recent-authentication.js';
import { refuseToSupport } from '../support/caller.js';
import { assertTwoFactorEnrolment } from '../two-factor/requirement.js';
import { CSRF_HEADER, SESSION_COOKIE, setSessionCookies } from './cookies.js';
import { authenticate } from './service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate in front of every route: who is calling (session cookie, or an app API key where the
 * route takes one), whether a cookie-borne
 * state change carries the CSRF token, and whether the route's declared permission allows it.
 * A workspace the caller cannot enter answers 404, as if it did not exist.
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext): RouteTable {
  app.decorateRequest('actor', null);
  app.decorateRequest('appKey', null);
  app.decorateRequest('trackKey', null);
  app.decorateRequest('scimAccountId', null);

  const table: RouteTable = [];
  app.addHook('onRoute', (route) => {
    // The reference page's own routes (its HTML and assets, from @fastify/swagger-ui) are public;
    // every other route says what it needs.
    const access = route.config?.access ?? (route.url.startsWith('/api/docs') ? 'public' : undefined);
    if (access === undefined) throw new Error(`${route.method} ${route.url} declares no config.access`);
    const recentAuthentication = route.config?.recentAuthentication === true;
    // Only a session has a person who can prove it is them again.
    if (recentAuthentication && ['public', 'app_key', 'track_key', 'scim_token'].includes(access))
      throw new Error(`${route.method} ${route.url}: recentAuthentication needs a session route`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        table.push({ method, url: route.url, access, ...(recentAuthentication && { recentAuthentication }) });
    }
  });

  // Callback style: public routes (health, sign-up, the docs) pass without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return done();
    gate(ctx, request, reply, access).then(() => done(), done);
  });

  // What a signed-in or SCIM caller changed is seen by the next request this process serves, before
  // the answer leaves: their account's cached reads go (other processes hear it from NOTIFY). A
  // refusal changed nothing (one transaction per use case); the Track API and the app-key check
  // change nothing those reads hold.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) {
      const accountId = request.actor?.account.id ?? request.scimAccountId;
      if (accountId) ctx.cache.drop(accountId);
    }
    done(null, payload);
  });
  return table;
}

async function gate(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  access: Exclude<RouteAccess, 'public'>,
): Promise<void> {
  if (access === 'app_key') {
    request.appKey = await bearerKey(ctx, request);
    return;
  }
  if (access === 'track_key') {
    request.trackKey = await basicKey(ctx, request);
    return;
  }
  if (access === 'scim_token') {
    request.scimAccountId = await scimToken(ctx, request);
    return;
  }

  const token = request.cookies[SESSION_COOKIE];
  const actor = token ? await authenticate(ctx, token) : null;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in first: no valid session.');
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
      throw new DomainError(
        'csrf_token_invalid',
        `Send the CSRF token of your session in the ${CSRF_HEADER} header.`,
      );
    }
  }
  request.actor = { ...actor, ip: request.ip };
  if (actor.renewedUntil && token && actor.csrfToken) {
    setSessionCookies(reply, ctx.config, {
      token,
      csrfToken: actor.csrfToken,
      expiresAt: actor.renewedUntil,
    });
  }
  // A support session changes nothing of a person's own (support/caller.ts), whatever the route.
  if (access === 'signed_in' && !SAFE_METHODS.has(request.method))
    refuseToSupport(actor, request.method, request.routeOptions.url ?? '');
  // Before anything else the route would say: a member who must set up two-factor reaches only that.
  assertTwoFactorEnrolment(actor.twoFactor, request.method, request.routeOptions.url ?? '');

  // A workspace in the path that the caller cannot enter does not exist for them, whatever the
  // permission (account-level ones included): 404 before any 403.
  const workspaceId = workspaceIdOf(request);
  if (workspaceId !== undefined && !actor.subject.workspaces.has(workspaceId)) throw notFound('Workspace');
  if (access !== 'signed_in' && !can(actor.subject, access, workspaceId))
    throw forbidden(access, explain(actor.subject, access, workspaceId).reason);
  // Last: only a caller who may take the action is asked to prove it is them.
  if (request.routeOptions.config.recentAuthentication) requireRecentAuthentication(ctx, actor);
}

/** Every route with the access it requires, as registered; reviewed by a snapshot test. */
export type RouteTable = { method: string; url: string; access: RouteAccess; recentAuthentication?: true }[];

/** The app API key in `Authorization: Bearer …`, or a 401 that says how to send one. */
async function bearerKey(ctx: AppContext, request: FastifyRequest): Promise<KeyHolder> {
  const header = request.headers.authorization ?? '';
  const [scheme, key] = header.split(' ', 2);
  const holder = scheme?.toLowerCase() === 'bearer' && key ? await authenticateAppKey(ctx, key.trim()) : null;
  if (!holder) {
    throw new DomainError(
      'unauthenticated',
      'Send an app API key of the account as Authorization: Bearer <key>.',
      {
        headers: { 'www-authenticate': 'Bearer realm="atrium"' },
      },
    );
  }
  return holder;
}

/** The Track API key in `Authorization: Basic base64(site_id:api_key)`, as Customer.io's Track API takes it. */
async function basicKey(ctx: AppContext, request: FastifyRequest): Promise<KeyHolder> {
  const [scheme, encoded] = (request.headers.authorization ?? '').split(' ', 2);
  // RFC 7617: the user id ends at the first colon, and the password is all the rest.
  const pair =
    scheme?.toLowerCase() === 'basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const colon = pair.indexOf(':');
  const [siteId, apiKey] = colon < 0 ? [] : [pair.slice(0, colon), pair.slice(colon + 1)];
  const holder = siteId && apiKey ? await authenticateTrackKey(ctx, siteId, apiKey) : null;
  if (!holder) {
    throw new DomainError(
      'unauthenticated',
      'Send a Track API key of the workspace as HTTP Basic site_id:api_key.',
      {
        headers: { 'www-authenticate': 'Basic realm="atrium-track"' },
      },
    );
  }
  return holder;
}

/** The account of the SCIM token in `Authorization: Bearer …` (unknown or revoked: 401, as a SCIM error there). */
async function scimToken(ctx: AppContext, request: FastifyRequest): Promise<string> {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ', 2);
  const accountId =
    scheme?.toLowerCase() === 'bearer' && token ? await authenticateScimToken(ctx, token.trim()) : null;
  if (!accountId) {
    throw new DomainError(
      'unauthenticated',
      'Send a SCIM token of the account as Authorization: Bearer <token>.',
      {
        headers: { 'www-authenticate': 'Bearer realm="atrium-scim"' },
      },
    );
  }
  return accountId;
}

function workspaceIdOf(request: FastifyRequest): string | undefined {
  return (request.params as { workspaceId?: string } | undefined)?.workspaceId;
}
