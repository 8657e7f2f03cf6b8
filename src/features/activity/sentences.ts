import { MASK } from '../../access/masking.js';
import { kindByStoredName } from '../content/kinds.js';
import { supportActionKinds, supportSentences } from '../support/sentences.js';
import { transferActionKinds, transferSentences } from '../transfers/sentences.js';
import { accountClauses, settingsClauses } from './settings-clauses.js';
import { invited, memberUpdated, rolesChanged, self, whom, whose } from './team-sentences.js';
import {
  type Change,
  type Data,
  genericChanges,
  list,
  type Names,
  num,
  personChanges,
  personName,
  plural,
  possessive,
  quoted,
  str,
  valueWords,
} from './words.js';

/**
 * Each entry of the activity log as a sentence ("Ada Lovelace changed Grace Hopper’s role in
 * Staging from Viewer to Author") and its changes as rows in words. Built from the entry as the
 * reader may see it: for a member with hidden attributes, from the masked entry, so the sentence
 * can say no more than the entry does.
 */

export interface EntryView {
  action: string;
  actor: { memberId: string | null; name: string };
  target: { type: string; id: string; name: string | null };
  before: Data;
  after: Data;
}

export interface Described {
  summary: string;
  changes: Change[];
}

type Describe = (e: EntryView, n: Names) => string | { summary: string; changes: Change[] };

const methods: Record<string, string> = {
  password: 'their password',
  totp: 'an authenticator code',
  recoveryCode: 'a recovery code',
  passkey: 'a passkey',
};
const keyKinds: Record<string, string> = { track: 'Track API key', app: 'App API key' };

const person = (e: EntryView) => {
  const name = personName(e.after) ?? personName(e.before);
  return name ? `the person ${name}` : 'a person';
};

/** Sentences by action. Content kinds (`segment.created`…) and anything newer fall to `generic`. */
const ssoKinds: Record<string, string> = { oidc: 'OpenID Connect', saml: 'SAML 2.0' };

