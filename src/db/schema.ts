/**
 * Drizzle's view of the tables that the SQL migrations create (src/db/migrations). The migrations are
 * the truth; a test (schema.test.ts) checks that every column here exists there with the same type.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
// Both drivers read and write bytea as a Buffer / Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

import type { AccountRole, WorkspaceRole } from '../access/roles.js';

export type Plan = 'free' | 'essentials' | 'premium' | 'team' | 'custom';
export type SendMode = 'normal' | 'test' | 'never';
export type ProcessingState = 'ready' | 'revalidating';
/** `deactivated`: turned off by SCIM provisioning (active: false); signs in no more. */
export type MemberStatus = 'active' | 'invited' | 'deactivated';
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  plan: text('plan').$type<Plan>().notNull(),
  customMaxWorkspaces: integer('custom_max_workspaces'),
  customMaxMembers: integer('custom_max_members'),
  trialEndsAt: time('trial_ends_at'),
  createdByMemberId: text('created_by_member_id'),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
});

export const members = pgTable('members', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  email: text('email').notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  passwordHash: text('password_hash'),
  accountRole: text('account_role').$type<AccountRole>().notNull(),
  canBilling: boolean('can_billing').notNull(),
  canApiCredentials: boolean('can_api_credentials').notNull(),
  canSupportAccess: boolean('can_support_access').notNull(),
  status: text('status').$type<MemberStatus>().notNull(),
  marketingOptIn: boolean('marketing_opt_in').notNull(),
  currentWorkspaceId: text('current_workspace_id'),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
  lastLoginAt: time('last_login_at'),
  allWorkspacesRole: text('all_workspaces_role').$type<WorkspaceRole>(),
  allWorkspacesHideAttributes: boolean('all_workspaces_hide_attributes').notNull().default(false),
  /** When a link emailed to the current address was used (migration 0022); null: unverified. */
  emailVerifiedAt: time('email_verified_at'),
  /** The identity provider's id for the member (OIDC sub, SAML NameID), bound at their first SSO sign-in. */
  ssoSubject: text('sso_subject'),
  /** The identity provider's id for the member (SCIM externalId, migration 0027). */
  externalId: text('external_id'),
});

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  name: text('name').notNull(),
  color: text('color').notNull(),
  sendMode: text('send_mode').$type<SendMode>().notNull(),
  testRecipientMemberId: text('test_recipient_member_id'),
  openTracking: boolean('open_tracking').notNull(),
  identifyByEmail: boolean('identify_by_email').notNull(),
  identifyById: boolean('identify_by_id').notNull(),
  allowEmailUpdateById: boolean('allow_email_update_by_id').notNull(),
  processingState: text('processing_state').$type<ProcessingState>().notNull(),
  /** The job of the last change of identifiers (migration 0018): earlier ones are superseded. */
  revalidationJobId: text('revalidation_job_id'),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
  deletedAt: time('deleted_at'),
  senderAddress: text('sender_address'),
  /** Whether anyone was ever suppressed here (migration 0030): identify looks suppressions up only then. */
  suppresses: boolean('suppresses').notNull().default(false),
});

