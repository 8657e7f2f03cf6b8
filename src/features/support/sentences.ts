import type { EntryView } from '../activity/sentences.js';
import { plural, quoted, roleLabel } from '../activity/words.js';

/** A stored time in words (UTC). */
const utc = (v: unknown) => (typeof v === 'string' ? new Date(v).toUTCString() : 'the grant’s end');
const reason = (e: EntryView) => quoted(e.target.name ?? '');

/**
 * How support access reads in the activity log. The author of a support session's own entries
 * reads "Support (agent) via grant grt_…" (src/features/auth/actor.ts supportLabel).
 */
export const supportSentences: Record<string, (e: EntryView) => string> = {
  'support_grant.created': (e) =>
    `${e.actor.name} let support in as ${roleLabel(e.after?.role)}${e.after?.workspaces === 'all' ? ' in every workspace' : ''} until ${utc(e.after?.expiresAt)}, for ${reason(e)}`,
  'support_grant.revoked': (e) =>
    `${e.actor.name} revoked support access for ${reason(e)}${typeof e.after?.sessionsEnded === 'number' && e.after.sessionsEnded > 0 ? `, ending ${plural(e.after.sessionsEnded, 'session')}` : ''}`,
  'support_session.started': (e) =>
    `${e.actor.name} signed in for ${quoted(typeof e.after?.reason === 'string' ? e.after.reason : '')}, until ${utc(e.after?.endsAt)}`,
  'support_session.ended': (e) => `${e.actor.name} signed out`,
};

export const supportActionKinds: [string, string][] = [
  ['support_grant.created', 'Support access granted'],
  ['support_grant.revoked', 'Support access revoked'],
  ['support_session.started', 'Support sessions started'],
  ['support_session.ended', 'Support sessions ended'],
];
