import { resolveSubject } from '../../access/subject.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken, randomToken } from '../../shared/secrets.js';
import { recordActivity } from '../activity/record.js';
import { pendingEmailOf } from '../identity/email-verification.js';
import { confirmMemberPasskey } from '../passkeys/assertion.js';
import type { AuthenticationResponse } from '../passkeys/schemas.js';
import { breakGlassEntry, signInWithoutSso } from '../sso/enforcement.js';
import { isSupportSessionId, SUPPORT_TOKEN_PREFIX } from '../support/caller.js';
import { endSupportSession, loadSupportCaller, sweepSupportSessions } from '../support/sessions.js';
import { supportSignedInUntil } from '../support/store.js';
import { allWorkspacesOf, flagsOf, toMember } from '../team/schemas.js';
import { findMemberByEmail, type MemberRow, updateMember } from '../team/store.js';
import { mustEnrolTwoFactor } from '../two-factor/requirement.js';
import { codeWrong, verifySecondFactorCode } from '../two-factor/service.js';
import { hasSecondFactor, secondFactorMethods } from '../two-factor/store.js';
import type { Actor } from './actor.js';
import { verifyPassword } from './passwords.js';
import { hitCounters } from './rate-limit.js';
import * as store from './store.js';

export interface NewSession {
  sessionId: string;
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string | undefined;
}