const describe: Record<string, Describe> = {
  'account.created': (e) => `${e.actor.name} created the account ${quoted(e.target.name ?? '')}`,
  'account.updated': (e, n) => `${e.actor.name} ${list(accountClauses(e, n))}`,
  'account.plan_set': (e, n) =>
    `${e.actor.name} set the plan to ${valueWords('plan', e.after?.plan, n) ?? 'another plan'}`,
  'workspace.created': (e) => `${e.actor.name} created the workspace ${quoted(e.target.name ?? '')}`,
  'workspace.updated': (e) => {
    const clauses: string[] = [];
    const ws = e.target.name ?? 'the workspace';
    if (e.after && 'name' in e.after)
      clauses.push(`renamed the workspace ${quoted(String(e.before?.name))} to ${quoted(ws)}`);
    if (e.after && 'color' in e.after) clauses.push(`changed ${possessive(ws)} colour`);
    if (e.after && 'access' in e.after) clauses.push(`changed who has access to ${ws}`);
    return `${e.actor.name} ${list(clauses.length > 0 ? clauses : [`edited ${ws}`])}`;
  },
  'workspace.settings_changed': (e, n) => `${e.actor.name} ${list(settingsClauses(e, n))}`,
  'workspace.deleted': (e) => `${e.actor.name} deleted the workspace ${quoted(e.target.name ?? '')}`,
  // An operator's import-workspace (src/features/workspace-archive).
  'workspace.imported': (e) =>
    `${e.actor.name} imported the workspace ${quoted(e.target.name ?? '')} from an archive`,
  'team_member.invited': invited,
  'team_member.updated': memberUpdated,
  'team_member.roles_changed': rolesChanged,
  'team_member.deleted': (e) => `${e.actor.name} removed ${e.target.name ?? 'a team member'} from the team`,
  'team_member.invite_resent': (e) =>
    `${e.actor.name} sent ${possessive(e.target.name ?? 'a team member')} invitation again`,
  'team_member.invite_revoked': (e) =>
    `${e.actor.name} withdrew the invitation of ${str(e.before?.email) ?? e.target.name ?? 'a team member'}`,
  'team_member.invite_accepted': (e) => `${e.actor.name} accepted the invitation and joined the team`,
  'team_member.email_verification_sent': (e) =>
    `${e.actor.name} sent a link to confirm ${str(e.after?.email) ?? `${whose(e)} email address`}`,
  'team_member.email_change_requested': (e) =>
    `${e.actor.name} asked to change ${whose(e)} email address to ${str(e.after?.pendingEmail) ?? 'another one'}`,
  'team_member.email_verified': (e) =>
    `${e.actor.name} confirmed the email address ${str(e.after?.email) ?? ''}`.trim(),
  'team_member.email_changed': (e) =>
    `${e.actor.name} changed ${whose(e)} email address from ${str(e.before?.email)} to ${str(e.after?.email)}`,
  'team_member.password_reset_requested': (e) =>
    self(e)
      ? `${e.actor.name} asked for a password reset link`
      : `${e.actor.name} sent ${whom(e)} a password reset link`,
  'team_member.password_changed': (e) => `${e.actor.name} changed ${whose(e)} password`,
  'team_member.two_factor_reset': (e) =>
    `${e.actor.name} reset ${whose(e)} two-factor authentication and signed them out everywhere`,
  'team_member.other_sessions_ended': (e) =>
    `${e.actor.name} signed out of ${plural(num(e.after?.sessionsEnded), 'other session')}`,
  'two_factor.enabled': (e) => `${e.actor.name} turned on two-factor authentication`,
  'two_factor.disabled': (e) => `${e.actor.name} turned off two-factor authentication`,
  'two_factor.recovery_codes_replaced': (e) => `${e.actor.name} replaced their recovery codes`,
  'two_factor.recovery_code_used': (e) => `${e.actor.name} signed in with a recovery code`,
  'passkey.created': (e) => `${e.actor.name} added the passkey ${quoted(e.target.name ?? '')}`,
  'passkey.renamed': (e) =>
    `${e.actor.name} renamed the passkey ${quoted(String(e.before?.name))} to ${quoted(String(e.after?.name))}`,
  'passkey.deleted': (e) => `${e.actor.name} removed the passkey ${quoted(e.target.name ?? '')}`,
  'sso.created': (e) =>
    `${e.actor.name} set up single sign-on (${ssoKinds[str(e.after?.type) ?? ''] ?? 'SSO'})`,
  'sso.updated': (e) => `${e.actor.name} changed the single sign-on settings`,
  'sso.deleted': (e) => `${e.actor.name} turned single sign-on off`,
  'sso.domain_verified': (e) =>
    `${e.actor.name} verified the domain ${str(e.after?.domain) ?? ''} for single sign-on`.trim(),
  'sso.break_glass_sign_in': (e) =>
    `${e.actor.name} signed in with ${e.after?.method === 'passkey' ? 'a passkey' : 'a password'} and two-factor, bypassing single sign-on`,
  'session.ended': (e) => `${e.actor.name} signed out one of their sessions`,
  'session.reauthenticated': (e) =>
    `${e.actor.name} confirmed it was them with ${methods[str(e.after?.method) ?? ''] ?? 'their password'}`,
  'api_key.created': (e) =>
    `${e.actor.name} created the ${keyKinds[str(e.after?.kind) ?? ''] ?? 'API key'} ${quoted(e.target.name ?? '')}`,
  'api_key.revoked': (e) =>
    `${e.actor.name} revoked the ${keyKinds[str(e.before?.kind) ?? ''] ?? 'API key'} ${quoted(e.target.name ?? '')}`,
  ...supportSentences,
  'message.test_sent': (e) =>
    `${e.actor.name} sent a test of the message ${quoted(e.target.name ?? '')}${e.after?.mode === 'test' ? ' to the test recipient' : e.after?.mode === 'never' ? ' (send mode never: nothing left)' : ''}`,
  'scim_token.created': (e) => `${e.actor.name} created the SCIM token ${quoted(e.target.name ?? '')}`,
  'scim_token.revoked': (e) => `${e.actor.name} revoked the SCIM token ${quoted(e.target.name ?? '')}`,
  // By single sign-on's just-in-time provisioning (via: sso), or by SCIM.
  'team_member.provisioned': (e) =>
    `${e.actor.name} added ${e.target.name || str(e.after?.email) || 'someone'} to the team${e.after?.via === 'sso' ? ' at their first sign-in' : ''}${e.after?.status === 'invited' ? ' and sent an invitation' : ''}`,
  'team_member.deactivated': (e) => `${e.actor.name} deactivated ${e.target.name ?? 'a team member'}`,
  'team_member.reactivated': (e) => `${e.actor.name} reactivated ${e.target.name ?? 'a team member'}`,
  'scim_group.created': (e) => `${e.actor.name} added the group ${quoted(e.target.name ?? '')}`,
  'scim_group.updated': (e) =>
    `${e.actor.name} renamed the group ${quoted(str(e.before?.displayName) ?? '')} to ${quoted(e.target.name ?? '')}`,
  'scim_group.deleted': (e) => `${e.actor.name} deleted the group ${quoted(e.target.name ?? '')}`,
  'scim_group.members_changed': (e) => {
    const names = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    const [added, removed] = [names(e.after?.added), names(e.after?.removed)];
    const parts = [
      ...(added.length ? [`added ${list(added)}`] : []),
      ...(removed.length ? [`removed ${list(removed)}`] : []),
    ];
    return `${e.actor.name} ${parts.join(' and ') || 'changed the members'} ${added.length && !removed.length ? 'to' : 'in'} the group ${quoted(e.target.name ?? '')}`;
  },
  'scim_group.roles_mapped': (e) =>
    `${e.actor.name} changed the workspace roles of the group ${quoted(e.target.name ?? '')}`,
  'person.created': (e, n) => ({
    summary: `${e.actor.name} added ${person(e)}`,
    changes: personChanges(null, e.after, n),
  }),
  'person.updated': (e, n) => ({
    summary: `${e.actor.name} updated ${person(e)}`,
    changes: personChanges(e.before, e.after, n),
  }),
  'person.deleted': (e, n) => ({
    summary: `${e.actor.name} deleted ${person(e)}`,
    changes: personChanges(e.before, null, n),
  }),
  'person.merged': (e) => {
    const merged = Array.isArray(e.before?.merged) ? e.before.merged.length : 0;
    const into = personName(e.after);
    // A Track API merge_customers names its two people and says so in `reason` (present, if
    // masked, for a reader with hidden attributes); revalidation merges people sharing an email.
    const who = e.after?.reason === undefined ? ' who share an email' : '';
    return `${e.actor.name} merged ${plural(merged + 1, 'person', 'people')}${who}${into ? ` into ${into}` : ''}`;
  },
  'person.track_rejected': (e) => {
    const why = str(e.after?.error);
    return `A Track API call queued during revalidation was refused${why && why !== MASK ? `: ${why}` : ''}`;
  },
  'people.imported': (e) => {
    const a = e.after ?? {};
    const refused = num(a.failed);
    return `${e.actor.name} added ${plural(num(a.created), 'person', 'people')} and updated ${num(a.updated).toLocaleString('en')}${refused ? `; ${plural(refused, 'row')} refused` : ''}`;
  },
  'people.exported': (e) => {
    const format = str(e.after?.format)?.toUpperCase() ?? 'a file';
    const count = e.after?.people;
    return `${e.actor.name} exported ${typeof count === 'number' ? plural(count, 'person', 'people') : 'people'} as ${format}`;
  },
  'segment.imported': (e) => {
    const a = e.after ?? {};
    return `${e.actor.name} imported ${plural(num(a.rows), 'row')} into the segment ${quoted(e.target.name ?? '')}: ${num(a.added).toLocaleString('en')} added, ${num(a.unmatched).toLocaleString('en')} not found`;
  },
  'broadcast.sent': (e) =>
    `${e.actor.name} sent the broadcast ${quoted(e.target.name ?? '')} to ${plural(num(e.after?.recipients), 'person', 'people')}`,
  'relationship.created': (e) => `${e.actor.name} related a person to an object`,
  'relationship.updated': (e) => `${e.actor.name} changed a relationship between a person and an object`,
  'relationship.deleted': (e) => `${e.actor.name} removed a relationship between a person and an object`,
  ...transferSentences,
};

