import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { listScimGroups, putScimGroupRoles } from './mappings.js';
import { CreatedScimToken, CreateScimTokenBody, PutGroupRolesBody, ScimGroup, ScimToken } from './schemas.js';
import { createScimToken, listScimTokens, revokeScimToken } from './tokens.js';

const tags = ['SCIM provisioning'];
const access = 'account.security.manage' as const;

/** Account Admins' side of SCIM: the tokens identity providers call with, and group → role mappings. */
export function scimAdminRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/account/scim-tokens',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The account’s SCIM tokens (never their secrets)',
        response: { 200: Items(ScimToken), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: await listScimTokens(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/account/scim-tokens',
    {
      config: { access, recentAuthentication: true },
      schema: {
        tags,
        summary: 'Create a SCIM token; the token is in this answer only',
        body: CreateScimTokenBody,
        response: { 201: CreatedScimToken, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createScimToken(ctx, actorOf(req), req.body)),
  );

  app.delete(
    '/api/account/scim-tokens/:id',
    {
      config: { access, recentAuthentication: true },
      schema: {
        tags,
        summary: 'Revoke a SCIM token; provisioning with it stops at once',
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeScimToken(ctx, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/account/scim-groups',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Groups pushed by the identity provider, with member counts and mapped roles',
        response: { 200: Items(ScimGroup), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: await listScimGroups(ctx, actorOf(req)) }),
  );

  app.put(
    '/api/account/scim-groups/:id/roles',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Map a group to workspace roles; its members get them at once',
        params: Type.Object({ id: Type.String() }),
        body: PutGroupRolesBody,
        response: { 200: ScimGroup, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => putScimGroupRoles(ctx, actorOf(req), req.params.id, req.body),
  );
}
