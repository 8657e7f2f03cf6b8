import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { sendSerialized, serialize200 } from '../../http/serialized.js';
import { PlanName } from '../accounts/schemas.js';
import { AuthenticationResponse } from '../passkeys/schemas.js';
import { Member, toMember } from '../team/schemas.js';
import { WorkspaceRole } from '../workspaces/schemas.js';
import { actorOf } from './actor.js';
import { clearSessionCookies, clientInfo, setSessionCookies } from './cookies.js';
import { login, logout, meJson } from './service.js';

const tags = ['Sessions'];

const LoginBody = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    password: Type.String({ maxLength: 256 }),
    passkey: Type.Optional(AuthenticationResponse),
    totp: Type.Optional(
      Type.String({ maxLength: 20, description: 'A code of the authenticator app (two-factor)' }),
    ),
    recoveryCode: Type.Optional(
      Type.String({ maxLength: 40, description: 'Or a recovery code, each usable once' }),
    ),
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
  support: Type.Union(
    [
      Type.Object({
        agent: Type.String(),
        grantId: Type.String(),
        expiresAt: Type.String({ format: 'date-time' }),
      }),
      Type.Null(),
    ],
    { description: 'Set when the caller is a support session: who, under which grant, until when' },
  ),
  supportSignedInUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description:
      'Support is signed in to the account until then (the banner); null when no support session is live',
  }),
  twoFactor: Type.Object(
    {
      enabled: Type.Boolean({ description: 'The member has a second factor' }),
      required: Type.Boolean({ description: 'Their account requires one of every member' }),
      mustEnrol: Type.Boolean({
        description:
          'Required and not enabled: until the member sets it up, this session reaches only /api/me, ' +
          '/api/me/… and DELETE /api/session (anything else answers 403 two_factor_enrollment_required)',
      }),
    },
    { description: "The member's two-factor and the account's requirement" },
  ),
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
          'A member with two-factor sends a second factor with the password: totp, recoveryCode, or passkey ' +
          '(a passkey’s answer to POST /api/session/passkey-options). Without one the answer is 401 ' +
          'two_factor_required (its methods list what may be sent) and no session; a wrong or already used ' +
          'code is 401 two_factor_code_wrong, a passkey that is not the member’s or does not verify (or ' +
          'answers a used or expired challenge) 401 passkey_invalid; both count as failed attempts.',
        body: LoginBody,
        response: { 200: Type.Object({ member: Member }), ...problems(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { session, member, twoFactorEnabled } = await login(ctx, req.body, clientInfo(req));
      setSessionCookies(reply, ctx.config, session);
      return { member: toMember(member, twoFactorEnabled) };
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
    async (req, reply) =>
      sendSerialized(reply, await meJson(ctx, actorOf(req), (body) => serialize200(reply, body))),
  );
}
