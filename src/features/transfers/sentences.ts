import type { Described, EntryView } from '../activity/sentences.js';
import { plural, quoted } from '../activity/words.js';

/**
 * How a transfer's entries read in the activity log. The sentence says it all; the entry's ids
 * (the transfer's) are not shown as details.
 */
const text = (v: unknown, otherwise: string) => (typeof v === 'string' && v !== '' ? v : otherwise);
const said = (summary: string): Described => ({ summary, changes: [] });
const ws = (e: EntryView) => `the workspace ${quoted(e.target.name ?? '')}`;
const keys = (e: EntryView) => {
  const n = typeof e.after?.revokedApiKeys === 'number' ? e.after.revokedApiKeys : 0;
  return n > 0 ? `; ${plural(n, 'API key')} revoked` : '';
};

export const transferSentences: Record<string, (e: EntryView) => Described> = {
  'workspace.transfer_offered': (e) =>
    said(`${e.actor.name} offered ${ws(e)} to ${text(e.after?.targetAccountName, 'another account')}`),
  'workspace.transferred_out': (e) =>
    said(
      `${e.actor.name} of ${text(e.after?.targetAccountName, 'another account')} accepted ${ws(e)}: it moved to their account${keys(e)}`,
    ),
  'workspace.transferred_in': (e) =>
    said(
      `${e.actor.name} accepted ${ws(e)} from ${text(e.after?.sourceAccountName, 'another account')}: it moved to this account${keys(e)}`,
    ),
  // The target's entry names the source; the source's (same action) names the target.
  'workspace.transfer_declined': (e) =>
    said(
      typeof e.after?.targetAccountName === 'string'
        ? `${e.actor.name} of ${e.after.targetAccountName} declined ${ws(e)}`
        : `${e.actor.name} declined ${ws(e)} offered by ${text(e.after?.sourceAccountName, 'another account')}`,
    ),
  'workspace.transfer_cancelled': (e) =>
    said(
      `${e.actor.name}${typeof e.after?.byAccountName === 'string' ? ` of ${e.after.byAccountName}` : ''} cancelled the transfer of ${ws(e)}`,
    ),
};

export const transferActionKinds: [string, string][] = [
  ['workspace.transfer_offered', 'Workspaces offered to another account'],
  ['workspace.transferred_out', 'Workspaces moved away'],
  ['workspace.transferred_in', 'Workspaces received'],
  ['workspace.transfer_declined', 'Workspace offers declined'],
  ['workspace.transfer_cancelled', 'Workspace offers cancelled'],
];
