import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo } from '../auth/cookies.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import { refuseInBrowser } from './answers.js';
import { beginSignIn } from './logins.js';
import { oidcRoutes } from './oidc.js';
import { samlRoutes } from './saml.js';
import { DomainName, PutSsoBody, SsoSettings, SsoStartQuery } from './schemas.js';
import { deleteSso, putSso, ssoForStart, ssoSettings, verifyDomain } from './settings.js';
import { ssoRefused } from './sign-in.js';
import { findSso } from './store.js';

const tags = ['Single sign-on'];
const access = 'account.security.manage';

export function ssoRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/account/sso',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The account’s single sign-on, its domains, and the values for the identity provider',
        description:
          'Always 200: `type` is null until single sign-on is set up. The client secret is never shown.',
        response: { 200: SsoSettings, ...problems(401, 403) },
      },
    },
    async (req) => ssoSettings(ctx, ctx.db, actorOf(req).subject.accountId),
  );

  app.put(
    '/api/account/sso',
    {
      config: { access, recentAuthentication: true },
      schema: {
        tags,
        summary: 'Set up or replace single sign-on (OIDC or SAML 2.0)',
        description:
          'OIDC needs issuer, clientId and (the first time) clientSecret; SAML needs entryPoint and idpCertificate. ' +
          'The connection is checked before it is stored (OIDC discovery; the SAML certificate). Domains not listed ' +
          'any more are dropped; new ones wait for verification (POST …/domains/{domain}/verify).',
        body: PutSsoBody,
        response: { 200: SsoSettings, ...problems(400, 401, 403) },
      },
    },
    async (req) => putSso(ctx, actorOf(req), req.body),
  );

  app.delete(
    '/api/account/sso',
    {
      config: { access, recentAuthentication: true },
      schema: {
        tags,
        summary: 'Turn single sign-on off (its domains are dropped; members sign in with passwords again)',
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteSso(ctx, actorOf(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/account/sso/domains/:domain/verify',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Verify a domain by its DNS TXT record',
        description:
          'Looks up the TXT record given in the domain’s `verification`. Not found yet: 409, try again later. ' +
          'A domain verified by another account stays theirs: 409.',
        params: Type.Object({ domain: DomainName }),
        response: { 200: SsoSettings, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => verifyDomain(ctx, actorOf(req), req.params.domain),
  );

  app.post(
    '/api/account/sso/test',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Test the connection: a sign-in through the identity provider that opens no session',
        description:
          'Answers the URL to open in the browser. The identity provider sends the browser back to the console’s ' +
          'security page with what it said (the address it signed in) or why it was refused.',
        response: { 200: Type.Object({ url: Type.String() }), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const sso = await findSso(ctx.db, actorOf(req).subject.accountId);
      if (!sso) throw notFound('Single sign-on');
      return { url: await beginSignIn(ctx, reply, sso, { testRun: true }) };
    },
  );

  app.get(
    '/api/sso/lookup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether an email address signs in with single sign-on (for the log-in form)',
        querystring: Type.Object({ email: Type.String({ maxLength: 254 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            sso: Type.Boolean({ description: 'Its domain is verified by an account with single sign-on' }),
            enforced: Type.Boolean({ description: 'Passwords are refused (Account Admins aside)' }),
          }),
          ...problems(400, 429),
        },
      },
    },
    async (req) => {
      await countAnonymousRequest(ctx, 'links', clientInfo(req));
      const sso = await ssoForStart(ctx, { email: req.query.email }).catch(() => null);
      return { sso: sso !== null, enforced: sso?.enforce ?? false };
    },
  );

  app.get(
    '/api/sso/start',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Start signing in through the identity provider (302 to it)',
        description:
          'By `email` (its domain must be verified by an account with single sign-on), `account`, or `invitation` ' +
          '(an invitation’s token: the sign-in accepts it, and the identity must be the invited address). `next` is a ' +
          'console path to land on afterwards. A browser (Accept: text/html) refused is sent to the log-in page with ' +
          '?ssoError=<why>; other clients get the problem.',
        querystring: SsoStartQuery,
        response: { ...problems(400, 404, 429) },
      },
    },
    async (req, reply) => {
      await countAnonymousRequest(ctx, 'links', clientInfo(req));
      try {
        // A sign-in started by another site's link or image could end in the attacker's own account
        // (login CSRF): sign-ins start from Atrium's pages (or from clients that are not browsers).
        if (req.headers['sec-fetch-site'] === 'cross-site') {
          throw ssoRefused('Start single sign-on from Atrium’s log-in page.');
        }
        const sso = await ssoForStart(ctx, req.query);
        const url = await beginSignIn(ctx, reply, sso, {
          invitationToken: req.query.invitation,
          next: req.query.next,
        });
        return reply.redirect(url, 302);
      } catch (error) {
        if (error instanceof DomainError) return refuseInBrowser(req, reply, error);
        throw error;
      }
    },
  );

  oidcRoutes(app, ctx);
  samlRoutes(app, ctx);
}
