import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems, WorkspaceParams } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import * as answering from './answers.js';
import { StartTransferBody, Transfer, TransferParams } from './schemas.js';
import * as transfers from './service.js';

const tags = ['Workspace transfers'];

/** Moving a workspace to another account: the offer, its answer and the move (issue #22). */
export function transferRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/workspaces/:workspaceId/transfers',
    {
      config: { access: 'workspaces.transfer', recentAuthentication: true },
      schema: {
        tags,
        summary: 'Offer a workspace to another account',
        description:
          'Names the target by its account id or by the address of one of its Account Admins. The offer ' +
          'stands 7 days; an Account Admin of the target accepts or declines it.',
        params: WorkspaceParams,
        body: StartTransferBody,
        response: { 202: Transfer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(await transfers.startTransfer(ctx, actorOf(req), req.params.workspaceId, req.body)),
  );

  app.get(
    '/api/workspace-transfers',
    {
      config: { access: 'workspaces.transfer' },
      schema: {
        tags,
        summary: "The account's outgoing and incoming workspace transfers, newest first",
        response: { 200: Items(Transfer), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: await transfers.listTransfers(ctx, actorOf(req)) }),
  );

  app.get(
    '/api/workspace-transfers/:transferId',
    {
      config: { access: 'workspaces.transfer' },
      schema: {
        tags,
        summary: 'One workspace transfer, with its progress while it moves',
        params: TransferParams,
        response: { 200: Transfer, ...problems(401, 403, 404) },
      },
    },
    async (req) => transfers.getTransfer(ctx, actorOf(req), req.params.transferId),
  );

  const answers = [
    [
      'accept',
      'Accept an offered workspace (target)',
      transfers.acceptTransfer,
      problems(401, 403, 404, 409, 410),
    ],
    [
      'decline',
      'Decline an offered workspace (target)',
      answering.declineTransfer,
      problems(401, 403, 404, 409, 410),
    ],
    [
      'cancel',
      'Withdraw an offer before it is accepted (either side)',
      answering.cancelTransfer,
      problems(401, 403, 404, 409, 410),
    ],
    [
      'retry',
      'Queue again a move whose job failed (either side; it resumes where it stopped)',
      answering.retryTransfer,
      problems(401, 403, 404, 409),
    ],
  ] as const;
  for (const [verb, summary, answer, refusals] of answers) {
    app.post(
      `/api/workspace-transfers/:transferId/${verb}`,
      {
        config: { access: 'workspaces.transfer', ...(verb === 'accept' && { recentAuthentication: true }) },
        schema: { tags, summary, params: TransferParams, response: { 200: Transfer, ...refusals } },
      },
      async (req) => answer(ctx, actorOf(req), req.params.transferId),
    );
  }
}