export const workspaceRoles = pgTable(
  'workspace_roles',
  {
    workspaceId: text('workspace_id').notNull(),
    memberId: text('member_id').notNull(),
    role: text('role').$type<WorkspaceRole>().notNull(),
    hideAttributes: boolean('hide_attributes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.memberId] })],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  memberId: text('member_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: time('created_at').notNull(),
  lastSeenAt: time('last_seen_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** When the person last proved who they are in this session (opening it, or re-authenticating). */
  authenticatedAt: time('authenticated_at').notNull(),
});

export const memberTotp = pgTable('member_totp', {
  memberId: text('member_id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: time('created_at').notNull(),
  confirmedAt: time('confirmed_at'),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});

export const recoveryCodes = pgTable('recovery_codes', {
  id: text('id').primaryKey(),
  memberId: text('member_id').notNull(),
  codeHash: text('code_hash').notNull(),
  createdAt: time('created_at').notNull(),
  usedAt: time('used_at'),
});

export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStartedAt: time('window_started_at').notNull(),
  hits: integer('hits').notNull(),
});

export const activity = pgTable('activity', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  workspaceId: text('workspace_id'),
  actorMemberId: text('actor_member_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  targetName: text('target_name'),
  before: jsonb('before').$type<Record<string, unknown>>(),
  after: jsonb('after').$type<Record<string, unknown>>(),
  createdAt: time('created_at').notNull(),
  ipAddress: text('ip_address'),
});

export const jobs = pgTable('jobs', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  workspaceId: text('workspace_id'),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  state: text('state').$type<JobState>().notNull(),
  progressDone: integer('progress_done').notNull(),
  progressTotal: integer('progress_total'),
  attempts: integer('attempts').notNull(),
  runAfter: time('run_after').notNull(),
  leaseExpiresAt: time('lease_expires_at'),
  lastError: text('last_error'),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
  finishedAt: time('finished_at'),
  result: jsonb('result').$type<Record<string, unknown>>(),
  /** The attempt that last saved progress with its work: attempts beyond it made none. */
  progressAttempt: integer('progress_attempt').notNull(),
});

