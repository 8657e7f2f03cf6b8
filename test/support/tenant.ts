import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type Client, uniqueEmail } from './client.js';
import { addMember, invite } from './members.js';
import type { Filler, JsonSchema } from './openapi.js';
import { authenticator, registerPasskey } from './passkeys.js';
import { type Fixtures, PNG, setUpFixtures } from './row-probes.js';
import { scimClient } from './scim.js';
import type { TestService } from './service.js';

/**
 * An account with one of everything, made through the API: two workspaces, a person, an item of
 * every resource kind (row-probes' fixtures), a relationship, an asset, app and Track keys, team
 * members (one plain, one pending invitation), a job. Its ids fill the generated suites' requests.
 */
export interface Tenant {
  admin: Client;
  accountId: string;
  adminMemberId: string;
  /** An email domain of its single sign-on (waiting for DNS). */
  domain: string;
  workspace: { id: string; name: string };
  second: { id: string; name: string };
  fixtures: Fixtures;
  appKey: { id: string; key: string };
  trackKey: { id: string; siteId: string; apiKey: string };
  /** A plain member (Author in the workspace): the :memberId the suites name. */
  memberId: string;
  invitationToken: string;
  jobId: string;
  assetId: string;
  personEmail: string;
  /** Every id of the tenant by the name a path parameter or a field gives it. */
  ids: Record<string, string>;
}

