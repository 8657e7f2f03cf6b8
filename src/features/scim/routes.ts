import type { FastifyReply, FastifyRequest } from 'fastify';
import SCIMMY from 'scimmy';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { findAccount } from '../accounts/store.js';
import { registerScimJsonParser, SCIM_MEDIA_TYPE } from './body.js';
import type { ScimCall } from './call.js';
import { sendScimError } from './errors.js';
import {
  assertKnownAttributes,
  normalisePatch,
  type PatchMessage,
  resourceFor,
  type ScimResourceType,
} from './request.js';
import { declareScim, setBasepath } from './setup.js';

type Query = Record<string, string | undefined>;
type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: Query }>;
type ListRequest = FastifyRequest<{ Querystring: Query }>;

const config = { access: 'scim_token' as const };
const schema = { hide: true };

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .type(SCIM_MEDIA_TYPE)
    .serializer((b: unknown) => JSON.stringify(b))
    .send(body);
}

/**
 * SCIM 2.0 (RFC 7644) at /scim/v2 for identity providers (Okta, Entra ID…), authenticated by an
 * account's SCIM token. scimmy parses filters and PatchOps and shapes resources; the handlers in
 * users.ts and groups.ts read and write our tables. Each request is one transaction.
 */
export function scimRoutes(app: App, ctx: AppContext): void {
  const basepath = () => `${ctx.config.publicUrl}/scim/v2`;
  declareScim(basepath());

  /** Runs one SCIM operation in one transaction of the token's account (its cached reads go as it answers). */
  async function run<T>(request: FastifyRequest, work: (call: ScimCall) => Promise<T>): Promise<T> {
    const accountId = request.scimAccountId!;
    const result = await ctx.db.transaction(async (tx) => {
      const account = await findAccount(tx, accountId);
      return work({ ctx, tx, accountId, accountName: account?.name ?? '' });
    });
    ctx.jobs.notify();
    return result;
  }

  app.register(
    async (scope) => {
      registerScimJsonParser(scope);
      scope.addHook('preHandler', async () => setBasepath(basepath()));
      scope.setErrorHandler((error, _request, reply) => sendScimError(reply, error as Error));
      scope.setNotFoundHandler((_request, reply) =>
        sendScimError(reply, new SCIMMY.Types.Error(404, null as unknown as string, 'No such SCIM endpoint')),
      );

      scope.get('/ServiceProviderConfig', { config, schema }, async (_req, reply) =>
        send(reply, 200, await new SCIMMY.Resources.ServiceProviderConfig().read()),
      );
      scope.get('/ResourceTypes', { config, schema }, async (_req, reply) =>
        send(reply, 200, await new SCIMMY.Resources.ResourceType().read()),
      );
      scope.get('/ResourceTypes/:id', { config, schema }, async (req: IdRequest, reply) =>
        send(reply, 200, await new SCIMMY.Resources.ResourceType(req.params.id).read()),
      );
      scope.get('/Schemas', { config, schema }, async (_req, reply) =>
        send(reply, 200, await new SCIMMY.Resources.Schema().read()),
      );
      scope.get('/Schemas/:id', { config, schema }, async (req: IdRequest, reply) =>
        send(reply, 200, await new SCIMMY.Resources.Schema(req.params.id).read()),
      );

      for (const type of [SCIMMY.Resources.User, SCIMMY.Resources.Group] as ScimResourceType[]) {
        const endpoint = type.endpoint;
        scope.get(endpoint, { config, schema }, async (req: ListRequest, reply) => {
          const resource = resourceFor(type, undefined, req.query);
          return send(reply, 200, await run(req, (call) => resource.read(call)));
        });
        scope.get(`${endpoint}/:id`, { config, schema }, async (req: IdRequest, reply) => {
          const resource = resourceFor(type, req.params.id, req.query);
          return send(reply, 200, await run(req, (call) => resource.read(call)));
        });
        scope.post(endpoint, { config, schema }, async (req: ListRequest, reply) => {
          assertKnownAttributes(type, req.body);
          const resource = resourceFor(type, undefined, req.query);
          const created = (await run(req, (call) => resource.write(req.body, call))) as { id?: string };
          reply.header('location', `${basepath()}${endpoint}/${created.id}`);
          return send(reply, 201, created);
        });
        scope.put(`${endpoint}/:id`, { config, schema }, async (req: IdRequest, reply) => {
          assertKnownAttributes(type, req.body);
          const resource = resourceFor(type, req.params.id, req.query);
          return send(reply, 200, await run(req, (call) => resource.write(req.body, call)));
        });
        // A patch that changes nothing still answers the resource (Okta and Entra read the 200).
        scope.patch(`${endpoint}/:id`, { config, schema }, async (req: IdRequest, reply) => {
          const body = normalisePatch(type, req.body) as PatchMessage;
          const resource = resourceFor(type, req.params.id, req.query);
          const patched = await run(
            req,
            async (call) => (await resource.patch(body, call)) ?? resource.read(call),
          );
          return send(reply, 200, patched);
        });
        scope.delete(`${endpoint}/:id`, { config, schema }, async (req: IdRequest, reply) => {
          const resource = resourceFor(type, req.params.id, req.query);
          await run(req, (call) => resource.dispose(call));
          return reply.code(204).send();
        });
      }
    },
    { prefix: '/scim/v2' },
  );
}