export const invitations = pgTable('invitations', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  memberId: text('member_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedByMemberId: text('invited_by_member_id'),
  invitedByName: text('invited_by_name').notNull(),
  createdAt: time('created_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  acceptedAt: time('accepted_at'),
  revokedAt: time('revoked_at'),
  /** Emailed recipient-only (migration 0022): using it proves the address, the inviter never read it. */
  recipientOnly: boolean('recipient_only').notNull().default(false),
});

export const passwordResets = pgTable('password_resets', {
  id: text('id').primaryKey(),
  memberId: text('member_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  requestedByMemberId: text('requested_by_member_id'),
  createdAt: time('created_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  usedAt: time('used_at'),
  revokedAt: time('revoked_at'),
});

/** Links proving an address (migration 0022): 'verify' the current one, 'change' to a new one. */
export const emailVerifications = pgTable('email_verifications', {
  id: text('id').primaryKey(),
  memberId: text('member_id').notNull(),
  purpose: text('purpose').$type<'verify' | 'change'>().notNull(),
  email: text('email').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: time('created_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  usedAt: time('used_at'),
  revokedAt: time('revoked_at'),
});

export type OutboxState = 'captured' | 'queued' | 'sent' | 'failed' | 'suppressed';

export const outbox = pgTable('outbox', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  workspaceId: text('workspace_id'),
  kind: text('kind').notNull(),
  toAddress: text('to_address').notNull(),
  fromAddress: text('from_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body'),
  state: text('state').$type<OutboxState>().notNull(),
  attempts: integer('attempts').notNull(),
  sentAt: time('sent_at'),
  lastError: text('last_error'),
  createdAt: time('created_at').notNull(),
});

export type ApiKeyKind = 'track' | 'app';

export const apiKeys = pgTable(
  'api_keys',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    accountId: text('account_id').notNull(),
    kind: text('kind').$type<ApiKeyKind>().notNull(),
    name: text('name').notNull(),
    publicId: text('public_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdByMemberId: text('created_by_member_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: time('created_at').notNull(),
    lastUsedAt: time('last_used_at'),
    revokedAt: time('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const people = pgTable(
  'people',
  {
    workspaceId: text('workspace_id').notNull(),
    cioId: text('cio_id').notNull(),
    externalId: text('external_id'),
    email: text('email'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.cioId] })],
);

export const events = pgTable(
  'events',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    cioId: text('cio_id').notNull(),
    name: text('name').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: time('created_at').notNull(),
    /** Migration 0030: event, page (view; the name is the URL) or screen (view). */
    type: text('type').$type<EventType>().notNull().default('event'),
    /** Migration 0030: the client's own id for the event; a second event with it is ignored. */
    clientId: text('client_id'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export type TrackOperation = 'identify' | 'delete' | 'event';

export const trackQueue = pgTable(
  'track_queue',
  {
    workspaceId: text('workspace_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** Rows queued before migration 0030: the call; later ones hold `op` instead. */
    operation: text('operation').$type<TrackOperation>(),
    identifier: text('identifier'),
    body: jsonb('body').$type<Record<string, unknown>>(),
    /** The queued operation (src/features/track/operations.ts), as JSON (migration 0030). */
    op: jsonb('op').$type<Record<string, unknown>>(),
    receivedAt: time('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.seq] })],
);

export const importChunks = pgTable(
  'import_chunks',
  {
    workspaceId: text('workspace_id').notNull(),
    jobId: text('job_id').notNull(),
    seq: integer('seq').notNull(),
    /** Each row: its line number in the file and its cells by column name. */
    rows: jsonb('rows')
      .$type<{ line: number; cells: Record<string, string>; problem?: string }[]>()
      .notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.jobId, t.seq] })],
);

/** CSV uploads still streaming in (migration 0020): touched as they go, swept when silent. */
export const importUploads = pgTable(
  'import_uploads',
  {
    workspaceId: text('workspace_id').notNull(),
    jobId: text('job_id').notNull(),
    touchedAt: time('touched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.jobId] })],
);

export const resources = pgTable(
  'resources',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    createdByMemberId: text('created_by_member_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const relationships = pgTable(
  'relationships',
  {
    workspaceId: text('workspace_id').notNull(),
    objectId: text('object_id').notNull(),
    cioId: text('cio_id').notNull(),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
    createdAt: time('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.objectId, t.cioId] })],
);

export const segmentMembers = pgTable(
  'segment_members',
  {
    workspaceId: text('workspace_id').notNull(),
    segmentId: text('segment_id').notNull(),
    cioId: text('cio_id').notNull(),
    /** Migration 0033: when the person joined (the time of the migration for earlier members). */
    addedAt: time('added_at').notNull().default(sql`date_trunc('milliseconds', now())`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.segmentId, t.cioId] })],
);

export const assetBlobs = pgTable(
  'asset_blobs',
  {
    workspaceId: text('workspace_id').notNull(),
    assetId: text('asset_id').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.assetId] })],
);

export type DeliveryState = 'draft' | 'queued' | 'sent' | 'failed' | 'suppressed' | 'captured';

export const deliveries = pgTable(
  'deliveries',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    messageId: text('message_id').notNull(),
    sourceId: text('source_id').notNull(),
    cioId: text('cio_id'),
    recipient: text('recipient'),
    subject: text('subject').notNull(),
    state: text('state').$type<DeliveryState>().notNull(),
    reason: text('reason'),
    outboxId: text('outbox_id'),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    sendId: text('send_id'),
    /** hashToken of the token in the email's tracked links and pixel. */
    trackTokenHash: text('track_token_hash'),
    metrics: boolean('metrics').notNull().default(true),
    opens: integer('opens').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    firstOpenedAt: time('first_opened_at'),
    firstClickedAt: time('first_clicked_at'),
    tracksOpens: boolean('tracks_opens').notNull().default(false),
    channel: text('channel').notNull().default('email'),
    targetUrl: text('target_url'),
    payload: text('payload'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const deliveryLinks = pgTable(
  'delivery_links',
  {
    workspaceId: text('workspace_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    position: integer('position').notNull(),
    url: text('url').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.deliveryId, t.position] })],
);

export const exportChunks = pgTable(
  'export_chunks',
  {
    workspaceId: text('workspace_id').notNull(),
    jobId: text('job_id').notNull(),
    seq: integer('seq').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.jobId, t.seq] })],
);

export const passkeys = pgTable('passkeys', {
  id: text('id').primaryKey(),
  memberId: text('member_id').notNull(),
  /** base64url, as WebAuthn's JSON carries it. */
  credentialId: text('credential_id').notNull(),
  publicKey: bytea('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull().default(0),
  transports: jsonb('transports').$type<string[]>().notNull().default([]),
  backedUp: boolean('backed_up').notNull().default(false),
  name: text('name').notNull(),
  createdAt: time('created_at').notNull(),
  lastUsedAt: time('last_used_at'),
});

export type ChallengePurpose = 'register' | 'authenticate';

export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: text('id').primaryKey(),
  challengeHash: text('challenge_hash').notNull(),
  purpose: text('purpose').$type<ChallengePurpose>().notNull(),
  memberId: text('member_id'),
  createdAt: time('created_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  usedAt: time('used_at'),
});

export type SsoType = 'oidc' | 'saml';

export const accountSso = pgTable('account_sso', {
  accountId: text('account_id').primaryKey(),
  type: text('type').$type<SsoType>().notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  clientSecret: text('client_secret'),
  enforce: boolean('enforce').notNull().default(false),
  jitProvisioning: boolean('jit_provisioning').notNull().default(false),
  jitAccess: jsonb('jit_access').$type<WorkspaceAccessSetting>().notNull(),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
});

/** The access given to members created at their first SSO sign-in (the invitation's shape). */
export type WorkspaceAccessSetting =
  | { mode: 'all'; role: WorkspaceRole; hideAttributes?: boolean | undefined }
  | {
      mode: 'custom';
      roles: { workspaceId: string; role: WorkspaceRole; hideAttributes?: boolean | undefined }[];
    };

export const ssoDomains = pgTable(
  'sso_domains',
  {
    accountId: text('account_id').notNull(),
    domain: text('domain').notNull(),
    verificationToken: text('verification_token').notNull(),
    createdAt: time('created_at').notNull(),
    verifiedAt: time('verified_at'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.domain] })],
);

