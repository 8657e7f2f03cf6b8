import type { Permission } from '../access/catalog.js';
import type { KeyHolder } from '../features/api-keys/service.js';
import type { Actor } from '../features/auth/actor.js';

/**
 * What a route requires, declared in its `config.access`: nothing (`public`), a signed-in member
 * (`signed_in`), an app API key (`app_key`, Bearer), a Track API key
 * (`track_key`, HTTP Basic), a SCIM provisioning token (`scim_token`, Bearer), or a permission of the catalog, which the auth hook decides before the handler runs
 * (for workspace permissions, in the `:workspaceId` of the path). Every route must declare one; the
 * app refuses to start otherwise and test/routes.test.ts keeps the list under review.
 */
export type RouteAccess = 'public' | 'signed_in' | 'app_key' | 'track_key' | 'scim_token' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * A sensitive action (creating API keys, deleting a workspace…): the session must have proved
     * who its person is within config.recentAuthenticationMs (a log-in, or POST
     * /api/me/reauthenticate), else 403 reauthentication_required. Only for session routes.
     */
    recentAuthentication?: true;
    /** The body is a file of one of these media types, not JSON (for the API document). */
    uploads?: readonly string[];
    /**
     * The handler checks its body for text PostgreSQL cannot store itself (the Track API v2's
     * batch, per operation), so the app-wide check (storable-text.ts) leaves the body to it.
     */
    checksStorableText?: true;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The app API key a request with access `app_key` authenticated with. */
    appKey: KeyHolder | null;
    /** The Track API key (HTTP Basic site_id:api_key) a request with access `track_key` authenticated with. */
    trackKey: KeyHolder | null;
    /** The account whose SCIM token a request with access `scim_token` authenticated with. */
    scimAccountId: string | null;
  }
}
