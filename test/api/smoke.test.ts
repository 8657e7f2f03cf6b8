import { afterAll, beforeAll, expect, test } from 'vitest';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

test('health and sign-up', async () => {
  const client = service.client();
  expect((await client.get('/healthz')).body).toEqual({ status: 'ok' });
  const signup = await client.signup();
  const me = await client.get('/api/me');
  expect(me.status).toBe(200);
  expect(me.body.workspaces[0].name).toBe(signup.account.name);
});