export const ssoLogins = pgTable('sso_logins', {
  id: text('id').primaryKey(),
  stateHash: text('state_hash').notNull(),
  browserHash: text('browser_hash'),
  accountId: text('account_id').notNull(),
  type: text('type').$type<SsoType>().notNull(),
  nonce: text('nonce'),
  codeVerifier: text('code_verifier'),
  requestId: text('request_id'),
  invitationTokenHash: text('invitation_token_hash'),
  nextPath: text('next_path'),
  testRun: boolean('test_run').notNull().default(false),
  createdAt: time('created_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  usedAt: time('used_at'),
});

export const samlUsedAssertions = pgTable(
  'saml_used_assertions',
  {
    accountId: text('account_id').notNull(),
    assertionId: text('assertion_id').notNull(),
    expiresAt: time('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.assertionId] })],
);

export const scimTokens = pgTable('scim_tokens', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: time('created_at').notNull(),
  createdByName: text('created_by_name').notNull(),
  lastUsedAt: time('last_used_at'),
});

/** What members of a SCIM group get in one workspace (or in all of them). */
export interface ScimRoleMapping {
  workspaceId: string | 'all';
  role: WorkspaceRole;
  hideAttributes: boolean;
}

export const scimGroups = pgTable('scim_groups', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  displayName: text('display_name').notNull(),
  externalId: text('external_id'),
  roleMappings: jsonb('role_mappings').$type<ScimRoleMapping[]>().notNull().default([]),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
});

export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    groupId: text('group_id').notNull(),
    memberId: text('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] })],
);

/** Moving a workspace to another account (migration 0029, src/features/transfers). */
export type TransferStatus = 'pending' | 'moving' | 'done' | 'declined' | 'cancelled' | 'expired';

export const workspaceTransfers = pgTable('workspace_transfers', {
  id: text('id').primaryKey(),
  workspaceId: text('workspace_id').notNull(),
  workspaceName: text('workspace_name').notNull(),
  sourceAccountId: text('source_account_id').notNull(),
  targetAccountId: text('target_account_id').notNull(),
  targetAdminEmail: text('target_admin_email'),
  status: text('status').$type<TransferStatus>().notNull(),
  createdByName: text('created_by_name').notNull(),
  decidedByName: text('decided_by_name'),
  jobId: text('job_id'),
  revokedApiKeys: integer('revoked_api_keys').notNull(),
  createdAt: time('created_at').notNull(),
  expiresAt: time('expires_at').notNull(),
  decidedAt: time('decided_at'),
  finishedAt: time('finished_at'),
});

// ---- support access (migration 0028) -----------------------------------------------------------

export const supportGrants = pgTable('support_grants', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  /** null: every live workspace of the account, including ones created later. */
  workspaceIds: jsonb('workspace_ids').$type<string[]>(),
  role: text('role').$type<WorkspaceRole>().notNull(),
  hideAttributes: boolean('hide_attributes').notNull(),
  reason: text('reason').notNull(),
  expiresAt: time('expires_at').notNull(),
  createdAt: time('created_at').notNull(),
  createdByMemberId: text('created_by_member_id'),
  createdByName: text('created_by_name').notNull(),
  revokedAt: time('revoked_at'),
  revokedByName: text('revoked_by_name'),
});

