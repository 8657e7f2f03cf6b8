import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SDK_TYPES_FILE, sdkTypes } from '../scripts/sdk-types.js';
import { uniqueEmail } from './support/client.js';
import { startService, type TestService } from './support/service.js';

const run = promisify(execFile);
const sdkDir = new URL('../sdk/', import.meta.url).pathname;

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service?.close());

test('the committed SDK types are what the service serves (npm run generate:sdk)', async () => {
  const served = await service.client().request('GET', '/api/openapi.json');
  expect(served.status).toBe(200);
  const committed = await readFile(SDK_TYPES_FILE, 'utf8');
  // A mismatch means a route's schema changed without `npm run generate:sdk`.
  expect(committed === (await sdkTypes(served.body)), 'sdk/src/schema.ts is stale').toBe(true);
});

test('the SDK builds, and the example of its README runs against the service', {
  timeout: 120_000,
}, async () => {
  await run(process.execPath, [
    new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname,
    '-p',
    sdkDir,
  ]);

  const email = uniqueEmail('sdk');
  const password = 'sdk example password 1';
  const admin = service.client();
  const signedUp = await admin.request('POST', '/api/signup', {
    accountName: 'SDK Example',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email,
    password,
  });
  expect(signedUp.status).toBe(201);

  const readme = await readFile(new URL('README.md', `file://${sdkDir}`), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  // Inside the package's folder, so that `@atrium/sdk` resolves as it does for an installed package.
  const file = `${sdkDir}dist/readme-example.ts`;
  await writeFile(file, example!);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, ATRIUM_URL: service.url, ATRIUM_EMAIL: email, ATRIUM_PASSWORD: password },
    timeout: 60_000,
  });
  expect(stdout.trim().split('\n')).toEqual([
    'Signed in as Ada Lovelace (SDK Example)',
    '1 person in SDK Example',
    expect.stringMatching(/^(400|409) /),
  ]);
});
