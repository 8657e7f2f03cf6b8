import { afterAll, beforeAll, expect, test } from 'vitest';
import { startService, type TestService } from '../support/service.js';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

/**
 * Every route with the access it declares (and whether it needs a recent authentication): a new route shows up here and must be reviewed. A route
 * that declares nothing does not even start (see registerAuthentication).
 */
test('every route declares its access', () => {
  const lines = service.routes
    .map(
      (r) =>
        `${r.method.padEnd(6)} ${r.url.padEnd(45)} ${r.access}${r.recentAuthentication ? ' +recent authentication' : ''}`,
    )
    .sort()
    .join('\n');
  expect(`\n${lines}\n`).toMatchSnapshot();
});

test('a route without declared access stops the app from starting', async () => {
  const { default: Fastify } = await import('fastify');
  const { registerAuthentication } = await import('../../src/features/auth/authenticate.js');
  const app = Fastify();
  registerAuthentication(app, service.ctx);
  expect(() => app.get('/api/undeclared', async () => 'oops')).toThrow(
    'GET /api/undeclared declares no config.access',
  );
});