async function created(reply: Promise<{ status: number; body: any }>, what: string) {
  const r = await reply;
  expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

/**
 * A delivery of a broadcast sent in normal mode to the person, which records metrics: the
 * `{deliveryId}` of the Track API's unsubscribe, so that a leak would change B's person and the
 * message's metrics (a test send records nothing). The workspace then sends in test mode again.
 */
async function sentDelivery(
  service: TestService,
  admin: Client,
  at: (rest: string) => string,
  cioId: string,
) {
  await created(
    admin.patch(at('settings'), { sendMode: 'normal', senderAddress: 'news@tenant.test' }),
    'mode',
  );
  const broadcast = await created(
    admin.post(at('broadcasts'), {
      name: `Tenant news ${cioId}`,
      messages: [{ name: 'News', channel: 'email', subject: 'News', body: '<p>News</p>' }],
    }),
    'broadcast',
  );
  await created(admin.post(at(`broadcasts/${broadcast.id}/send`), { people: [cioId] }), 'broadcast send');
  await service.worker.runUntilIdle();
  await created(admin.patch(at('settings'), { sendMode: 'test' }), 'test mode');
  const items = (await admin.get(at('deliveries?limit=500'))).body.items as {
    id: string;
    sourceId: string;
    metrics: boolean;
  }[];
  const delivery = items.find((d) => d.sourceId === broadcast.id);
  expect(delivery?.metrics, 'a delivery that records metrics').toBe(true);
  return delivery!;
}

/**
 * keysOnly: the account, its workspace and keys, not the rest (for a tenant that only calls).
 * withTransfer: also a workspace offered to another account (two more sign-ups' worth of work:
 * only the cross-tenant suite needs its `{transferId}`).
 */
export async function setUpTenant(
  service: TestService,
  options: { keysOnly?: boolean; withTransfer?: boolean } = {},
): Promise<Tenant> {
  const admin = service.client();
  const signedUp = await admin.signup();
  const workspace = signedUp.workspace;
  const at = (rest: string) => `/api/workspaces/${workspace.id}/${rest}`;
  if (options.keysOnly) {
    const app = await created(admin.post(at('api-keys'), { kind: 'app' }), 'app key');
    const track = await created(admin.post(at('api-keys'), { kind: 'track' }), 'track key');
    return {
      admin,
      accountId: signedUp.account.id,
      adminMemberId: signedUp.member.id,
      workspace,
      appKey: { id: app.id, key: app.key },
      trackKey: { id: track.id, siteId: track.siteId, apiKey: track.apiKey },
    } as Tenant;
  }
  const second = await created(admin.post('/api/workspaces', { name: 'Second' }), 'workspace');
  const fixtures = await setUpFixtures(admin, workspace.id);
  const personEmail = uniqueEmail('tenant');
  await created(admin.patch(at(`people/${fixtures.personCioId}`), { email: personEmail }), 'person email');
  await created(
    admin.post(at('relationships'), { objectId: fixtures.items.objects, cioId: fixtures.personCioId }),
    'relationship',
  );
  const asset = await created(
    admin.post(at('assets?name=tenant.png'), undefined, {
      raw: PNG,
      headers: { 'content-type': 'image/png' },
    }),
    'asset',
  );
  const app = await created(admin.post(at('api-keys'), { kind: 'app' }), 'app key');
  const track = await created(admin.post(at('api-keys'), { kind: 'track' }), 'track key');
  const member = await addMember(service, admin, { roles: [{ workspaceId: workspace.id, role: 'author' }] });
  const pending = await invite(admin, { roles: [{ workspaceId: workspace.id, role: 'viewer' }] });
  // A second session of the admin (as from another device): the :sessionId the suites name, so
  // that ending it leaves the suites' own session alone.
  await created(
    service.client().post('/api/session', { email: signedUp.email, password: signedUp.password }),
    'second session',
  );
  const sessions = (await admin.get('/api/me/sessions')).body.items as { id: string; current: boolean }[];
  const sessionId = sessions.find((s) => !s.current)!.id;
  const exported = await admin.post(at('people/exports'), { format: 'csv' });
  expect(exported.status, JSON.stringify(exported.body)).toBe(202);
  const jobId = exported.headers.get('location')!.split('/').pop()!;
  // The admin's passkey: the `:passkeyId` the suites name (only its holder may reach it).
  const passkey = await registerPasskey(service, admin, authenticator(), 'Tenant key');
  // A SCIM token and a group its identity provider pushed: the `{id}` of scim-tokens and scim-groups.
  const scimToken = await created(
    admin.post('/api/account/scim-tokens', { name: 'Tenant IdP' }),
    'SCIM token',
  );
  const scimGroup = await scimClient(service, scimToken.token).post('/Groups', {
    displayName: 'Tenant group',
  });
  expect(scimGroup.status, JSON.stringify(scimGroup.body)).toBe(201);
  // Single sign-on with a domain (waiting for DNS): the `{domain}` the SSO routes name.
  const domain = `${uniqueEmail('sso')
    .split('@')[0]!
    .replace(/[^a-z0-9]/g, '')}.example`;
  await created(
    admin.put('/api/account/sso', {
      type: 'saml',
      entryPoint: 'https://idp.example/sso',
      idpCertificate: readFileSync(new URL('../fixtures/saml/idp-cert.pem', import.meta.url), 'utf8'),
      domains: [domain],
    }),
    'single sign-on',
  );
  // A workspace offered to another account: the `{transferId}` of the transfer routes.
  let transfer: { id: string } | undefined;
  if (options.withTransfer) {
    const offered = await created(admin.post('/api/workspaces', { name: 'Offered' }), 'workspace');
    const receiving = await service.client().signup();
    transfer = await created(
      admin.post(`/api/workspaces/${offered.id}/transfers`, { targetAccountId: receiving.account.id }),
      'workspace transfer',
    );
  }

  // A support access grant: the `{grantId}` of the support-grants routes.
  const supportGrant = await created(
    admin.post('/api/account/support-grants', {
      workspaceIds: [workspace.id],
      role: 'viewer',
      expiresAt: new Date(service.clock.now().getTime() + 24 * 60 * 60 * 1000).toISOString(),
      reason: 'Tenant ticket',
    }),
    'support grant',
  );

  const delivery = await sentDelivery(service, admin, at, fixtures.personCioId);

  const f = fixtures;
  const ids: Record<string, string> = {
    workspaceId: workspace.id,
    targetWorkspaceId: second.id,
    memberId: member.id,
    keyId: app.id,
    jobId,
    cioId: f.personCioId,
    objectId: f.items.objects!,
    typeId: f.objectTypeId,
    segmentId: f.segmentId,
    messageId: f.messageId,
    audienceId: f.audienceId,
    assetId: asset.id,
    pendingMemberId: pending.id,
    manualSegmentId: f.manualSegmentId,
    passkeyId: passkey.id,
    sessionId,
    scimTokenId: scimToken.id,
    scimGroupId: scimGroup.body.id,
    ...(transfer && { transferId: transfer.id }),
    grantId: supportGrant.id,
    deliveryId: delivery.id,
  };
  return {
    admin,
    accountId: signedUp.account.id,
    adminMemberId: signedUp.member.id,
    workspace,
    second,
    fixtures,
    appKey: { id: app.id, key: app.key },
    trackKey: { id: track.id, siteId: track.siteId, apiKey: track.apiKey },
    memberId: member.id,
    invitationToken: pending.token,
    jobId,
    assetId: asset.id,
    personEmail,
    ids,
    domain,
  };
}

/** The id a path's `{id}` names, by the collection before it: campaigns/{id} → the tenant's campaign. */
export function itemIdAfter(t: Tenant, collection: string): string | undefined {
  if (collection === 'ad-audiences') return t.fixtures.audienceId;
  if (collection === 'assets') return t.assetId;
  if (collection === 'scim-tokens') return t.ids.scimTokenId;
  if (collection === 'scim-groups') return t.ids.scimGroupId;
  return t.fixtures.items[collection];
}

/** Every id of the tenant, each under its prefix (`cmp` → a campaign): to fill fields by id pattern. */
function byPrefix(t: Tenant): Map<string, string> {
  const all = [...Object.values(t.ids), ...Object.values(t.fixtures.items)];
  return new Map(all.map((id) => [id.split('_')[0]!, id]));
}

/** Fills fields and parameters with the tenant's ids: by name (workspaceId, memberIds …) or by id pattern. */
export function tenantFiller(t: Tenant): Filler {
  const prefixes = byPrefix(t);
  return (name: string, schema: JsonSchema) => {
    if (name === 'platform') return 'facebook';
    if (t.ids[name] !== undefined) return t.ids[name];
    if (name.endsWith('MemberId')) return t.ids.memberId; // testRecipientMemberId, actorMemberId …
    const prefix = /^\^([a-z]+)_\[0-9a-z\]\{26\}\$$/.exec(schema.pattern ?? '')?.[1];
    return prefix ? prefixes.get(prefix) : undefined;
  };
}

/**
 * The tenant's value for a path parameter; `before` is the path segment preceding it, `path` the
 * operation's (an invitation's routes name the pending invitation, not a member who accepted).
 */
export function pathValue(t: Tenant, param: string, before: string, path = ''): string | undefined {
  if (param === 'id') return itemIdAfter(t, before);
  if (param === 'memberId' && path.endsWith('-invite')) return t.ids.pendingMemberId;
  if (param === 'identifier') return `cio_${t.fixtures.personCioId}`;
  if (param === 'token') return t.invitationToken;
  if (param === 'platform') return 'facebook';
  if (param === 'domain') return t.domain;
  if (param === 'formId') return 'contact-us'; // any text: Customer.io's forms are named by their callers
  return t.ids[param];
}

/** Every id and secret of the tenant: none may appear in an answer to another account. */
export function secretsOf(t: Tenant): string[] {
  return [
    ...new Set([
      ...Object.values(t.ids),
      ...Object.values(t.fixtures.items),
      t.accountId,
      t.adminMemberId,
      t.second.id,
      t.appKey.key,
      t.trackKey.siteId,
      t.trackKey.apiKey,
      t.personEmail,
    ]),
  ];
}
