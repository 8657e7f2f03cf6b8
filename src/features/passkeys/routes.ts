import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Items, problems } from '../../http/schemas.js';
import { actorOf } from '../auth/actor.js';
import { clientInfo, setSessionCookies } from '../auth/cookies.js';
import { Member, toMember } from '../team/schemas.js';
import { authenticationOptions } from './assertion.js';
import {
  CreatePasskeyBody,
  Passkey,
  PasskeyParams,
  PasskeySignInBody,
  RenamePasskeyBody,
  WebAuthnOptions,
} from './schemas.js';
import {
  addPasskey,
  deleteMyPasskey,
  listMyPasskeys,
  registrationOptions,
  renamePasskey,
} from './service.js';
import { signInWithPasskey } from './sign-in.js';

const tags = ['Passkeys'];

const challengeRules =
  'A challenge is single-use and lasts 5 minutes: an answer to an unknown challenge is 401 ' +
  'passkey_invalid, to a used or expired one 410 gone.';

export function passkeyRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/me/passkeys/registration-options',
    {
      config: { access: 'signed_in', recentAuthentication: true },
      schema: {
        tags,
        summary: 'Start adding a passkey: options for navigator.credentials.create()',
        description: `Pass them to @simplewebauthn/browser's startRegistration({ optionsJSON }). ${challengeRules}`,
        response: { 200: WebAuthnOptions, ...problems(401, 403) },
      },
    },
    async (req) => registrationOptions(ctx, actorOf(req)),
  );

  app.post(
    '/api/me/passkeys',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Add a passkey: the authenticator’s answer to the registration options, and a name',
        description: `Only the credential's public key is kept. ${challengeRules} A passkey already registered is 409.`,
        body: CreatePasskeyBody,
        response: { 201: Passkey, ...problems(400, 401, 403, 409, 410) },
      },
    },
    async (req, reply) => reply.code(201).send(await addPasskey(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/me/passkeys',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Your passkeys', response: { 200: Items(Passkey), ...problems(401) } },
    },
    async (req) => listMyPasskeys(ctx, actorOf(req)),
  );

  app.patch(
    '/api/me/passkeys/:passkeyId',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Rename one of your passkeys',
        params: PasskeyParams,
        body: RenamePasskeyBody,
        response: { 200: Passkey, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => renamePasskey(ctx, actorOf(req), req.params.passkeyId, req.body.name),
  );

  app.delete(
    '/api/me/passkeys/:passkeyId',
    {
      config: { access: 'signed_in', recentAuthentication: true },
      schema: {
        tags,
        summary: 'Delete one of your passkeys; it no longer signs you in',
        params: PasskeyParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteMyPasskey(ctx, actorOf(req), req.params.passkeyId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/session/passkey-options',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Sessions'],
        summary: 'Start signing in with a passkey: options for navigator.credentials.get()',
        description:
          'Pass them to startAuthentication({ optionsJSON }); the answer goes to POST /api/session/passkey, ' +
          'or as `passkey` with a password to POST /api/session. No credential is listed: passkeys are ' +
          'discoverable. Counted per client address (config.anonymousLimits.links); past the limit 429.',
        response: { 200: WebAuthnOptions, ...problems(429) },
      },
    },
    async (req) => authenticationOptions(ctx, clientInfo(req)),
  );

  app.post(
    '/api/session/passkey',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Sessions'],
        summary: 'Sign in with a passkey alone (sets the session cookie)',
        description:
          'The passkey must verify its holder (PIN or biometrics). An unknown passkey, a wrong signature, ' +
          `a signature counter that went backwards (a copied credential): 401 passkey_invalid. ${challengeRules} ` +
          'Counted per client address like POST /api/session/passkey-options.',
        body: PasskeySignInBody,
        response: { 200: Type.Object({ member: Member }), ...problems(400, 401, 410, 429) },
      },
    },
    async (req, reply) => {
      const { session, member } = await signInWithPasskey(ctx, req.body.response, clientInfo(req));
      setSessionCookies(reply, ctx.config, session);
      // Whoever holds a passkey has two-factor (hasSecondFactorSql).
      return { member: toMember(member, true) };
    },
  );
}
