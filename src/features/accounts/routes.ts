import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo, setSessionCookies } from '../auth/cookies.js';
import { Member } from '../team/schemas.js';
import { Workspace } from '../workspaces/schemas.js';
import { planCatalog } from './plans.js';
import { Account, PlanInfo, SignupBody, UpdateAccountBody } from './schemas.js';
import * as accounts from './service.js';

const tags = ['Accounts'];

export function accountRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/signup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create an account, its first workspace, and its first Account Admin (signed in)',
        description:
          'Limited per client address (config.anonymousLimits.signup); past the limit the answer is 429 with Retry-After.',
        body: SignupBody,
        response: {
          201: Type.Object({ account: Account, member: Member, workspace: Workspace }),
          ...problems(400, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const { session, body } = await accounts.signup(ctx, req.body, clientInfo(req));
      setSessionCookies(reply, ctx.config, session);
      return reply.code(201).send(body);
    },
  );

  app.get(
    '/api/account',
    {
      config: { access: 'account.billing' },
      schema: {
        tags,
        summary: 'The account, its plan, limits and usage',
        response: { 200: Account, ...problems(401, 403) },
      },
    },
    async (req) => accounts.getAccount(ctx, actorOf(req)),
  );

  const plans = { items: planCatalog() };
  app.get(
    '/api/plans',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The plans, with their names and limits',
        description:
          'What a plan change would allow, before making it. A move to a plan whose limits the account already exceeds answers 409 limit_reached.',
        response: { 200: Items(PlanInfo) },
      },
    },
    async () => plans,
  );

  app.patch(
    '/api/account',
    {
      config: { access: 'account.billing' },
      schema: {
        tags,
        summary: 'Rename the account, change its plan, or require two-factor of every member',
        body: UpdateAccountBody,
        response: { 200: Account, ...problems(400, 401, 403, 409) },
      },
    },
    async (req) => accounts.updateAccount(ctx, actorOf(req), req.body),
  );
}