/** Opens a session for a member, inside the caller's transaction (sign-up, log-in with a password or a passkey, accepting an invite). */
export async function openSession(
  ctx: AppContext,
  tx: Db,
  member: Pick<MemberRow, 'id' | 'accountId'>,
  client: ClientInfo,
): Promise<NewSession> {
  const now = ctx.clock.now();
  const token = randomToken();
  const session: NewSession = {
    sessionId: newId('ses'),
    token,
    csrfToken: randomToken(),
    expiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs),
  };
  await store.insertSession(tx, {
    id: session.sessionId,
    tokenHash: hashToken(token),
    memberId: member.id,
    csrfToken: session.csrfToken,
    createdAt: now,
    lastSeenAt: now,
    authenticatedAt: now,
    expiresAt: session.expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  await updateMember(tx, member.accountId, member.id, { lastLoginAt: now });
  return session;
}

const loginKeys = (email: string, client: ClientInfo) => ({
  emailKey: `login:email:${email.toLowerCase()}`,
  ipKey: `login:ip:${client.ip}`,
});

/**
 * Counts one password attempt for this address and client address, and refuses it (429) past the
 * limits. Counted before the password is checked, each hit atomically: a burst of parallel
 * guesses cannot all slip under the limit.
 */
export async function countLoginAttempt(ctx: AppContext, email: string, client: ClientInfo): Promise<void> {
  const { emailKey, ipKey } = loginKeys(email, client);
  const limits = ctx.config.loginLimits;
  await hitCounters(
    ctx,
    [
      { key: emailKey, max: limits.perEmail },
      { key: ipKey, max: limits.perIp },
    ],
    limits.windowMs,
    'Too many failed attempts',
  );
}

/** Takes back one attempt counted by countLoginAttempt, once the password proved right. */
export async function forgiveLoginAttempt(ctx: AppContext, email: string, client: ClientInfo): Promise<void> {
  const { emailKey, ipKey } = loginKeys(email, client);
  await ctx.db.transaction(async (tx) => {
    await store.unhit(tx, emailKey);
    await store.unhit(tx, ipKey);
  });
}

export const currentPasswordRequired = () =>
  new DomainError(
    'current_password_required',
    'This change needs your current password: send it as currentPassword.',
    {
      errors: [{ path: '/currentPassword', message: 'required for this change' }],
    },
  );

/**
 * The signed-in caller proves again who they are, for a change a stolen session must not be able
 * to make (an email address, where reset links go). Counted like a login, against the caller's
 * address and client address (429 past the limits); a right password takes its attempt back.
 */
export async function confirmCurrentPassword(
  ctx: AppContext,
  actor: Pick<Actor, 'member'>,
  currentPassword: string | undefined,
  client: ClientInfo,
  /** Where the password is in the request body, for the problem's errors. */
  path = '/currentPassword',
): Promise<void> {
  if (currentPassword === undefined) throw currentPasswordRequired();
  await countLoginAttempt(ctx, actor.member.email, client);
  if (!(await verifyPassword(actor.member.passwordHash, currentPassword, ctx.config.passwordHashing))) {
    throw new DomainError('current_password_wrong', 'That is not your current password.', {
      errors: [{ path, message: 'not your current password' }],
    });
  }
  await forgiveLoginAttempt(ctx, actor.member.email, client);
}

export interface LoginInput {
  email: string;
  password: string;
  /** A code of the member's authenticator app, when they have two-factor. */
  totp?: string | undefined;
  /** Or one of their recovery codes, each single-use. */
  recoveryCode?: string | undefined;
  /** Or a passkey's answer to POST /api/session/passkey-options. */
  passkey?: AuthenticationResponse | undefined;
}

/**
 * Logs in with a password and, for a member with two-factor, a second factor in the same request:
 * without one the answer is 401 two_factor_required and no session. Every attempt counts against
 * the log-in limits; only a complete success takes them back, so wrong codes count like wrong
 * passwords.
 */
export async function login(
  ctx: AppContext,
  input: LoginInput,
  client: ClientInfo,
): Promise<{ session: NewSession; member: MemberRow; twoFactorEnabled: boolean }> {
  await countLoginAttempt(ctx, input.email, client);
  const member = await findMemberByEmail(ctx.db, input.email);
  const valid = await verifyPassword(member?.passwordHash, input.password, ctx.config.passwordHashing);
  if (!member || !valid || member.status !== 'active') {
    throw new DomainError('invalid_credentials', 'The email or password is wrong.');
  }
  // A passkey sent with the password (a second factor) must be this member's and verify; a refusal
  // keeps the attempt counted.
  const { passkey } = input;
  if (passkey) await confirmMemberPasskey(ctx, passkey, member.id);
  const twoFactorEnabled = await hasSecondFactor(ctx.db, member.id);
  const withoutSso = await signInWithoutSso(ctx.db, member, twoFactorEnabled);
  const codeSent = input.totp !== undefined || input.recoveryCode !== undefined;
  if (twoFactorEnabled && !passkey && !codeSent) {
    throw new DomainError(
      'two_factor_required',
      'The password is right; now confirm it is you with a second factor: a code of your authenticator app ' +
        '(totp), a recovery code (recoveryCode) or one of your passkeys (passkey).',
      { methods: await secondFactorMethods(ctx.db, member.id) },
    );
  }
  // A successful login takes its hits back.
  const { emailKey, ipKey } = loginKeys(input.email, client);
  const session = await ctx.db.transaction(async (tx) => {
    const byCode = twoFactorEnabled && !passkey;
    if (byCode && !(await verifySecondFactorCode(ctx, tx, member.id, input))) return null;
    // A recovery code is the fallback of a lost authenticator: its use is on the record.
    if (byCode && input.totp === undefined) {
      const name = `${member.firstName} ${member.lastName}`.trim();
      await recordActivity(tx, ctx.clock, {
        accountId: member.accountId,
        author: { memberId: member.id, name, ip: client.ip },
        action: 'two_factor.recovery_code_used',
        target: { type: 'team_member', id: member.id, name },
      });
    }
    if (withoutSso === 'break_glass') {
      await recordActivity(
        tx,
        ctx.clock,
        breakGlassEntry(member, client.ip, passkey ? 'passkey' : 'password'),
      );
    }
    await store.forgetHits(tx, emailKey);
    await store.unhit(tx, ipKey);
    return openSession(ctx, tx, member, client);
  });
  if (!session) throw codeWrong(input.totp !== undefined ? '/totp' : '/recoveryCode');
  return { session, member, twoFactorEnabled };
}

export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  if (isSupportSessionId(sessionId)) return endSupportSession(ctx, sessionId);
  await store.deleteSession(ctx.db, sessionId);
}

// Sliding expiry, but at most one write per session per interval rather than one per request.
const EXTEND_EVERY_MS = 60 * 60 * 1000;

/** A session's caller as the cache keeps it (shared by that session's requests: never mutated but for the sliding expiry). */
interface CachedCaller {
  actor: Actor;
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * The caller behind a session token, or null when the token is unknown or expired. Read from this
 * process's cache when it holds the session (shared/account-cache.ts: dropped whenever the
 * account's members, roles, workspaces, sessions or second factors change), else in one query.
 */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  const tokenHash = hashToken(token);
  const key = `session:${tokenHash}`;
  let caller = ctx.cache.get<CachedCaller>(key);
  // Past its expiry as this process last saw it, the session may have been extended by another.
  if (caller && caller.expiresAt <= now) {
    ctx.cache.forget(key);
    caller = undefined;
  }
  if (!caller) {
    const mark = ctx.cache.mark;
    const loaded = token.startsWith(SUPPORT_TOKEN_PREFIX)
      ? await loadSupportCaller(ctx, tokenHash, now, mark)
      : await loadCaller(ctx, tokenHash, now, mark);
    if (!loaded) return null;
    ctx.cache.remember(
      loaded.actor.account.id,
      key,
      loaded,
      mark,
      2048 + 200 * loaded.actor.workspaces.length,
    );
    caller = loaded;
  }
  // A support session never slides: it ends at its grant's expiry (its cached expiry).
  if (caller.actor.support) return caller.actor;
  if (now.getTime() - caller.lastSeenAt.getTime() <= EXTEND_EVERY_MS) return caller.actor;
  const renewedUntil = new Date(now.getTime() + ctx.config.sessionTtlMs);
  // Before the write: the session's other requests meanwhile do not extend it again.
  caller.lastSeenAt = now;
  await store.extendSession(ctx.db, caller.actor.sessionId!, now, renewedUntil);
  caller.expiresAt = renewedUntil;
  return { ...caller.actor, renewedUntil };
}

