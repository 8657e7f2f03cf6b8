import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo } from '../auth/cookies.js';
import { linkLog } from '../team/routes.js';
import { Member } from '../team/schemas.js';
import { updateTeamMember } from '../team/service.js';
import { confirmEmailLink, resendEmailVerification } from './email-verification.js';

const tags = ['Your profile'];

const UpdateMeBody = Type.Object(
  {
    firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    currentPassword: Type.Optional(
      Type.String({ maxLength: 256, description: 'Your current password: required for a new email' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function identityRoutes(app: App, ctx: AppContext): void {
  app.patch(
    '/api/me',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Change your name (at once) or your email (once the new address confirms it)',
        description:
          'A new email needs currentPassword (missing → 400 current_password_required, wrong → 403 ' +
          'current_password_wrong, counted against your login limit) and answers 202 with pendingEmail: ' +
          'a confirmation link (24 h, single-use) goes to the new address and a notice to the current ' +
          'one; the email changes when the link is used (POST /api/email-verifications/{token}). A ' +
          'newer request replaces the pending one; at most 5 an hour (429).',
        body: UpdateMeBody,
        response: {
          200: Type.Object({ member: Member }),
          202: Type.Object({ member: Member, pendingEmail: Type.String() }),
          ...problems(400, 401, 403, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { member, pendingEmail } = await updateTeamMember(
        ctx,
        actor,
        actor.member.id,
        req.body,
        clientInfo(req),
      );
      return pendingEmail === null ? { member } : reply.code(202).send({ member, pendingEmail });
    },
  );

  app.post(
    '/api/me/email-verification',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Email a new link confirming your address (the earlier one stops working)',
        description: 'At most 5 an hour (429); 409 email_already_verified once it is confirmed.',
        response: { 202: Type.Null(), ...problems(401, 403, 409, 429) },
      },
    },
    async (req, reply) => {
      await resendEmailVerification(ctx, actorOf(req));
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/api/email-verifications/:token',
    {
      ...linkLog,
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Use an email confirmation link: confirms the address, or makes the new one yours',
        description:
          'Anonymous: every request counts against the client address (config.anonymousLimits.links). ' +
          'Unknown token → 404; used, replaced or expired → 410; a new address taken meanwhile → 409.',
        params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        response: { 204: Type.Null(), ...problems(404, 409, 410, 429) },
      },
    },
    async (req, reply) => {
      await confirmEmailLink(ctx, req.params.token, clientInfo(req));
      return reply.code(204).send(null);
    },
  );
}
