import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { notFound } from '../../shared/errors.js';
import { clientInfo } from '../auth/cookies.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import { finishSignIn } from './answers.js';
import { samlBindsBrowser } from './logins.js';
import type { SsoProtocol } from './protocol.js';
import { verifySamlAnswer } from './saml-answer.js';
import { checkCertificate } from './saml-certificate.js';
import { samlClient, samlMetadata, samlSettings } from './saml-client.js';
import { findSso } from './store.js';

/** SAML 2.0 with @node-saml/node-saml: signed assertions, audience, recipient, time and replay checked. */
export const saml: SsoProtocol = {
  async check(ctx, settings) {
    checkCertificate(settings.idpCertificate ?? '', ctx.clock.now());
  },

  /** An AuthnRequest by HTTP-Redirect to the IdP's sign-in URL, RelayState the sign-in's state. */
  async begin(ctx, sso, state) {
    // An xsd:ID: it must not start with a digit.
    const requestId = `_${randomUUID()}`;
    const settings = samlSettings(sso);
    const client = samlClient(ctx, sso.accountId, settings, settings.idpCertificate, requestId);
    const url = await client.getAuthorizeUrlAsync(state, undefined, {});
    return { url, requestId };
  },
};

const tags = ['Single sign-on'];

/** The largest SAML answer taken: signed assertions with many attributes stay far below. */
const ACS_BODY_LIMIT = 256 * 1024;

const AcsBody = Type.Object({
  SAMLResponse: Type.String({
    minLength: 1,
    maxLength: ACS_BODY_LIMIT,
    description: 'The base64 SAML Response',
  }),
  RelayState: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'The sign-in’s state, as sent with the request',
  }),
});

/** GET /api/sso/saml/metadata and POST /api/sso/saml/acs. */
export function samlRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/sso/saml/metadata',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The service provider’s SAML metadata for an account (to import into the identity provider)',
        description: 'Its entity id is this URL; its ACS takes HTTP-POST and wants signed assertions.',
        querystring: Type.Object(
          { account: Type.String({ maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.String({ description: 'application/samlmetadata+xml' }),
          ...problems(400, 404, 429),
        },
      },
    },
    async (req, reply) => {
      await countAnonymousRequest(ctx, 'links', clientInfo(req));
      const sso = await findSso(ctx.db, req.query.account);
      if (sso?.type !== 'saml') throw notFound('SAML single sign-on for this account');
      return reply
        .header('content-type', 'application/samlmetadata+xml; charset=utf-8')
        .send(samlMetadata(ctx, sso.accountId));
    },
  );

  // The identity provider's form post is the only form body the service takes: its parser is
  // registered for this route alone.
  app.register(async (acs: App) => {
    acs.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: ACS_BODY_LIMIT + 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    acs.post(
      '/api/sso/saml/acs',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The assertion consumer service: the identity provider’s answer (HTTP-POST binding)',
          description:
            'A form post (application/x-www-form-urlencoded) from the browser. A signed-in member is sent on to the ' +
            'console (302) with a session; a refusal is a problem, or for a browser the log-in page saying why.',
          consumes: ['application/x-www-form-urlencoded'],
          body: AcsBody,
          response: { ...problems(400, 403, 410, 415, 429) },
        },
      },
      async (req, reply) => {
        await countAnonymousRequest(ctx, 'links', clientInfo(req));
        const { SAMLResponse, RelayState } = req.body;
        // The IdP posts from its own site: behind TLS the SameSite=None cookie of the start comes
        // along and binds the answer to the browser (logins.ts); the assertion must answer the
        // sign-in's request id (InResponseTo) in any case.
        return finishSignIn(ctx, req, reply, RelayState, { bindBrowser: samlBindsBrowser(ctx) }, (login) =>
          verifySamlAnswer(ctx, login, SAMLResponse),
        );
      },
    );
  });
}
