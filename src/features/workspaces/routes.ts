import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems, WorkspaceParams } from '../../http/schemas.js';
import { Job, toJob } from '../../jobs/view.js';
import { notFound } from '../../shared/errors.js';
import { actorOf } from '../auth/actor.js';
import { getAccess } from './access.js';
import {
  AccessEntry,
  CreateWorkspaceBody,
  DeleteWorkspaceBody,
  Settings,
  SettingsInput,
  SwitchBody,
  UpdateWorkspaceBody,
  Workspace,
  WorkspaceWithSending,
  WorkspaceWithSettings,
} from './schemas.js';
import * as workspaces from './service.js';
import { getSettings, updateSettings } from './settings.js';
import { setupGuide } from './setup-guide.js';

const tags = ['Workspaces'];

export function workspaceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/workspaces',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Workspaces the caller may enter',
        response: { 200: Items(Workspace), ...problems(401) },
      },
    },
    async (req) => ({ items: await workspaces.listWorkspaces(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/workspaces',
    {
      config: { access: 'workspaces.create' },
      schema: {
        tags,
        summary: 'Create a workspace (Account Admins, within the plan limit)',
        body: CreateWorkspaceBody,
        response: { 201: WorkspaceWithSettings, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await workspaces.createWorkspace(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/workspaces/:workspaceId',
    {
      config: { access: 'workspace.view' },
      schema: {
        tags,
        summary: 'One workspace, with how it sends (for the test-mode banner)',
        params: WorkspaceParams,
        response: { 200: WorkspaceWithSending, ...problems(401, 404) },
      },
    },
    async (req) => workspaces.getWorkspace(ctx, actorOf(req), req.params.workspaceId),
  );

  app.patch(
    '/api/workspaces/:workspaceId',
    {
      config: { access: 'workspaces.edit' },
      schema: {
        tags,
        summary: 'Rename, recolour, or change who has which role',
        params: WorkspaceParams,
        body: UpdateWorkspaceBody,
        response: { 200: WorkspaceWithSettings, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => workspaces.updateWorkspace(ctx, actorOf(req), req.params.workspaceId, req.body),
  );

  app.delete(
    '/api/workspaces/:workspaceId',
    {
      config: { access: 'workspaces.delete', recentAuthentication: true },
      schema: {
        tags,
        summary: 'Delete a workspace and all its data',
        description:
          'The workspace disappears at once; a job purges its rows. The Location header points at that job.',
        params: WorkspaceParams,
        body: DeleteWorkspaceBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const job = await workspaces.deleteWorkspace(
        ctx,
        actorOf(req),
        req.params.workspaceId,
        req.body.confirmName,
      );
      return reply.code(204).header('location', `/api/account/jobs/${job.id}`).send(null);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/settings',
    {
      config: { access: 'workspace.settings.view' },
      schema: {
        tags,
        summary: 'Workspace settings',
        params: WorkspaceParams,
        response: { 200: Settings, ...problems(401, 403, 404) },
      },
    },
    async (req) => getSettings(ctx, actorOf(req), req.params.workspaceId),
  );

  app.patch(
    '/api/workspaces/:workspaceId/settings',
    {
      config: { access: 'workspace.settings.edit' },
      schema: {
        tags,
        summary: 'Change workspace settings',
        description: 'Answers 202 with processingState "revalidating" when the identifiers change.',
        params: WorkspaceParams,
        body: SettingsInput,
        response: { 200: Settings, 202: Settings, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { settings, revalidating } = await updateSettings(
        ctx,
        actorOf(req),
        req.params.workspaceId,
        req.body,
      );
      return reply.code(revalidating ? 202 : 200).send(settings);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/access',
    {
      config: { access: 'workspace.view' },
      schema: {
        tags,
        summary: 'Who has which role in this workspace',
        params: WorkspaceParams,
        response: { 200: Items(AccessEntry), ...problems(401, 404) },
      },
    },
    async (req) => ({ items: await getAccess(ctx, actorOf(req), req.params.workspaceId) }),
  );

  app.get(
    '/api/workspaces/:workspaceId/jobs/:jobId',
    {
      config: { access: 'workspace.view' },
      schema: {
        tags,
        summary: 'Progress of a job in this workspace',
        params: Type.Object({ workspaceId: Type.String(), jobId: Type.String() }),
        response: { 200: Job, ...problems(401, 404) },
      },
    },
    async (req) => {
      const job = await ctx.jobs.find(ctx.db, actorOf(req).subject.accountId, req.params.jobId);
      if (!job || job.workspaceId !== req.params.workspaceId) throw notFound('Job');
      return toJob(job);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/setup-guide',
    {
      config: { access: 'workspace.view' },
      schema: {
        tags,
        summary: 'The dashboard’s setup guide, each step ticked when done',
        params: WorkspaceParams,
        response: {
          200: Type.Object({
            steps: Type.Array(
              Type.Object({
                key: Type.String(),
                label: Type.String(),
                done: Type.Boolean(),
                href: Type.String(),
              }),
            ),
          }),
          ...problems(401, 404),
        },
      },
    },
    async (req) => setupGuide(ctx, actorOf(req), req.params.workspaceId),
  );

  app.put(
    '/api/me/current-workspace',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Switch workspace (remembered per member)',
        body: SwitchBody,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (req, reply) => {
      await workspaces.switchWorkspace(ctx, actorOf(req), req.body.workspaceId);
      return reply.code(204).send(null);
    },
  );
}
