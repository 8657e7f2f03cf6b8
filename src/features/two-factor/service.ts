import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { DomainError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { hashToken } from '../../shared/secrets.js';
import { lockAccount } from '../accounts/store.js';
import { recordActivity } from '../activity/record.js';
import type { Actor } from '../auth/actor.js';
import {
  type ClientInfo,
  confirmCurrentPassword,
  countLoginAttempt,
  forgiveLoginAttempt,
} from '../auth/service.js';
import { deleteMemberSessions } from '../auth/store.js';
import { deleteMemberPasskeys } from '../passkeys/store.js';
import { sendSecurityNotice } from '../security/notices.js';
import { findMember } from '../team/store.js';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri, totpStep } from './codes.js';
import * as store from './store.js';

/** A second-factor code as a log-in or a change sends it: a TOTP code, or a recovery code. */
export interface SecondFactorCode {
  totp?: string | undefined;
  recoveryCode?: string | undefined;
}

export const codeWrong = (path = '/code') =>
  new DomainError('two_factor_code_wrong', 'That two-factor code is wrong, or was already used.', {
    errors: [{ path, message: 'wrong or already used' }],
  });

/**
 * Checks a second-factor code of the member and, when right, uses it up, in the caller's
 * transaction: a TOTP code's time step must come after the last one accepted (each code works
 * once, one step of clock drift either way), a recovery code must be unused and is marked used.
 * False when wrong, and then nothing changed. A step and a recovery code are each spent by one
 * conditional UPDATE: of concurrent requests with one code, exactly one passes.
 */
export async function verifySecondFactorCode(
  ctx: AppContext,
  tx: Db,
  memberId: string,
  code: SecondFactorCode,
): Promise<boolean> {
  const now = ctx.clock.now();
  if (code.totp !== undefined) {
    const totp = await store.lockConfirmedTotp(tx, memberId);
    const step = totp ? totpStep(totp.secret, code.totp, now) : null;
    if (totp && step !== null && (await store.spendTotpStep(tx, memberId, step))) return true;
  }
  if (code.recoveryCode !== undefined) {
    const normalised = normaliseRecoveryCode(code.recoveryCode);
    if (normalised && (await store.spendRecoveryCode(tx, memberId, hashToken(normalised), now))) return true;
  }
  return false;
}

/** A code field that takes either kind: six digits are a TOTP code, anything else a recovery code. */
export const codeOfEitherKind = (code: string): SecondFactorCode =>
  /^\s*\d{3}\s*\d{3}\s*$/.test(code) ? { totp: code } : { recoveryCode: code };

const memberTarget = (member: { id: string; firstName: string; lastName: string }) => ({
  type: 'team_member',
  id: member.id,
  name: `${member.firstName} ${member.lastName}`.trim(),
});

/** The member's two-factor state, as GET /api/me/two-factor shows it. */
export async function twoFactorState(ctx: AppContext, actor: Actor) {
  const totp = await store.findTotp(ctx.db, actor.member.id);
  return {
    enabled: await store.hasSecondFactor(ctx.db, actor.member.id),
    totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt.toISOString() } : null,
    recoveryCodesLeft: await store.countUnusedRecoveryCodes(ctx.db, actor.member.id),
    required: actor.twoFactor.required,
  };
}

/**
 * Starts (or starts over) setting up an authenticator app: a new secret, pending until a code from
 * it is confirmed. Needs the current password; refused while one is already on.
 */
export async function startTotpEnrolment(
  ctx: AppContext,
  actor: Actor,
  currentPassword: string,
  client: ClientInfo,
): Promise<{ secret: string; otpauthUri: string }> {
  await confirmCurrentPassword(ctx, actor, currentPassword, client);
  const secret = newTotpSecret();
  const started = await ctx.db.transaction((tx) =>
    store.putPendingTotp(tx, actor.member.id, secret, ctx.clock.now()),
  );
  if (!started) {
    throw new DomainError(
      'two_factor_already_enabled',
      'Two-factor is already on. Turn it off first to set up another authenticator app.',
    );
  }
  return { secret, otpauthUri: otpauthUri(secret, actor.member.email) };
}

async function issueRecoveryCodes(ctx: AppContext, tx: Db, memberId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await store.replaceRecoveryCodes(
    tx,
    memberId,
    codes.map((code) => ({ id: newId('rc'), codeHash: hashToken(normaliseRecoveryCode(code)) })),
    ctx.clock.now(),
  );
  return codes;
}

