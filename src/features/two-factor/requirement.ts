import { DomainError } from '../../shared/errors.js';

/** What a session knows of its member's two-factor, loaded with it on every request. */
export interface TwoFactorStatus {
  /** The member has a second factor (store.ts, hasSecondFactorSql). */
  enabled: boolean;
  /** Their account requires every member to have one. */
  required: boolean;
}

/** The member must set up two-factor before doing anything else. */
export const mustEnrolTwoFactor = (status: TwoFactorStatus): boolean => status.required && !status.enabled;

/**
 * What a session that must enrol may still reach: the member themself (GET and PATCH /api/me and
 * everything under /api/me/ about them: profile, two-factor, passkeys, sessions, password; not
 * the choice of a current workspace) and logging out. Matched on the route's pattern, never the
 * raw URL.
 */
const reachableWhileEnrolling = (method: string, route: string): boolean =>
  route === '/api/me' ||
  (route.startsWith('/api/me/') && route !== '/api/me/current-workspace') ||
  (method === 'DELETE' && route === '/api/session');

/**
 * THE rule of the account's two-factor requirement, asked by the auth gate on every request: a
 * member without two-factor in an account that requires it gets 403 two_factor_enrollment_required
 * everywhere but their profile and enrolment. Read per request, so it takes effect, and lets go
 * after enrolment, at once.
 */
export function assertTwoFactorEnrolment(status: TwoFactorStatus, method: string, route: string): void {
  if (mustEnrolTwoFactor(status) && !reachableWhileEnrolling(method, route)) {
    throw new DomainError(
      'two_factor_enrollment_required',
      'Your account requires two-factor authentication: set it up in your profile first.',
    );
  }
}
