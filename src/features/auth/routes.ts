import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { PlanName } from '../accounts/schemas.js';
import { pendingEmailOf } from '../identity/email-verification.js';
import { AuthenticationResponse } from '../passkeys/schemas.js';
import { Member, toMember } from '../team/schemas.js';
import { WorkspaceRole } from '../workspaces/schemas.js';
import { actorOf } from './actor.js';
import { clearSessionCookies, clientInfo, setSessionCookies } from './cookies.js';
import { login, logout, me } from './service.js';

const tags = ['Sessions'];

const LoginBody = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    password: Type.String({ maxLength: 256 }),
    passkey: Type.Optional(AuthenticationResponse),
  },
  { additionalProperties: false },
);

const Me = Type.Object({
  member: Member,
  account: Type.Object({ id: Type.String(), name: Type.String(), plan: PlanName }),
  workspaces: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      color: Type.String(),
      role: WorkspaceRole,
      hideAttributes: Type.Boolean(),
    }),
  ),
  currentWorkspaceId: Type.Union([Type.String(), Type.Null()]),
  pendingEmail: Type.Union([Type.String(), Type.Null()], {
    description: 'The new address a change of email waits on (PATCH /api/me), until its link is used',
  }),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send it as x-csrf-token on state changes',
  }),
});

export function authRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in (sets the session cookie)',
        description:
          'Failed attempts are limited per email and per client address; past the limit the answer is 429. ' +
          '`passkey`: a passkey’s answer to POST /api/session/passkey-options, as a second factor; one that is ' +
          'not the member’s or does not verify (or answers a used or expired challenge) is 401 passkey_invalid.',
        body: LoginBody,
        response: { 200: Type.Object({ member: Member }), ...problems(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { session, member } = await login(ctx, req.body, clientInfo(req));
      setSessionCookies(reply, ctx.config, session);
      return { member: toMember(member) };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Log out (ends this session)',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      const { sessionId } = actorOf(req);
      if (sessionId) await logout(ctx, sessionId);
      clearSessionCookies(reply, ctx.config);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The signed-in member, their workspaces and CSRF token',
        response: { 200: Me, ...problems(401) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { ...me(actor), pendingEmail: await pendingEmailOf(ctx, actor.member.id) };
    },
  );
}
