import type { EntryView } from './sentences.js';
import { type Names, possessive, quoted, sendModeLabel, valueWords } from './words.js';

// The clauses of an account's or a workspace's settings change, joined into one sentence by sentences.ts.

/** The clauses of a settings change, each a sentence's end: "changed Staging’s send mode to test". */
export function settingsClauses(e: EntryView, n: Names): string[] {
  const ws = e.target.name ?? 'the workspace';
  const a = e.after ?? {};
  return Object.keys(a).map((key) => {
    const v = a[key];
    switch (key) {
      case 'sendMode':
        return `changed ${possessive(ws)} send mode to ${sendModeLabel(v)}`;
      case 'testRecipientMemberId':
        return `made ${valueWords(key, v, n) ?? 'nobody'} ${possessive(ws)} test recipient`;
      case 'openTracking':
        return `turned open tracking ${v ? 'on' : 'off'} in ${ws}`;
      case 'senderAddress':
        return v
          ? `changed ${possessive(ws)} sender address to ${v}`
          : `reset ${possessive(ws)} sender address`;
      case 'identifiers':
        return `changed ${possessive(ws)} identifiers to ${valueWords(key, v, n)}`;
      case 'allowEmailUpdateById':
        return `${v ? 'allowed' : 'stopped allowing'} email updates by ID in ${ws}`;
      default:
        return `changed ${possessive(ws)} ${valueWords('field', key, n)?.toLowerCase()}`;
    }
  });
}

export function accountClauses(e: EntryView, n: Names): string[] {
  const a = e.after ?? {};
  const b = e.before ?? {};
  const clauses: string[] = [];
  if ('name' in a)
    clauses.push(`renamed the account from ${quoted(String(b.name))} to ${quoted(String(a.name))}`);
  if ('plan' in a)
    clauses.push(
      `changed the plan from ${valueWords('plan', b.plan, n)} to ${valueWords('plan', a.plan, n)}`,
    );
  if ('requireTwoFactor' in a)
    clauses.push(
      a.requireTwoFactor
        ? 'required two-factor authentication of everyone'
        : 'stopped requiring two-factor authentication',
    );
  if (clauses.length === 0) clauses.push('changed the account’s settings');
  return clauses;
}
