import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { clearSessionCookies, clientInfo } from '../auth/cookies.js';
import { changeMyPassword } from './password.js';
import { reauthenticate } from './recent-authentication.js';
import { ChangePasswordBody, ReauthenticateBody, SessionParams, SessionView } from './schemas.js';
import { endMyOtherSessions, endMySession, listMySessions } from './sessions.js';

const tags = ['Sessions'];

/** The signed-in person's own security: their sessions, their password, proving it is them again. */
export function securityRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/me/sessions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Your live sessions (devices signed in), newest first',
        response: { 200: Items(SessionView), ...problems(401) },
      },
    },
    async (req) => ({ items: await listMySessions(ctx, actorOf(req)) }),
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Sign out one of your sessions; its cookie stops working at once',
        description: 'Only your own sessions: any other id answers 404.',
        params: SessionParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      if (await endMySession(ctx, actorOf(req), req.params.sessionId)) clearSessionCookies(reply, ctx.config);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/me/sessions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Sign out everywhere else: every session of yours but this one ends',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      await endMyOtherSessions(ctx, actorOf(req));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/me/password',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change your password; your other sessions end, this one stays',
        description:
          'Wrong currentPassword → 403 current_password_wrong, counted against your log-in limit (429 ' +
          'past it). A newPassword found in lists of leaked passwords → 400 password_too_common. ' +
          'You are emailed a notice.',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      await changeMyPassword(ctx, actorOf(req), req.body, clientInfo(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/reauthenticate',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Confirm it’s you: sensitive actions pass again for the next 10 minutes',
        description:
          'Sensitive actions (creating API keys, deleting a workspace…) answer 403 ' +
          'reauthentication_required when this session last proved who you are more than 10 minutes ' +
          'ago. A wrong password → 403 current_password_wrong, counted like a log-in attempt (429 past the limit).',
        body: ReauthenticateBody,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      await reauthenticate(ctx, actorOf(req), req.body, clientInfo(req));
      return reply.code(204).send(null);
    },
  );
}
