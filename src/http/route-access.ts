import type { Permission } from '../access/catalog.js';
import type { Actor } from '../features/auth/actor.js';

/**
 * What a route requires, declared in its `config.access`: nothing (`public`), a signed-in member
 * (`signed_in`), or a permission of the catalog, which the auth hook decides before the handler runs
 * (for workspace permissions, in the `:workspaceId` of the path). Every route must declare one; the
 * app refuses to start otherwise and test/routes.test.ts keeps the list under review.
 */
export type RouteAccess = 'public' | 'signed_in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
