import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { upsertSso } from '../../src/features/sso/store.js';
import { uniqueEmail } from '../support/client.js';
import { addMember } from '../support/members.js';
import {
  createScimToken,
  expectScimError,
  GROUP_SCHEMA,
  PATCH_OP,
  scimClient,
  USER_SCHEMA,
} from '../support/scim.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const newUser = (email = uniqueEmail('scim'), extra: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA],
  userName: email,
  name: { givenName: 'Grace', familyName: 'Hopper' },
  emails: [{ value: email, type: 'work', primary: true }],
  active: true,
  ...extra,
});

async function provisioned() {
  const admin = service.client();
  const signup = await admin.signup();
  const token = await createScimToken(admin);
  return { admin, signup, token, scim: scimClient(service, token) };
}

describe('tokens', () => {
  test('no token, a wrong one and a revoked one get 401 with a SCIM error body', async () => {
    const { admin, scim, token } = await provisioned();
    expect((await scim.get('/Users')).status).toBe(200);
    expectScimError(await scimClient(service, null).get('/Users'), 401);
    expectScimError(await scimClient(service, `${token}x`).get('/Users'), 401);
    expectScimError(await scimClient(service, 'scim_nope').get('/ServiceProviderConfig'), 401);

    const list = await admin.get('/api/account/scim-tokens');
    expect(list.body.items).toEqual([
      {
        id: expect.stringMatching(/^sct_/),
        name: 'Okta',
        createdBy: 'Ada Admin',
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect((await admin.delete(`/api/account/scim-tokens/${list.body.items[0].id}`)).status).toBe(204);
    expectScimError(await scim.get('/Users'), 401);
  });

  test('a member who is not an Account Admin cannot list or create tokens', async () => {
    const { admin } = await provisioned();
    const member = await addMember(service, admin);
    expect((await member.client.get('/api/account/scim-tokens')).status).toBe(403);
    expect((await member.client.post('/api/account/scim-tokens', { name: 'x' })).status).toBe(403);
  });
});

describe('discovery', () => {
  test('ServiceProviderConfig, ResourceTypes and Schemas describe Users and Groups', async () => {
    const { scim } = await provisioned();
    const config = await scim.get('/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
    });
    expect(config.body.authenticationSchemes[0].type).toBe('oauthbearertoken');
    const types = await scim.get('/ResourceTypes');
    expect(types.body.Resources.map((r: { name: string }) => r.name).sort()).toEqual(['Group', 'User']);
    const schemas = await scim.get('/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([USER_SCHEMA, GROUP_SCHEMA]),
    );
    expect((await scim.get(`/Schemas/${USER_SCHEMA}`)).body.id).toBe(USER_SCHEMA);
  });
});

describe('users', () => {
  test('without SSO a new user is an invited member with the invitation email; with SSO, active and no email', async () => {
    const { admin, scim, signup } = await provisioned();
    const email = uniqueEmail('invited');
    const created = await scim.post('/Users', newUser(email, { externalId: 'okta-1' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('location')).toBe(
      `${service.config.publicUrl}/scim/v2/Users/${created.body.id}`,
    );
    expect(created.body.meta.location).toBe(created.headers.get('location'));
    expect(created.body).toMatchObject({
      userName: email,
      externalId: 'okta-1',
      active: true,
      name: { givenName: 'Grace', familyName: 'Hopper' },
    });
    const team = await admin.get('/api/team-members');
    expect(team.body.items.find((m: { email: string }) => m.email === email)).toMatchObject({
      status: 'invited',
    });
    const outbox = await admin.get('/api/outbox');
    expect(
      outbox.body.items.some((m: { to: string; kind: string }) => m.to === email && m.kind === 'invitation'),
    ).toBe(true);

    const now = service.clock.now();
    await upsertSso(service.ctx.db, {
      accountId: signup.account.id,
      type: 'saml',
      settings: { entryPoint: 'https://idp.example.com/sso' },
      clientSecret: null,
      enforce: false,
      jitProvisioning: false,
      jitAccess: { mode: 'all', role: 'viewer', hideAttributes: true },
      createdAt: now,
      updatedAt: now,
    });
    const ssoEmail = uniqueEmail('sso');
    expect((await scim.post('/Users', newUser(ssoEmail))).status).toBe(201);
    const after = await admin.get('/api/team-members');
    expect(after.body.items.find((m: { email: string }) => m.email === ssoEmail)).toMatchObject({
      status: 'active',
    });
    const outboxAfter = await admin.get('/api/outbox');
    expect(outboxAfter.body.items.some((m: { to: string }) => m.to === ssoEmail)).toBe(false);
  });

  test('a duplicate userName is 409 uniqueness; unknown attributes and bad filters are 400 with their scimType', async () => {
    const { scim } = await provisioned();
    const email = uniqueEmail('dup');
    expect((await scim.post('/Users', newUser(email))).status).toBe(201);
    expectScimError(await scim.post('/Users', newUser(email)), 409, 'uniqueness');
    expectScimError(await scim.post('/Users', newUser(email.toUpperCase())), 409, 'uniqueness');
    expect((await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Sales' })).status).toBe(201);
    expectScimError(
      await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'sales' }),
      409,
      'uniqueness',
    );
    expectScimError(
      await scim.post('/Users', newUser(uniqueEmail(), { shoeSize: 44 })),
      400,
      'invalidSyntax',
    );
    expectScimError(await scim.post('/Users', newUser('not-an-email', { emails: [] })), 400, 'invalidValue');
    expectScimError(await scim.get('/Users?filter=userName%20xx%20%22a%22'), 400, 'invalidFilter');
    expectScimError(await scim.get('/Users?filter=nonsense'), 400, 'invalidFilter');
    expectScimError(await scim.raw('POST', '/Users', '{"userName": '), 400, 'invalidSyntax');
    expectScimError(
      await scim.patch('/Users/mem_nope', {
        schemas: [PATCH_OP],
        Operations: [{ op: 'jump', path: 'active', value: false }],
      }),
      400,
      'invalidSyntax',
    );
  });

  test('filters (userName eq, externalId eq) and paging with startIndex and count', async () => {
    const { scim, signup } = await provisioned();
    const emails = [uniqueEmail('p1'), uniqueEmail('p2'), uniqueEmail('p3')];
    for (const [i, email] of emails.entries())
      await scim.post('/Users', newUser(email, { externalId: `ext-${i}` }));
    const all = await scim.get('/Users');
    expect(all.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 4,
    });
    const page = await scim.get('/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(page.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(emails.slice(0, 2));
    const last = await scim.get('/Users?startIndex=4&count=2');
    expect(last.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([emails[2]]);
    const byName = await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${emails[1]}"`)}`);
    expect(byName.body.totalResults).toBe(1);
    expect(byName.body.Resources[0].userName).toBe(emails[1]);
    // userName is not case-exact (RFC 7643 §4.1.1): the identity provider's spelling finds the member.
    const shouting = await scim.get(
      `/Users?filter=${encodeURIComponent(`userName eq "${emails[1]!.toUpperCase()}"`)}`,
    );
    expect(shouting.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([emails[1]]);
    const byExternal = await scim.get(`/Users?filter=${encodeURIComponent('externalId eq "ext-2"')}`);
    expect(byExternal.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([emails[2]]);
    const none = await scim.get(`/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    // The admin who signed up is a user of the account too.
    const admin = await scim.get(`/Users/${signup.member.id}`);
    expect(admin.body.userName).toBe(signup.email);
  });

  test('another account’s user or group is 404, through every verb', async () => {
    const one = await provisioned();
    const other = await provisioned();
    const user = await one.scim.post('/Users', newUser());
    const group = await one.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Eng' });
    for (const path of [`/Users/${user.body.id}`, `/Groups/${group.body.id}`]) {
      expectScimError(await other.scim.get(path), 404);
      expectScimError(
        await other.scim.put(path, path.startsWith('/Users') ? newUser() : { displayName: 'X' }),
        404,
      );
      expectScimError(
        await other.scim.patch(path, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'displayName', value: 'X' }],
        }),
        404,
      );
      expectScimError(await other.scim.delete(path), 404);
    }
    expectScimError(
      await other.scim.post('/Groups', { displayName: 'Other', members: [{ value: user.body.id }] }),
      400,
      'invalidValue',
    );
    expect((await one.scim.get(`/Users/${user.body.id}`)).status).toBe(200);
    // The admin API too: another account's group and token are not found.
    const mapping = await other.admin.put(`/api/account/scim-groups/${group.body.id}/roles`, { roles: [] });
    expect(mapping.status).toBe(404);
    const [token] = (await one.admin.get('/api/account/scim-tokens')).body.items;
    expect((await other.admin.delete(`/api/account/scim-tokens/${token.id}`)).status).toBe(404);
    expect((await one.scim.get('/Users')).status).toBe(200);
  });

  test('active:false ends the member’s sessions at once; active:true lets them back; the last Account Admin stays', async () => {
    const { admin, scim, signup } = await provisioned();
    const member = await addMember(service, admin);
    expect((await member.client.get('/api/me')).status).toBe(200);
    const off = await scim.patch(`/Users/${member.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await member.client.get('/api/me')).status).toBe(401);
    const login = await service
      .client()
      .post('/api/session', { email: member.email, password: member.password });
    expect(login.status).toBe(401);
    const team = await admin.get(`/api/team-members/${member.id}`);
    expect(team.body.status).toBe('deactivated');

    const on = await scim.patch(`/Users/${member.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    expect(on.body.active).toBe(true);
    // The sessions were ended, not just refused while deactivated: the old cookie stays dead.
    expect((await member.client.get('/api/me')).status).toBe(401);
    expect(
      (await service.client().post('/api/session', { email: member.email, password: member.password }))
        .status,
    ).toBe(200);

    expectScimError(
      await scim.patch(`/Users/${signup.member.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
      409,
    );
    expectScimError(await scim.delete(`/Users/${signup.member.id}`), 409);
    expect((await admin.get('/api/me')).status).toBe(200);
  });
});
