import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from './db/connection.js';

export interface Config {
  port: number;
  host: string;
  /** The address people reach the service at; links in emails start with it. https → Secure cookies. */
  publicUrl: string;
  database: DatabaseTarget;
  logLevel: string;
  /**
   * Behind reverse proxies, which of them to believe about the client address in X-Forwarded-For
   * (per-address limits count by it): false, how many hops (the proxies append; the client writes
   * the leftmost entries, so believing every hop lets it pick its address), or their addresses.
   */
  trustProxy: boolean | number | string;
  /** argon2id cost; the defaults are OWASP's. Tests lower them (each hash then takes ~1 ms). */
  passwordHashing: { memoryCost: number; timeCost: number; parallelism: number };
  sessionTtlMs: number;
  /**
   * How long after a session last proved who its person is (a log-in, or POST /api/me/reauthenticate)
   * it may still take a sensitive action (routes with config.recentAuthentication); later, 403
   * reauthentication_required.
   */
  recentAuthenticationMs: number;
  /** Failed logins allowed per window, per email and per client IP; the next one answers 429. */
  loginLimits: { perEmail: number; perIp: number; windowMs: number };
  /**
   * Anonymous requests allowed per client IP and window, counted in the database like the login
   * limits; the next one answers 429. `signup`: POST /api/signup. `links`: every request on an
   * invitation or password-reset link (viewing, accepting, setting the password), the
   * forgot-password request, which sends an email, and the passkey sign-in routes.
   */
  anonymousLimits: {
    signup: { perIp: number; windowMs: number };
    links: { perIp: number; windowMs: number };
  };
  mail: {
    /** Deliver over SMTP (smtp://user:pass@host:port); unset, emails stay in the outbox (GET /api/outbox). */
    smtpUrl?: string;
    /** The From of every email the service sends, and of a workspace's messages unless it names its own. */
    from: string;
    /** The From of messages a workspace sends in test mode (the product's test domain). */
    testFrom: string;
  };
  /** The built console (dist/web), served at /. */
  webDir: string;
  /** How long the job worker sleeps when the queue is empty. 0 disables the worker (tests drive it). */
  workerIdleMs: number;
  /** The largest asset an upload may carry, in bytes (ASSET_MAX_BYTES). */
  assetMaxBytes: number;
  /**
   * Let webhook messages post to loopback and private addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS).
   * Off, a workspace cannot make the service call into its own network.
   */
  webhookAllowPrivateNetworks: boolean;
  /**
   * A pause after each batch of a workspace transfer's job, in ms (TRANSFER_BATCH_PAUSE_MS, default
   * none): lets the kill -9 test (test/api/workspace-transfer-kill.test.ts) catch the job mid-way.
   */
  transferBatchPauseMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

export const defaults = {
  passwordHashing: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  sessionTtlMs: 14 * DAY,
  recentAuthenticationMs: 10 * 60 * 1000,
  loginLimits: { perEmail: 10, perIp: 100, windowMs: 15 * 60 * 1000 },
  anonymousLimits: {
    signup: { perIp: 20, windowMs: 60 * 60 * 1000 },
    links: { perIp: 50, windowMs: 15 * 60 * 1000 },
  },
  workerIdleMs: 1000,
  assetMaxBytes: 5 * 1024 * 1024,
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(env.DATA_DIR ?? './data') },
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustedProxies(env.TRUST_PROXY),
    passwordHashing: { ...defaults.passwordHashing },
    sessionTtlMs: defaults.sessionTtlMs,
    recentAuthenticationMs: defaults.recentAuthenticationMs,
    loginLimits: { ...defaults.loginLimits },
    anonymousLimits: {
      signup: { ...defaults.anonymousLimits.signup },
      links: { ...defaults.anonymousLimits.links },
    },
    workerIdleMs: defaults.workerIdleMs,
    assetMaxBytes: positiveInteger(env.ASSET_MAX_BYTES, 'ASSET_MAX_BYTES') ?? defaults.assetMaxBytes,
    webhookAllowPrivateNetworks: ['true', '1'].includes(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? ''),
    transferBatchPauseMs: positiveInteger(env.TRANSFER_BATCH_PAUSE_MS, 'TRANSFER_BATCH_PAUSE_MS'),
    // From src/config.ts (tests, tsx) and from dist/config.js alike: the repository's dist/web.
    webDir: env.WEB_DIR ? resolve(env.WEB_DIR) : fileURLToPath(new URL('../dist/web/', import.meta.url)),
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM ?? 'Atrium <no-reply@atrium.localhost>',
      testFrom: env.MAIL_TEST_FROM ?? 'Atrium test <test@test.atrium.localhost>',
    },
  };
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

/** TRUST_PROXY: unset or `false` → none; a whole number → that many hops; else addresses or CIDRs. */
function trustedProxies(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  // `true` meant one proxy in front; every hop would let a client write its own address.
  if (value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