async function loadCaller(
  ctx: AppContext,
  tokenHash: string,
  now: Date,
  readAt: number,
): Promise<CachedCaller | null> {
  const found = await store.findSessionContext(ctx.db, tokenHash, now);
  if (found?.member.status !== 'active') return null;
  const { session, member, account } = found;
  const subject = resolveSubject({
    memberId: member.id,
    accountId: member.accountId,
    accountRole: member.accountRole,
    flags: flagsOf(member),
    accountWorkspaceIds: found.workspaces.map((w) => w.id),
    allWorkspaces: allWorkspacesOf(member),
    grants: found.workspaces.flatMap((w) =>
      w.role ? [{ workspaceId: w.id, role: w.role, hideAttributes: w.hideAttributes ?? false }] : [],
    ),
  });
  const workspaces = found.workspaces
    .filter((w) => subject.workspaces.has(w.id))
    .map(({ id, name, color }) => ({ id, name, color }));
  const current =
    member.currentWorkspaceId && subject.workspaces.has(member.currentWorkspaceId)
      ? member.currentWorkspaceId
      : (workspaces[0]?.id ?? null);
  const actor: Actor = {
    subject,
    member,
    account,
    workspaces,
    currentWorkspaceId: current,
    twoFactor: found.twoFactor,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    authenticatedAt: session.authenticatedAt,
    readAt,
  };
  return { actor, lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt };
}

/**
 * GET /api/me's answer, serialized once per session (the console asks at every page load) and kept
 * until the account changes or the pending change of address expires.
 */
export async function meJson(
  ctx: AppContext,
  actor: Actor,
  serialize: (
    body: ReturnType<typeof me> & { pendingEmail: string | null; supportSignedInUntil: string | null },
  ) => Buffer,
): Promise<Buffer> {
  // Built from the caller as read at actor.readAt: not kept if the account changed since.
  return ctx.cache.answer(actor.account.id, `me:${actor.sessionId}`, actor.readAt, async () => {
    const pending = actor.support ? null : await pendingEmailOf(ctx, actor.member.id);
    // Support signed in to the account: the banner, until the latest live support session ends.
    const supportUntil = await supportSignedInUntil(ctx.db, actor.account.id, ctx.clock.now());
    return {
      bytes: serialize({
        ...me(actor),
        pendingEmail: pending?.email ?? null,
        supportSignedInUntil: supportUntil?.toISOString() ?? null,
      }),
      until: Math.min(
        pending?.expiresAt.getTime() ?? Number.POSITIVE_INFINITY,
        supportUntil?.getTime() ?? Number.POSITIVE_INFINITY,
      ),
    };
  });
}

/** Who the caller is, where they may go, and the CSRF token their console must echo. */
export function me(actor: Actor) {
  return {
    member: toMember(actor.member, actor.twoFactor.enabled),
    account: actor.account,
    twoFactor: { ...actor.twoFactor, mustEnrol: mustEnrolTwoFactor(actor.twoFactor) },
    workspaces: actor.workspaces.map((ws) => {
      const { role, hideAttributes } = actor.subject.workspaces.get(ws.id)!;
      return { ...ws, role, hideAttributes };
    }),
    currentWorkspaceId: actor.currentWorkspaceId,
    csrfToken: actor.csrfToken ?? null,
    support: actor.support
      ? {
          agent: actor.support.agent,
          grantId: actor.support.grantId,
          expiresAt: actor.support.expiresAt.toISOString(),
        }
      : null,
  };
}

/**
 * Housekeeping: expired sessions and closed rate-limit windows would otherwise pile up; support
 * sessions too (support/sessions.ts).
 */
export async function deleteExpiredSessions(ctx: AppContext): Promise<number> {
  // A day is well past the longest rate-limit window.
  const members = await store.deleteExpired(ctx.db, ctx.clock.now(), 24 * 60 * 60 * 1000);
  return members + (await sweepSupportSessions(ctx));
}
