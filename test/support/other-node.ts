import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestService } from './service.js';

/**
 * A second node: `atrium serve` started from source on the test service's PostgreSQL database, so a
 * test sees what another process of the same installation sees (NOTIFY, leases, a kill -9).
 */
export function serveFromSource(
  service: TestService,
  port: number,
  env: Record<string, string> = {},
): ChildProcess {
  const target = service.config.database as { url: string };
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Waits until the node at `url` answers /healthz (60 s at most). */
export async function healthy(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

/** A second node, started and answering. */
export async function startOtherNode(service: TestService): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = serveFromSource(service, port);
  const url = `http://127.0.0.1:${port}`;
  await healthy(url);
  return { url, child };
}

/** Milliseconds until GET /api/me at `url` with `cookie` answers `until`, polling every 10 ms (5 s at most). */
export async function msUntilMe<T>(
  url: string,
  cookie: string,
  until: (status: number, body: T) => boolean,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const reply = await fetch(`${url}/api/me`, { headers: { cookie } });
    if (until(reply.status, (await reply.json()) as T)) return performance.now() - started;
    if (performance.now() - started > 5000) throw new Error('the other process never saw the change');
    await new Promise((r) => setTimeout(r, 10));
  }
}
