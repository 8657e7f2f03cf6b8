import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { DomainError } from '../../shared/errors.js';
import type { SsoProtocol } from './protocol.js';

/** OpenID Connect with openid-client: discovery, authorization code + PKCE, state and nonce. */
export const oidc: SsoProtocol = {
  async check() {},
  async begin() {
    throw new DomainError('invalid', 'OpenID Connect sign-in is not built yet.');
  },
};

/** GET /api/sso/oidc/callback. */
export function oidcRoutes(_app: App, _ctx: AppContext): void {}