/** Turns the pending authenticator on with a code from it; returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  actor: Actor,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const memberId = actor.member.id;
  return ctx.db.transaction(async (tx) => {
    const alreadyOn = () =>
      new DomainError('two_factor_already_enabled', 'Your authenticator app is already set up.');
    const totp = await store.findTotp(tx, memberId);
    if (!totp) {
      throw new DomainError(
        'two_factor_not_enabled',
        'Nothing to confirm: start setting up an authenticator app first.',
      );
    }
    if (totp.confirmedAt) throw alreadyOn();
    const step = totpStep(totp.secret, code, ctx.clock.now());
    if (step === null) throw codeWrong();
    if (!(await store.confirmTotp(tx, memberId, ctx.clock.now(), step))) throw alreadyOn();
    const recoveryCodes = await issueRecoveryCodes(ctx, tx, memberId);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'two_factor.enabled',
      target: memberTarget(actor.member),
      after: { method: 'totp' },
    });
    return { recoveryCodes };
  });
}

/**
 * Checks the password, then a code (TOTP or recovery) of the caller's own two-factor. A wrong
 * code counts against the caller's log-in limit like a wrong password, and is not forgiven.
 */
async function confirmOwnSecondFactor<T>(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; code: string },
  client: ClientInfo,
  change: (tx: Db) => Promise<T>,
): Promise<T> {
  await confirmCurrentPassword(ctx, actor, input.currentPassword, client);
  await countLoginAttempt(ctx, actor.member.email, client);
  const result = await ctx.db.transaction(async (tx) => {
    if (!(await store.lockConfirmedTotp(tx, actor.member.id))) {
      throw new DomainError(
        'two_factor_not_enabled',
        'No authenticator app is set up (passkeys are removed one by one, under Passkeys).',
      );
    }
    if (!(await verifySecondFactorCode(ctx, tx, actor.member.id, codeOfEitherKind(input.code))))
      throw codeWrong();
    return change(tx);
  });
  await forgiveLoginAttempt(ctx, actor.member.email, client);
  return result;
}

/** Turns the caller's authenticator off and deletes their recovery codes (password and a code). */
export async function disableTwoFactor(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; code: string },
  client: ClientInfo,
): Promise<void> {
  await confirmOwnSecondFactor(ctx, actor, input, client, async (tx) => {
    await store.deleteTotpAndRecoveryCodes(tx, [actor.member.id]);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'two_factor.disabled',
      target: memberTarget(actor.member),
      before: { method: 'totp' },
    });
    await sendSecurityNotice(ctx, tx, actor, 'two_factor_disabled');
  });
  ctx.jobs.notify();
}

/** A new set of recovery codes for the caller (the old ones stop working); password and a code. */
export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; code: string },
  client: ClientInfo,
): Promise<{ recoveryCodes: string[] }> {
  return confirmOwnSecondFactor(ctx, actor, input, client, async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(ctx, tx, actor.member.id);
    await recordActivity(tx, ctx.clock, {
      accountId: actor.subject.accountId,
      author: actor,
      action: 'two_factor.recovery_codes_replaced',
      target: memberTarget(actor.member),
    });
    return { recoveryCodes };
  });
}

/**
 * Removes every second factor of these members, in the caller's transaction: authenticator,
 * recovery codes and passkeys. True when anything was removed.
 */
export async function removeSecondFactors(tx: Db, memberIds: string[]): Promise<boolean> {
  let removed = await store.deleteTotpAndRecoveryCodes(tx, memberIds);
  for (const memberId of memberIds) removed = (await deleteMemberPasskeys(tx, memberId)) > 0 || removed;
  return removed;
}

/**
 * An Account Admin resets another member's two-factor (they lost their phone): every second
 * factor and every session of theirs goes, so they sign in again and, if the account requires
 * two-factor, set it up again. Audited. A member of another account is a 404.
 */
export async function resetMemberTwoFactor(ctx: AppContext, actor: Actor, memberId: string): Promise<void> {
  const { accountId } = actor.subject;
  await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const member = (await findMember(tx, accountId, memberId)) ?? missingMember();
    if (member.id === actor.member.id) {
      throw new DomainError(
        'conflict',
        'To turn off your own two-factor, use your profile: it asks for your password and a code.',
      );
    }
    const had = await store.hasSecondFactor(tx, member.id);
    await removeSecondFactors(tx, [member.id]);
    await deleteMemberSessions(tx, member.id);
    await recordActivity(tx, ctx.clock, {
      accountId,
      author: actor,
      action: 'team_member.two_factor_reset',
      target: memberTarget(member),
      before: { twoFactorEnabled: had },
      after: { twoFactorEnabled: false, sessionsEnded: true },
    });
  });
}

function missingMember(): never {
  throw notFound('Team member');
}
