import { Type } from 'typebox';
import { vocabulary } from '../../access/vocabulary.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { Catalog, Check, CheckBatchBody, CheckResult, EffectivePermissions, Vocabulary } from './schemas.js';
import { catalog, check, effectivePermissions } from './service.js';

const tags = ['Access'];

export function authzRoutes(app: App, ctx: AppContext): void {
  const theCatalog = catalog();

  app.get(
    '/api/permissions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every permission: the matrix of permissions.csv with stable keys, and the account rules',
        response: { 200: Catalog },
      },
    },
    async () => theCatalog,
  );

  const theVocabulary = vocabulary();
  app.get(
    '/api/roles',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The account roles, workspace roles and member flags, with their names and what each means',
        response: { 200: Vocabulary },
      },
    },
    async () => theVocabulary,
  );

  app.get(
    '/api/team-members/:memberId/permissions',
    {
      config: { access: 'team_members.view' },
      schema: {
        tags,
        summary: 'What a member may do, each permission with the rule that decided',
        description:
          'With workspaceId: that workspace’s permissions and the account’s; without: the account’s.',
        params: Type.Object({ memberId: Type.String() }),
        querystring: Type.Object(
          { workspaceId: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: { 200: EffectivePermissions, ...problems(400, 401, 404) },
      },
    },
    async (req) => effectivePermissions(ctx, actorOf(req), req.params.memberId, req.query.workspaceId),
  );

  app.post(
    '/api/authz/check',
    {
      config: { access: 'app_key' },
      schema: {
        tags,
        summary: 'May this member do this (in this workspace)? For apps, with an app API key (Bearer)',
        body: Check,
        response: { 200: CheckResult, ...problems(400, 401, 404) },
      },
    },
    async (req) => (await check(ctx, req.appKey!, [req.body]))[0]!,
  );

  app.post(
    '/api/authz/check-batch',
    {
      config: { access: 'app_key' },
      schema: {
        tags,
        summary: 'Many checks in one request; results in the order of the checks',
        body: CheckBatchBody,
        response: { 200: Type.Object({ results: Type.Array(CheckResult) }), ...problems(400, 401, 404) },
      },
    },
    async (req) => ({ results: await check(ctx, req.appKey!, req.body.checks) }),
  );
}
