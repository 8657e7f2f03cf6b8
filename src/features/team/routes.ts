import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems } from '../../http/schemas.js';
import { sendSerialized, serialize200 } from '../../http/serialized.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo, setSessionCookies } from '../auth/cookies.js';
import { NewPassword } from '../security/password-policy.js';
import { bulkRoles } from './bulk-roles.js';
import {
  acceptInvitation,
  inviteTeamMember,
  resendInvitation,
  revokeInvitation,
  viewInvitation,
} from './invitations.js';
import {
  completePasswordReset,
  countForgotPasswordRequest,
  forgotPassword,
  requestPasswordReset,
  viewPasswordReset,
} from './password-resets.js';
import {
  AcceptBody,
  BulkRolesBody,
  InvitationView,
  InviteBody,
  Member,
  TeamMember,
  UpdateMemberBody,
} from './schemas.js';
import { deleteTeamMember, getTeamMember, teamListJson, updateTeamMember } from './service.js';

const tags = ['Team members'];
const MemberParams = Type.Object({ memberId: Type.String() });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

const linkLimit =
  'Anonymous: every request on an invitation or reset link counts against the client address ' +
  '(config.anonymousLimits.links); past the limit the answer is 429 with Retry-After.';

/**
 * The token in these paths is a secret that signs someone in: the request log shows the path with
 * the token replaced (Fastify logs each request's URL at info level).
 */
