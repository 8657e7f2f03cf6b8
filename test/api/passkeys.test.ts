import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import { sql } from 'drizzle-orm';
import {
  deserializeCredential,
  PasskeysCredentialsMemoryRepository,
  serializeCredential,
} from 'nid-webauthn-emulator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { deleteMemberPasskeys, hasPasskeySql, memberHasPasskey } from '../../src/features/passkeys/store.js';
import { expectProblem } from '../support/client.js';
import { addMember } from '../support/members.js';
import { authenticator, originOf, passkeyAnswer, registerPasskey } from '../support/passkeys.js';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

const signIn = (response: unknown) => service.client().post('/api/session/passkey', { response });

describe('registering passkeys', () => {
  test('options name the relying party (the public URL’s host), ask for a discoverable credential and exclude the member’s own', async () => {
    const admin = service.client();
    const { email, member } = await admin.signup();
    const first = await admin.post('/api/me/passkeys/registration-options');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      rp: { id: 'localhost', name: 'Atrium' },
      user: { name: email, displayName: 'Ada Admin', id: Buffer.from(member.id).toString('base64url') },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    expect(first.body.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const laptop = await registerPasskey(service, admin, authenticator(), 'Laptop');
    const phone = await registerPasskey(service, admin, authenticator(), 'Phone');
    const again = await admin.post('/api/me/passkeys/registration-options');
    expect(again.body.excludeCredentials.map((c: { id: string }) => c.id).sort()).toEqual(
      [laptop.credentialId, phone.credentialId].sort(),
    );
    expect(again.body.challenge).not.toBe(first.body.challenge);

    const list = await admin.get('/api/me/passkeys');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { id: laptop.id, name: 'Laptop', createdAt: expect.any(String), lastUsedAt: null, backedUp: true },
      { id: phone.id, name: 'Phone', createdAt: expect.any(String), lastUsedAt: null, backedUp: true },
    ]);
    expect(laptop.id).toMatch(/^pky_[0-9a-z]{26}$/);
  });

  test('adding, renaming and deleting are in the activity log, with the client address', async () => {
    const admin = service.client();
    await admin.signup();
    const key = await registerPasskey(service, admin, authenticator(), 'Security key');
    expect((await admin.patch(`/api/me/passkeys/${key.id}`, { name: ' Blue key ' })).body).toMatchObject({
      id: key.id,
      name: 'Blue key',
    });
    expect((await admin.delete(`/api/me/passkeys/${key.id}`)).status).toBe(204);
    expect((await admin.get('/api/me/passkeys')).body.items).toEqual([]);
    const log = (await admin.get('/api/account/activity')).body.items.filter(
      (e: { target: { type: string } }) => e.target.type === 'passkey',
    );
    expect(log.map((e: { action: string }) => e.action)).toEqual([
      'passkey.deleted',
      'passkey.renamed',
      'passkey.created',
    ]);
    expect(log[1]).toMatchObject({ before: { name: 'Security key' }, after: { name: 'Blue key' } });
    for (const e of log) {
      expect(e.target.id).toBe(key.id);
      expect(e.actor).toMatchObject({ name: 'Ada Admin', ipAddress: '127.0.0.1' });
    }
  });

  test('an answer must be to one of the member’s own challenges, once, within 5 minutes, from the service’s origin', async () => {
    const admin = service.client();
    await admin.signup();
    const other = service.client();
    await other.signup();
    const device = authenticator();
    const origin = originOf(service);

    // Another member's challenge is unknown to this one.
    const theirs = await other.post('/api/me/passkeys/registration-options');
    const forThem = device.createJSON(origin, theirs.body);
    expectProblem(
      await admin.post('/api/me/passkeys', { name: 'X', response: forThem }),
      401,
      'passkey_invalid',
    );

    // Used once, then gone.
    const options = (await admin.post('/api/me/passkeys/registration-options')).body;
    const response = device.createJSON(origin, options);
    expect((await admin.post('/api/me/passkeys', { name: 'Laptop', response })).status).toBe(201);
    expectProblem(await admin.post('/api/me/passkeys', { name: 'Again', response }), 410, 'gone');

    // Expired after 5 minutes.
    const late = (await admin.post('/api/me/passkeys/registration-options')).body;
    service.clock.advance(5 * 60 * 1000 + 1000);
    const lateAnswer = authenticator().createJSON(origin, late);
    const expired = await admin.post('/api/me/passkeys', { name: 'Late', response: lateAnswer });
    expectProblem(expired, 410, 'gone');
    expect(expired.body.detail).toMatch(/expired/);

    // Made for another origin (a phishing site) – refused, and its challenge is used up.
    const phished = (await admin.post('/api/me/passkeys/registration-options')).body;
    const elsewhere = authenticator().createJSON('https://localhost.evil.example', {
      ...phished,
      rp: { name: 'Atrium' },
    });
    const refused = await admin.post('/api/me/passkeys', { name: 'Evil', response: elsewhere });
    expectProblem(refused, 401, 'passkey_invalid');
    expect(refused.body.detail).toMatch(/origin|RP ID/i);

    // Client data that is not client data.
    const garbage = { ...response, response: { ...response.response, clientDataJSON: 'bm90IGpzb24' } };
    const bad = await admin.post('/api/me/passkeys', { name: 'X', response: garbage });
    expectProblem(bad, 400, 'invalid');
    expect((await admin.get('/api/me/passkeys')).body.items).toHaveLength(1);
  });

  test('names are required and bounded; another member’s passkey is not found (404) to rename or delete', async () => {
    const admin = service.client();
    await admin.signup();
    const key = await registerPasskey(service, admin, authenticator(), 'Mine');
    expectProblem(await admin.patch(`/api/me/passkeys/${key.id}`, { name: '   ' }), 400, 'invalid');
    expectProblem(await admin.patch(`/api/me/passkeys/${key.id}`, { name: 'x'.repeat(101) }), 400, 'invalid');
    expectProblem(await admin.patch(`/api/me/passkeys/${key.id}`, {}), 400, 'invalid');
    expectProblem(await admin.patch('/api/me/passkeys/not-an-id', { name: 'X' }), 400, 'invalid');
    const options = (await admin.post('/api/me/passkeys/registration-options')).body;
    const blank = { name: ' ', response: authenticator().createJSON(originOf(service), options) };
    expectProblem(await admin.post('/api/me/passkeys', blank), 400, 'invalid');

    // A member of the same account, and an admin of another one.
    const member = await addMember(service, admin);
    const stranger = service.client();
    await stranger.signup();
    for (const who of [member.client, stranger]) {
      expectProblem(await who.patch(`/api/me/passkeys/${key.id}`, { name: 'Taken' }), 404, 'not_found');
      expectProblem(await who.delete(`/api/me/passkeys/${key.id}`), 404, 'not_found');
      expect((await who.get('/api/me/passkeys')).body.items).toEqual([]);
    }
    expect((await admin.get('/api/me/passkeys')).body.items).toMatchObject([{ id: key.id, name: 'Mine' }]);
    expectProblem(await admin.delete('/api/me/passkeys/pky_00000000000000000000000000'), 404, 'not_found');
    expectProblem(await service.client().get('/api/me/passkeys'), 401, 'unauthenticated');
  });

  test('stored rows hold the public key and nothing secret; challenges are kept only as hashes', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const options = (await admin.post('/api/me/passkeys/registration-options')).body;
    const response = authenticator().createJSON(originOf(service), options);
    expect((await admin.post('/api/me/passkeys', { name: 'Laptop', response })).status).toBe(201);
    const rows = await queryRows<Record<string, unknown>>(
      service.database.db,
      sql`SELECT * FROM passkeys WHERE member_id = ${member.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'backed_up',
        'counter',
        'created_at',
        'credential_id',
        'id',
        'last_used_at',
        'member_id',
        'name',
        'public_key',
        'transports',
      ].sort(),
    );
    expect(rows[0]!.credential_id).toBe(response.id);
    // A COSE public key: an EC2 key has x and y (-2, -3) and no private d (-4).
    const key = decodeCredentialPublicKey(
      new Uint8Array(rows[0]!.public_key as Uint8Array),
    ) as unknown as Map<number, unknown>;
    expect(key.get(-2)).toBeDefined();
    expect(key.has(-4)).toBe(false);
    const challenges = await queryRows<Record<string, unknown>>(
      service.database.db,
      sql`SELECT * FROM webauthn_challenges WHERE member_id = ${member.id}`,
    );
    expect(JSON.stringify(challenges)).not.toContain(options.challenge);
    expect(challenges).toMatchObject([{ purpose: 'register', used_at: expect.anything() }]);
  });
});

test('a member holds at most 20 passkeys', async () => {
  const admin = service.client();
  await admin.signup();
  for (let i = 0; i < 20; i++) await registerPasskey(service, admin, authenticator(), `Key ${i}`);
  const options = (await admin.post('/api/me/passkeys/registration-options')).body;
  const response = authenticator().createJSON(originOf(service), options);
  expectProblem(await admin.post('/api/me/passkeys', { name: 'One more', response }), 409, 'limit_reached');
  expect((await admin.get('/api/me/passkeys')).body.items).toHaveLength(20);
  // The refusal used the challenge up all the same: the answer cannot be sent again.
  await admin.delete(`/api/me/passkeys/${(await admin.get('/api/me/passkeys')).body.items[0].id}`);
  expectProblem(await admin.post('/api/me/passkeys', { name: 'One more', response }), 410, 'gone');
}, 30_000);

describe('signing in with a passkey', () => {
  test('a passkey alone signs in with the same cookies as a password; its counter and last use are saved', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const device = authenticator();
    const key = await registerPasskey(service, admin, device);
    const options = await service.client().post('/api/session/passkey-options');
    expect(options.body).toMatchObject({
      rpId: 'localhost',
      allowCredentials: [],
      userVerification: 'preferred',
    });

    const browser = service.client();
    const reply = await browser.post('/api/session/passkey', {
      response: device.getJSON(originOf(service), options.body),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.member).toMatchObject({ id: member.id });
    const cookies = reply.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('atrium_session='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('csrf='))).toBeDefined();
    expect((await browser.get('/api/me')).body.member.id).toBe(member.id);
    expect((await browser.post('/api/workspaces', { name: 'By passkey' })).status).toBe(201);

    const [stored] = (await admin.get('/api/me/passkeys')).body.items;
    expect(stored).toMatchObject({ id: key.id, lastUsedAt: expect.any(String) });
    const [row] = await queryRows<{ counter: number | string }>(
      service.database.db,
      sql`SELECT counter FROM passkeys WHERE id = ${key.id}`,
    );
    expect(Number(row!.counter)).toBe(1);
  });

  test('a used, expired or unknown challenge, a deleted passkey and a copied one are refused', async () => {
    const admin = service.client();
    await admin.signup();
    const repository = new PasskeysCredentialsMemoryRepository();
    const device = authenticator({ credentialsRepository: repository });
    const key = await registerPasskey(service, admin, device);
    const copy = repository.loadCredentials().map(serializeCredential);

    const answer = await passkeyAnswer(service, device);
    expect((await signIn(answer)).status).toBe(200);
    const replayed = await signIn(answer);
    expectProblem(replayed, 410, 'gone');
    expect(replayed.body.detail).toMatch(/already been used/);

    const slow = await passkeyAnswer(service, device);
    service.clock.advance(5 * 60 * 1000 + 1000);
    const expired = await signIn(slow);
    expectProblem(expired, 410, 'gone');
    expect(expired.body.detail).toMatch(/expired/);

    // A challenge the service never handed out.
    const made = await generateAuthenticationOptions({ rpID: 'localhost', allowCredentials: [] });
    const unknown = await signIn(device.getJSON(originOf(service), made));
    expectProblem(unknown, 401, 'passkey_invalid');
    expect(unknown.body.detail).toMatch(/challenge/);

    // A copy of the credential taken before its last use answers with a counter that went backwards.
    const clonedRepository = new PasskeysCredentialsMemoryRepository();
    for (const c of copy) clonedRepository.saveCredential(deserializeCredential(c));
    const clone = authenticator({ credentialsRepository: clonedRepository });
    const cloned = await signIn(await passkeyAnswer(service, clone));
    expectProblem(cloned, 401, 'passkey_invalid');
    expect(cloned.body.detail).toMatch(/counter/);
    // The genuine device goes on.
    expect((await signIn(await passkeyAnswer(service, device))).status).toBe(200);

    // A tampered signature.
    const tampered = await passkeyAnswer(service, device);
    const signature = Buffer.from(tampered.response.signature, 'base64url');
    signature[signature.length - 1]! ^= 1;
    const forged = {
      ...tampered,
      response: { ...tampered.response, signature: signature.toString('base64url') },
    };
    expectProblem(await signIn(forged), 401, 'passkey_invalid');

    // A user handle (the member the authenticator says it signs for) that is not the passkey's holder.
    const other = await passkeyAnswer(service, device);
    const userHandle = Buffer.from('mem_someoneelse').toString('base64url');
    expectProblem(
      await signIn({ ...other, response: { ...other.response, userHandle } }),
      401,
      'passkey_invalid',
    );

    expect((await admin.delete(`/api/me/passkeys/${key.id}`)).status).toBe(204);
    const deleted = await signIn(await passkeyAnswer(service, device));
    expectProblem(deleted, 401, 'passkey_invalid');
    expect(deleted.body.detail).toMatch(/not registered/);
    expect(deleted.headers.getSetCookie()).toEqual([]);
  });

  test('without a password the passkey must verify its holder; as a second factor it need not', async () => {
    const admin = service.client();
    const { email, password } = await admin.signup();
    // A security key without a PIN: the person touches it, nothing verifies who they are.
    const presenceOnly = authenticator({
      userGetAssertionInteraction: () => ({ options: { up: true, uv: false } }),
    });
    await registerPasskey(service, admin, presenceOnly, 'Old key');
    const alone = await signIn(await passkeyAnswer(service, presenceOnly));
    expectProblem(alone, 401, 'passkey_invalid');
    expect(alone.body.detail).toMatch(/verify you/);
    const withPassword = await service
      .client()
      .post('/api/session', { email, password, passkey: await passkeyAnswer(service, presenceOnly) });
    expect(withPassword.status, JSON.stringify(withPassword.body)).toBe(200);
  });

  test('as a second factor, the passkey must be the member’s own and the password right', async () => {
    const admin = service.client();
    const { email, password, member } = await admin.signup();
    const mine = authenticator();
    await registerPasskey(service, admin, mine);
    const other = service.client();
    await other.signup();
    const theirs = authenticator();
    await registerPasskey(service, other, theirs);

    const login = async (body: Record<string, unknown>) => service.client().post('/api/session', body);
    const ok = await login({ email, password, passkey: await passkeyAnswer(service, mine) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.member.id).toBe(member.id);
    expectProblem(
      await login({ email, password, passkey: await passkeyAnswer(service, theirs) }),
      401,
      'passkey_invalid',
    );
    expectProblem(
      await login({ email, password: 'wrong password', passkey: await passkeyAnswer(service, mine) }),
      401,
      'invalid_credentials',
    );
    // An answer already used, sent again with the password.
    const used = await passkeyAnswer(service, mine);
    expect((await login({ email, password, passkey: used })).status).toBe(200);
    expectProblem(await login({ email, password, passkey: used }), 410, 'gone');
    expectProblem(await login({ email, password, passkey: { id: 'x' } }), 400, 'invalid');
  });

  test('the sign-in routes are counted per client address', async () => {
    const limited = await startService({
      config: {
        anonymousLimits: {
          signup: { perIp: 100, windowMs: 3_600_000 },
          links: { perIp: 3, windowMs: 900_000 },
        },
      },
    });
    try {
      const anonymous = limited.client();
      for (let i = 0; i < 3; i++)
        expect((await anonymous.post('/api/session/passkey-options')).status).toBe(200);
      const refused = await anonymous.post('/api/session/passkey-options');
      expectProblem(refused, 429, 'too_many_requests');
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      // The answer is counted before it is looked at.
      const response = {
        id: 'AAAA',
        rawId: 'AAAA',
        type: 'public-key',
        response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
        clientExtensionResults: {},
      };
      expectProblem(await anonymous.post('/api/session/passkey', { response }), 429, 'too_many_requests');
    } finally {
      await limited.close();
    }
  });
});

describe('for the wiring of two-factor', () => {
  test('whether a member has a passkey, and deleting all of them', async () => {
    const admin = service.client();
    const { member } = await admin.signup();
    const db = service.database.db;
    expect(await memberHasPasskey(db, member.id)).toBe(false);
    await registerPasskey(service, admin, authenticator(), 'One');
    await registerPasskey(service, admin, authenticator(), 'Two');
    expect(await memberHasPasskey(db, member.id)).toBe(true);
    const [row] = await queryRows<{ has: boolean }>(db, sql`SELECT ${hasPasskeySql(member.id)} AS has`);
    expect(row!.has).toBe(true);
    expect(await db.transaction((tx) => deleteMemberPasskeys(tx, member.id))).toBe(2);
    expect(await memberHasPasskey(db, member.id)).toBe(false);
  });
});
