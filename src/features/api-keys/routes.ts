import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems, WorkspaceParams } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { ApiKey, CreateApiKeyBody, CreatedApiKey } from './schemas.js';
import { createApiKey, listApiKeys, revokeApiKey } from './service.js';

const tags = ['API keys'];

export function apiKeyRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/workspaces/:workspaceId/api-keys',
    {
      config: { access: 'api_credentials.manage' },
      schema: {
        tags,
        summary: 'The workspace’s live API keys (never their secrets)',
        params: WorkspaceParams,
        response: { 200: Items(ApiKey), ...problems(401, 403, 404) },
      },
    },
    async (req) => ({ items: await listApiKeys(ctx, req.params.workspaceId) }),
  );

  app.post(
    '/api/workspaces/:workspaceId/api-keys',
    {
      config: { access: 'api_credentials.manage', recentAuthentication: true },
      schema: {
        tags,
        summary: 'Create an API key; its secret is in this answer only',
        params: WorkspaceParams,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createApiKey(ctx, actorOf(req), req.params.workspaceId, req.body)),
  );

  app.delete(
    '/api/workspaces/:workspaceId/api-keys/:keyId',
    {
      config: { access: 'api_credentials.manage' },
      schema: {
        tags,
        summary: 'Revoke an API key; it stops working at once',
        params: Type.Object({ workspaceId: Type.String(), keyId: Type.String() }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeApiKey(ctx, actorOf(req), req.params.workspaceId, req.params.keyId);
      return reply.code(204).send(null);
    },
  );
}