export const supportSessions = pgTable('support_sessions', {
  id: text('id').primaryKey(),
  grantId: text('grant_id').notNull(),
  accountId: text('account_id').notNull(),
  agent: text('agent').notNull(),
  reason: text('reason').notNull(),
  linkHash: text('link_hash').notNull(),
  linkExpiresAt: time('link_expires_at').notNull(),
  tokenHash: text('token_hash'),
  csrfToken: text('csrf_token'),
  createdAt: time('created_at').notNull(),
  startedAt: time('started_at'),
  endsAt: time('ends_at').notNull(),
  endedAt: time('ended_at'),
  ip: text('ip'),
});

// ---- the Track API's devices, suppressions and anonymous events (migration 0030) -------------------

export type EventType = 'event' | 'page' | 'screen';

export const devices = pgTable(
  'devices',
  {
    workspaceId: text('workspace_id').notNull(),
    token: text('token').notNull(),
    cioId: text('cio_id').notNull(),
    platform: text('platform').notNull(),
    lastUsed: time('last_used'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.token] })],
);

export const suppressions = pgTable(
  'suppressions',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    cioId: text('cio_id'),
    externalId: text('external_id'),
    /** Folded as the database folds emails (lower()). */
    email: text('email'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const anonymousEvents = pgTable(
  'anonymous_events',
  {
    workspaceId: text('workspace_id').notNull(),
    id: text('id').notNull(),
    anonymousId: text('anonymous_id'),
    name: text('name').notNull(),
    type: text('type').$type<EventType>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    clientId: text('client_id'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Customer.io's number of each object type (migration 0031): the Track API's object_type_id. */
export const objectTypeNumbers = pgTable(
  'object_type_numbers',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    typeId: text('type_id').notNull(),
    number: integer('number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.typeId] })],
);

/**
 * A delivery's reported metrics other than opens and clicks, and the unsubscribes attributed to it
 * (migration 0032): one row per delivery and metric (src/features/messaging/delivery-metrics.ts).
 */
export const deliveryEvents = pgTable(
  'delivery_events',
  {
    workspaceId: text('workspace_id').notNull(),
    deliveryId: text('delivery_id').notNull(),
    metric: text('metric').notNull(),
    count: integer('count').notNull().default(1),
    firstAt: time('first_at').notNull(),
    lastAt: time('last_at').notNull(),
    reason: text('reason'),
    href: text('href'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.deliveryId, t.metric] })],
);
