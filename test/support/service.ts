import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { type Atrium, type BuildOptions, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/connection.js';
import { TestClock } from '../../src/shared/clock.js';
import { Client } from './client.js';
import { copyTemplate, dropDatabase, withDatabase } from './postgres.js';

export interface TestService extends Atrium {
  url: string;
  clock: TestClock;
  database: Database;
  config: Config;
  /** A new HTTP client with its own cookie jar. */
  client(): Client;
  /** A second service process on the same database (stateless nodes). */
  sibling(): Promise<TestService>;
  close(): Promise<void>;
}

/** A test database: a copy of the migrated template, on PGlite or (DATABASE_URL set) PostgreSQL. */
export async function openTestDatabase(): Promise<{
  database: Database;
  target: Config['database'];
  drop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = await copyTemplate(url, inject('postgresTemplate'));
    const target = { kind: 'postgres' as const, url: withDatabase(url, name), maxConnections: 20 };
    return { database: await openDatabase(target), target, drop: () => dropDatabase(url, name) };
  }
  const loadDataDir = new Blob([await readFile(inject('pgliteTemplate'))]);
  const target = { kind: 'pglite' as const, loadDataDir };
  return { database: await openDatabase(target), target, drop: async () => {} };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ PORT: '0' }),
    host: '127.0.0.1',
    logLevel: 'silent',
    // argon2id at its lowest cost: tests hash hundreds of passwords.
    passwordHashing: { memoryCost: 256, timeCost: 1, parallelism: 1 },
    // Jobs run when a test says so (worker.runUntilIdle), not on a timer.
    workerIdleMs: 0,
    // Every test signs up and accepts links from 127.0.0.1; test/api/abuse.test.ts tests the limits.
    anonymousLimits: {
      signup: { perIp: 100_000, windowMs: 60 * 60 * 1000 },
      links: { perIp: 100_000, windowMs: 15 * 60 * 1000 },
    },
    ...overrides,
  };
}

async function listen(
  atrium: Atrium,
  database: Database,
  clock: TestClock,
  config: Config,
  onClose: () => Promise<void>,
) {
  await atrium.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = atrium.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const service: TestService = {
    ...atrium,
    url,
    clock,
    database,
    config,
    client: () => new Client(url),
    sibling: async () => {
      const other = await buildApp({ config, database, clock });
      return listen(other, database, clock, config, () => other.app.close());
    },
    close: async () => {
      await atrium.app.close();
      await onClose();
    },
  };
  return service;
}

/** Starts the real service over HTTP on 127.0.0.1, on its own fresh database. */
export async function startService(
  options: { config?: Partial<Config>; resolveTxt?: BuildOptions['resolveTxt'] } = {},
): Promise<TestService> {
  const { database, target, drop } = await openTestDatabase();
  const config = testConfig({ database: target, ...options.config });
  const clock = new TestClock();
  const atrium = await buildApp({
    config,
    database,
    clock,
    ...(options.resolveTxt && { resolveTxt: options.resolveTxt }),
  });
  return listen(atrium, database, clock, config, async () => {
    await database.close();
    await drop();
  });
}

/**
 * Makes http://localhost:PORT the service's public URL and answers it, for a browser to use.
 * WebAuthn refuses an IP address as the relying party, which is the public URL's host, and the
 * browser must be on that origin; the port is known only once the service listens, so the URL is
 * set then, before any request, on the config object the app reads per request (ctx.config).
 */
export function serveAtLocalhost(service: TestService): string {
  const url = service.url.replace('//127.0.0.1:', '//localhost:');
  service.config.publicUrl = url;
  return url;
}
