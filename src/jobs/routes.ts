import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { actorOf } from '../features/auth/actor.js';
import type { App } from '../http/app.js';
import { Items, problems } from '../http/schemas.js';
import { notFound } from '../shared/errors.js';
import { Job, toJob } from './view.js';

const tags = ['Jobs'];

/** Account-level jobs: workspace deletions, which outlive the workspace they purge. */
export function jobRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/account/jobs',
    {
      config: { access: 'workspaces.delete' },
      schema: {
        tags,
        summary: 'Recent jobs of the account, newest first',
        response: { 200: Items(Job), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: (await ctx.jobs.list(ctx.db, actorOf(req).subject.accountId, 50)).map(toJob) }),
  );

  app.get(
    '/api/account/jobs/:jobId',
    {
      config: { access: 'workspaces.delete' },
      schema: {
        tags,
        summary: 'Progress of one job',
        params: Type.Object({ jobId: Type.String() }),
        response: { 200: Job, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const job = await ctx.jobs.find(ctx.db, actorOf(req).subject.accountId, req.params.jobId);
      if (!job) throw notFound('Job');
      return toJob(job);
    },
  );
}