export const redactLinkToken = (url: string): string =>
  url.replace(/^(\/api\/(?:invitations|password-resets|email-verifications)\/)[^/?#]+/, '$1[redacted]');

export const linkLog = {
  logSerializers: {
    req: (req: FastifyRequest) => ({
      method: req.method,
      url: redactLinkToken(req.url),
      host: req.host,
      remoteAddress: req.ip,
    }),
  },
};

export function teamRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/team-members',
    {
      config: { access: 'team_members.view' },
      schema: {
        tags,
        summary: 'Team members the caller may see',
        description: 'Account Admins see everyone; Members see the members who share a workspace with them.',
        response: { 200: Items(TeamMember), ...problems(401) },
      },
    },
    async (req, reply) => {
      const json = await teamListJson(ctx, actorOf(req), (body) => serialize200(reply, body));
      return sendSerialized(reply, json);
    },
  );

  app.post(
    '/api/team-members',
    {
      config: { access: 'team_members.manage' },
      schema: {
        tags,
        summary: 'Invite a team member (an email with a link valid 7 days)',
        body: InviteBody,
        response: { 201: TeamMember, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteTeamMember(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/api/team-members/bulk-roles',
    {
      config: { access: 'team_members.manage' },
      schema: {
        tags,
        summary:
          'Set (or with role null, remove) one role across many workspaces for many members, all or nothing',
        description:
          'A member with access to All workspaces keeps it (so new workspaces include them): a role set in ' +
          'some workspaces is held there instead of their All role; a role set in every workspace becomes ' +
          'their All role. Removing access from some workspaces turns theirs into Custom.',
        body: BulkRolesBody,
        response: { 200: Items(TeamMember), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await bulkRoles(ctx, actorOf(req), req.body) }),
  );

  app.get(
    '/api/team-members/:memberId',
    {
      config: { access: 'team_members.view' },
      schema: {
        tags,
        summary: 'One team member',
        params: MemberParams,
        response: { 200: TeamMember, ...problems(401, 404) },
      },
    },
    async (req) => getTeamMember(ctx, actorOf(req), req.params.memberId),
  );

  app.patch(
    '/api/team-members/:memberId',
    {
      // Everyone may change their own name and email; the rest needs team_members.manage (checked in the service).
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Edit a team member',
        description:
          'Account Admins change anything; every member may change their own name and email. ' +
          'Changing an email (one’s own, or an Account Admin changing anyone’s) needs the caller’s ' +
          'current password as currentPassword: missing → 400 current_password_required, wrong → 403 ' +
          'current_password_wrong. Wrong passwords count against the caller’s login limit (429 past it). ' +
          'One’s own new email goes the way of PATCH /api/me: 202 with pendingEmail, a confirmation link ' +
          'to the new address, and the email changes when it is used. An Account Admin changing another ' +
          'member’s email changes it at once (200), unverified, and a verification link goes to it.',
        params: MemberParams,
        body: UpdateMemberBody,
        response: {
          200: TeamMember,
          202: Type.Object({ member: TeamMember, pendingEmail: Type.String() }),
          ...problems(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const { member, pendingEmail } = await updateTeamMember(
        ctx,
        actorOf(req),
        req.params.memberId,
        req.body,
        clientInfo(req),
      );
      return pendingEmail === null ? member : reply.code(202).send({ member, pendingEmail });
    },
  );

  app.delete(
    '/api/team-members/:memberId',
    {
      config: { access: 'team_members.manage' },
      schema: {
        tags,
        summary: 'Delete a team member; their sessions end at once',
        params: MemberParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await deleteTeamMember(ctx, actorOf(req), req.params.memberId);
      return reply.code(204).send(null);
    },
  );

  const action = (
    path: string,
    summary: string,
    status: 202 | 204,
    run: (actor: ReturnType<typeof actorOf>, memberId: string) => Promise<void>,
  ) =>
    app.post(
      `/api/team-members/:memberId/${path}`,
      {
        config: { access: 'team_members.manage' },
        schema: {
          tags,
          summary,
          params: MemberParams,
          response: { [status]: Type.Null(), ...problems(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await run(actorOf(req), req.params.memberId);
        return reply.code(status).send(null);
      },
    );
  action('reset-password', 'Email the member a password reset link', 202, (actor, id) =>
    requestPasswordReset(ctx, actor, id),
  );
  action('resend-invite', 'Send a new invitation link (the old one stops working)', 202, (actor, id) =>
    resendInvitation(ctx, actor, id),
  );
  action('revoke-invite', 'Withdraw a pending invitation', 204, (actor, id) =>
    revokeInvitation(ctx, actor, id),
  );

  app.get(
    '/api/invitations/:token',
    {
      ...linkLog,
      config: { access: 'public' },
      schema: {
        tags: ['Invitations'],
        summary: 'What an invitation link offers',
        description: linkLimit,
        params: TokenParams,
        response: { 200: InvitationView, ...problems(404, 410, 429) },
      },
    },
    async (req) => viewInvitation(ctx, req.params.token, clientInfo(req)),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      ...linkLog,
      config: { access: 'public' },
      schema: {
        tags: ['Invitations'],
        summary: 'Accept an invitation: set names and password, and be signed in',
        description: linkLimit,
        params: TokenParams,
        body: AcceptBody,
        response: {
          200: Type.Object({ member: Member, currentWorkspaceId: Type.Union([Type.String(), Type.Null()]) }),
          ...problems(400, 401, 404, 409, 410, 429),
        },
      },
    },
    async (req, reply) => {
      const { session, body } = await acceptInvitation(ctx, req.params.token, req.body, clientInfo(req));
      setSessionCookies(reply, ctx.config, session);
      return body;
    },
  );

  app.post(
    '/api/password-resets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Password resets'],
        summary: 'Forgot password: email a reset link to this address, if it is a member’s',
        description: `${linkLimit} The address asked for gets at most 5 emails an hour.`,
        body: Type.Object(
          { email: Type.String({ format: 'email', maxLength: 254 }) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Null(), ...problems(400, 429) },
      },
    },
    async (req, reply) => {
      await countForgotPasswordRequest(ctx, clientInfo(req));
      // Answered before the work is done, so the time taken does not tell known addresses from others.
      forgotPassword(ctx, req.body.email).catch((error: unknown) =>
        req.log.error({ err: error }, 'forgot password failed'),
      );
      return reply.code(202).send(null);
    },
  );

  app.get(
    '/api/password-resets/:token',
    {
      ...linkLog,
      config: { access: 'public' },
      schema: {
        tags: ['Password resets'],
        summary: 'Whether a reset link still works, and for which address',
        description: linkLimit,
        params: TokenParams,
        response: {
          200: Type.Object({ email: Type.String(), expiresAt: Type.String() }),
          ...problems(404, 410, 429),
        },
      },
    },
    async (req) => viewPasswordReset(ctx, req.params.token, clientInfo(req)),
  );

  app.post(
    '/api/password-resets/:token',
    {
      ...linkLog,
      config: { access: 'public' },
      schema: {
        tags: ['Password resets'],
        summary: 'Set a new password with a reset link; every session of the member ends',
        description: linkLimit,
        params: TokenParams,
        body: Type.Object({ password: NewPassword() }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems(400, 404, 410, 429) },
      },
    },
    async (req, reply) => {
      await completePasswordReset(ctx, req.params.token, req.body.password, clientInfo(req));
      return reply.code(204).send(null);
    },
  );
}
