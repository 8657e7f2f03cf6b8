import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo, setSessionCookies } from '../auth/cookies.js';
import { countAnonymousRequest } from '../auth/rate-limit.js';
import { createGrant, listGrants, revokeGrant } from './grants.js';
import { CreateGrantBody, SignInBody, SupportGrant } from './schemas.js';
import { signInWithLink } from './sessions.js';

const tags = ['Support access'];

export function supportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/account/support-grants',
    {
      config: { access: 'support_access.manage' },
      schema: {
        tags,
        summary: 'The account’s support access grants, newest first, with the sessions started in each',
        response: { 200: Items(SupportGrant), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: await listGrants(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/account/support-grants',
    {
      config: { access: 'support_access.manage' },
      schema: {
        tags,
        summary: 'Let the operator’s support staff in: some or all workspaces, one role, for at most 7 days',
        description:
          'A workspace that is not a live workspace of this account, an expiry in the past or more than ' +
          '7 days away, or hide attributes with the Workspace Admin role: 422 support_grant_invalid.',
        body: CreateGrantBody,
        response: { 201: SupportGrant, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await createGrant(ctx, actorOf(req), req.body)),
  );

  app.delete(
    '/api/account/support-grants/:grantId',
    {
      config: { access: 'support_access.manage' },
      schema: {
        tags,
        summary: 'Revoke a grant: its sessions end at once, on every node',
        params: Type.Object({ grantId: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await revokeGrant(ctx, actorOf(req), req.params.grantId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/support/sign-in',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Start a support session with the operator’s one-time link (sets the session cookie)',
        description:
          'Anonymous: counted per client address (config.anonymousLimits.links); past the limit 429. ' +
          'The link works once, for 10 minutes, inside a live grant: else 404 (unknown) or 410 (used, ' +
          'expired, or its grant revoked or expired).',
        body: SignInBody,
        response: {
          200: Type.Object({ expiresAt: Type.String({ format: 'date-time' }) }),
          ...problems(400, 404, 410, 429),
        },
      },
    },
    async (req, reply) => {
      const client = clientInfo(req);
      await countAnonymousRequest(ctx, 'links', client);
      const session = await signInWithLink(ctx, req.body.token, client);
      setSessionCookies(reply, ctx.config, session);
      return { expiresAt: session.expiresAt.toISOString() };
    },
  );
}
