import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { NullableTimestamp, problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo } from '../auth/cookies.js';
import {
  confirmTotpEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  resetMemberTwoFactor,
  startTotpEnrolment,
  twoFactorState,
} from './service.js';

const tags = ['Two-factor'];
const Password = Type.String({ maxLength: 256, description: 'Your current password' });
const Code = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'A code of your authenticator app, or one of your recovery codes',
});
const RecoveryCodes = Type.Object({
  recoveryCodes: Type.Array(Type.String(), {
    description: 'Shown this once; each works once, in place of an authenticator code',
  }),
});
const passwordRules =
  'Needs your current password (400 current_password_required, 403 current_password_wrong); ' +
  'wrong passwords count against your log-in limit (429 past it).';

export function twoFactorRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/me/two-factor',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Your two-factor: whether it is on, since when, recovery codes left',
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            totp: Type.Union([Type.Object({ confirmedAt: NullableTimestamp }), Type.Null()]),
            recoveryCodesLeft: Type.Integer(),
            required: Type.Boolean({ description: 'Your account requires two-factor' }),
          }),
          ...problems(401),
        },
      },
    },
    async (req) => twoFactorState(ctx, actorOf(req)),
  );

  app.post(
    '/api/me/two-factor/totp',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret, pending until confirmed',
        description: `Starts over when called again before confirming; 409 while two-factor is on. ${passwordRules}`,
        body: Type.Object({ currentPassword: Password }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            secret: Type.String({ description: 'Base32, to type into the app' }),
            otpauthUri: Type.String({ description: 'otpauth://totp/… for a QR code' }),
          }),
          ...problems(400, 401, 403, 409, 429),
        },
      },
    },
    async (req) => startTotpEnrolment(ctx, actorOf(req), req.body.currentPassword, clientInfo(req)),
  );

  app.post(
    '/api/me/two-factor/totp/confirm',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Turn two-factor on with a code of the app just set up; answers the recovery codes',
        description:
          'A wrong code is 401 two_factor_code_wrong; nothing pending (or already on) is 409 two_factor_not_enabled.',
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: RecoveryCodes, ...problems(400, 401, 409) },
      },
    },
    async (req) => confirmTotpEnrolment(ctx, actorOf(req), req.body.code),
  );

  const passwordAndCode = Type.Object(
    { currentPassword: Password, code: Code },
    { additionalProperties: false },
  );

  app.delete(
    '/api/me/two-factor',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Turn two-factor off: the authenticator app and the recovery codes are removed',
        description: `${passwordRules} A wrong code is 401 two_factor_code_wrong and counts as a failed attempt.`,
        body: passwordAndCode,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (req, reply) => {
      await disableTwoFactor(ctx, actorOf(req), req.body, clientInfo(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/two-factor/recovery-codes',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A new set of recovery codes; the old ones stop working',
        description: `${passwordRules} A wrong code is 401 two_factor_code_wrong and counts as a failed attempt.`,
        body: passwordAndCode,
        response: { 200: RecoveryCodes, ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (req) => regenerateRecoveryCodes(ctx, actorOf(req), req.body, clientInfo(req)),
  );

  app.delete(
    '/api/team-members/:memberId/two-factor',
    {
      config: { access: 'team_members.manage', recentAuthentication: true },
      schema: {
        tags: ['Team members'],
        summary: "Reset a member's two-factor: their second factors are removed and their sessions end",
        description:
          'They sign in again with their password and, if the account requires two-factor, set it up again. ' +
          'Your own two-factor is turned off in your profile instead (409).',
        params: Type.Object({ memberId: Type.String() }),
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await resetMemberTwoFactor(ctx, actorOf(req), req.params.memberId);
      return reply.code(204).send(null);
    },
  );
}