const verbs: Record<string, string> = {
  created: 'created',
  copied: 'copied',
  updated: 'changed',
  deleted: 'deleted',
};

/** `<kind>.<verb>` of the content kinds, and a readable fallback for any action not listed above. */
function generic(e: EntryView): string {
  const [type = '', verb = ''] = e.action.split('.');
  const kind = kindByStoredName.get(type);
  const what = (kind?.label ?? type.replace(/_/g, ' ')).toLowerCase();
  const name = e.target.name ? ` ${quoted(e.target.name)}` : '';
  return `${e.actor.name} ${verbs[verb] ?? verb.replace(/_/g, ' ')} the ${what}${name}`;
}

export function describeEntry(e: EntryView, names: Names): Described {
  const made = (describe[e.action] ?? generic)(e, names);
  if (typeof made !== 'string') return made;
  const changes = genericChanges(e.before, e.after, names).filter(
    (c) => c.before !== c.after || e.before === null || e.after === null,
  );
  return { summary: made, changes };
}

/** The kinds of action the log holds, in words, for the console's filter. */
export const actionKinds: { action: string; label: string }[] = [
  ['team_member.roles_changed', 'Role changes'],
  ['team_member.invited', 'Invitations'],
  ['team_member.updated', 'Team member edits'],
  ['team_member.deleted', 'Team members removed'],
  ['workspace.settings_changed', 'Workspace settings'],
  ['workspace.created', 'Workspaces created'],
  ['workspace.updated', 'Workspaces renamed or shared'],
  ['workspace.deleted', 'Workspaces deleted'],
  ['workspace.imported', 'Workspaces imported from an archive'],
  ['account.updated', 'Account changes'],
  ['api_key.created', 'API keys created'],
  ['api_key.revoked', 'API keys revoked'],
  ['sso.created', 'Single sign-on set up'],
  ['sso.updated', 'Single sign-on changes'],
  ['sso.deleted', 'Single sign-on turned off'],
  ['sso.domain_verified', 'Domains verified'],
  ['sso.break_glass_sign_in', 'Break-glass sign-ins'],
  ['team_member.provisioned', 'Team members provisioned'],
  ['team_member.deactivated', 'Team members deactivated'],
  ['team_member.reactivated', 'Team members reactivated'],
  ['scim_token.created', 'SCIM tokens created'],
  ['scim_token.revoked', 'SCIM tokens revoked'],
  ['scim_group.created', 'Groups added by SCIM'],
  ['scim_group.updated', 'Groups renamed by SCIM'],
  ['scim_group.members_changed', 'Group members changed by SCIM'],
  ['scim_group.deleted', 'Groups deleted by SCIM'],
  ['scim_group.roles_mapped', 'Group role mappings'],
  ['person.created', 'People added'],
  ['person.updated', 'People updated'],
  ['person.deleted', 'People deleted'],
  ['people.imported', 'Imports'],
  ['people.exported', 'Exports'],
  ['broadcast.sent', 'Broadcasts sent'],
  ...transferActionKinds,
  ...supportActionKinds,
  ['message.test_sent', 'Test sends by support'],
].map(([action = '', label = '']) => ({ action, label }));
