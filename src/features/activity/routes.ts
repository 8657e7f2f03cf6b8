import { masksAttributes } from '../../access/masking.js';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems, WorkspaceParams } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { ActivityKinds, ActivityPage, ActivityQuery } from './schemas.js';
import { actionKinds } from './sentences.js';
import { activityPage } from './service.js';

const tags = ['Activity'];

export function activityRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/activity/kinds',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The kinds of action the activity log can be filtered on, in words',
        response: { 200: ActivityKinds },
      },
    },
    async () => actionKinds,
  );

  app.get(
    '/api/account/activity',
    {
      config: { access: 'account.activity.view' },
      schema: {
        tags,
        summary: 'The whole account’s activity log, newest first',
        querystring: ActivityQuery,
        response: { 200: ActivityPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => activityPage(ctx, actorOf(req).subject.accountId, undefined, req.query),
  );

  app.get(
    '/api/workspaces/:workspaceId/activity',
    {
      config: { access: 'activity_logs.view' },
      schema: {
        tags,
        summary: 'One workspace’s activity log, newest first',
        params: WorkspaceParams,
        querystring: ActivityQuery,
        response: { 200: ActivityPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { subject } = actorOf(req);
      const masked = masksAttributes(subject.workspaces.get(req.params.workspaceId));
      return activityPage(ctx, subject.accountId, req.params.workspaceId, req.query, masked);
    },
  );
}
