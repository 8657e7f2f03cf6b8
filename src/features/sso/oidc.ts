import * as client from 'openid-client';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { isEmailAddress } from '../../shared/email-address.js';
import { invalid } from '../../shared/errors.js';
import { clientInfo } from '../auth/cookies.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import { finishSignIn } from './answers.js';
import {
  checkIssuer,
  configurationFor,
  describeProviderError,
  isProviderError,
  keepJwks,
} from './oidc-provider-client.js';
import { type SsoProtocol, serviceProvider } from './protocol.js';
import { ssoRefused, type VerifiedIdentity } from './sign-in.js';
import type { LoginRow, SsoRow } from './store.js';
import { findSso } from './store.js';

const SCOPE = 'openid email profile';

/** The account's OIDC settings as stored (settings.ts writes them). */
function oidcSettings(sso: SsoRow) {
  const { issuer, clientId } = sso.settings;
  if (
    sso.type !== 'oidc' ||
    typeof issuer !== 'string' ||
    typeof clientId !== 'string' ||
    !sso.clientSecret
  ) {
    throw ssoRefused('Single sign-on of this account is not set up with OpenID Connect any more.');
  }
  return { issuer, clientId, clientSecret: sso.clientSecret };
}

/** OpenID Connect with openid-client: discovery, authorization code + PKCE, state and nonce. */
export const oidc: SsoProtocol = {
  async check(ctx, settings) {
    if (!settings.issuer) throw invalid('/issuer', 'required for oidc');
    await checkIssuer(ctx, settings.issuer);
  },

  async begin(ctx, sso, state) {
    const { issuer, clientId, clientSecret } = oidcSettings(sso);
    const config = await configurationFor(ctx, issuer, clientId, clientSecret);
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: serviceProvider(ctx, sso.accountId).oidcRedirectUri,
      scope: SCOPE,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, nonce, codeVerifier };
  },
};

const CallbackQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 200 })),
  code: Type.Optional(Type.String({ maxLength: 4000 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  iss: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** GET /api/sso/oidc/callback. */
export function oidcRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/sso/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Single sign-on'],
        summary: 'Where the OpenID provider sends the browser back (302 to the console)',
        description:
          'Checks the answer (state, the browser that started the sign-in, the code exchanged with PKCE, the ID ' +
          'token and its nonce), then opens a session. A browser that is refused lands on the log-in page saying why.',
        querystring: CallbackQuery,
        response: { ...problems(400, 403, 404, 409, 410, 429) },
      },
    },
    async (req, reply) => {
      await countAnonymousRequest(ctx, 'links', clientInfo(req));
      const query = req.query;
      return finishSignIn(ctx, req, reply, query.state ?? '', { bindBrowser: true }, async (login) => {
        if (query.error) {
          const why = query.error_description ? `${query.error}: ${query.error_description}` : query.error;
          throw ssoRefused(`The identity provider did not sign you in (${why}).`);
        }
        // The whole answer as the provider sent it (iss, session_state…), at the registered redirect URI.
        const answer = new URL(serviceProvider(ctx, login.accountId).oidcRedirectUri);
        answer.search = new URL(req.url, 'http://callback').search;
        return verifyAnswer(ctx, login, answer, query.state ?? '');
      });
    },
  );
}

/**
 * Exchanges the code for tokens (with the PKCE verifier) and has openid-client validate the ID
 * token (signature, issuer, audience, time, nonce); the address comes from the ID token or, when
 * the provider keeps it for UserInfo (as oidc-provider and Okta do in the code flow), from there.
 */
async function verifyAnswer(
  ctx: AppContext,
  login: LoginRow,
  answer: URL,
  state: string,
): Promise<VerifiedIdentity> {
  if (login.type !== 'oidc' || !login.nonce || !login.codeVerifier) {
    throw ssoRefused('This answer is not for an OpenID Connect sign-in; start it again.');
  }
  const sso = await findSso(ctx.db, login.accountId);
  if (!sso) throw ssoRefused('Single sign-on of this account has been turned off.');
  const { issuer, clientId, clientSecret } = oidcSettings(sso);
  const config = await configurationFor(ctx, issuer, clientId, clientSecret);
  try {
    const tokens = await client.authorizationCodeGrant(config, answer, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    keepJwks(ctx, issuer, config);
    let claims: Record<string, unknown> = { ...tokens.claims() };
    if (typeof claims.email !== 'string') {
      const subject = claims.sub as string;
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, subject)), ...claims };
    }
    return identityOf(claims);
  } catch (error) {
    if (!isProviderError(error)) throw error;
    throw ssoRefused(`The identity provider’s answer was not accepted: ${describeProviderError(error)}.`);
  }
}

function identityOf(claims: Record<string, unknown>): VerifiedIdentity {
  const { sub, email, email_verified: verified, given_name: first, family_name: last } = claims;
  if (typeof email !== 'string' || !isEmailAddress(email)) {
    throw ssoRefused('The identity provider did not give an email address; it must release the email claim.');
  }
  if (verified === false || verified === 'false') {
    throw ssoRefused(`The identity provider says ${email} is not verified; verify it there first.`);
  }
  return {
    subject: String(sub),
    email,
    firstName: typeof first === 'string' ? first : undefined,
    lastName: typeof last === 'string' ? last : undefined,
  };
}
