import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { RouteAccess } from './route-access.js';

const accessNote = (access: RouteAccess | undefined): string => {
  if (access === 'public') return 'No authentication.';
  if (access === 'signed_in') return 'Any signed-in team member.';
  if (access === 'app_key') return 'An app API key (Authorization: Bearer atrium_…).';
  if (access === 'track_key') return 'A Track API key (HTTP Basic site_id:api_key).';
  return `Requires the permission \`${access}\` (see GET /api/permissions).`;
};

/**
 * The OpenAPI 3.1 document, generated from the route schemas (each route's required access is
 * written into its description), at /api/openapi.json, and a reference page at /api/docs.
 * Must be registered before the routes it documents.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Atrium API',
        version,
        description:
          'Accounts, workspaces and team members. Errors are application/problem+json. ' +
          'Cookie-authenticated state changes send the x-csrf-token header (value from GET /api/me).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'atrium_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'For state changes' },
          appKey: { type: 'http', scheme: 'bearer', description: 'An app API key of a workspace: atrium_…' },
          trackKey: { type: 'http', scheme: 'basic', description: 'A Track API key: site_id:api_key' },
        },
      },
    },
    // Shared schemas (registerSharedSchemas) are named by their $id in components.schemas.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
    transform: ({ schema, url, route }) => {
      const access = route.config?.access as RouteAccess | undefined;
      const base = (schema ?? {}) as Record<string, unknown>;
      const recent = route.config?.recentAuthentication
        ? 'Needs a recent authentication: past 10 minutes (config.recentAuthenticationMs) since the session last proved who you are, 403 reauthentication_required; POST /api/me/reauthenticate, then repeat.'
        : undefined;
      const description = [base.description, accessNote(access), recent].filter(Boolean).join('\n\n');
      const methods = [route.method].flat();
      const safe = methods.every((m) => m === 'GET' || m === 'HEAD');
      const security =
        access === 'public'
          ? []
          : access === 'app_key'
            ? [{ appKey: [] }]
            : access === 'track_key'
              ? [{ trackKey: [] }]
              : [safe ? { session: [] } : { session: [], csrf: [] }];
      // A file body: its media types, and a binary string (a Blob in the SDK).
      const uploads = route.config?.uploads;
      const file = uploads ? { body: { type: 'string', format: 'binary' }, consumes: [...uploads] } : {};
      return { schema: { ...base, ...file, description, security } as typeof schema, url };
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
