import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { AccessCache } from './features/authz/cache.js';
import type { Renderer } from './features/content/render-pool.js';
import type { JobQueue } from './jobs/queue.js';
import type { AccountCache } from './shared/account-cache.js';
import type { Clock } from './shared/clock.js';

/** What every service needs, built once by buildApp and passed down; there is no global state. */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: JobQueue;
  readonly accessCache: AccessCache;
  /** Reads about an account (session callers, team list, settings) kept in memory until it changes. */
  readonly cache: AccountCache;
  /** Liquid templates render on its worker threads, each workspace in its turn (render-pool.ts). */
  readonly renderer: Renderer;
  /** Looks up a name's DNS TXT records (domain verification); tests pass their own, with no network. */
  readonly resolveTxt: (name: string) => Promise<string[][]>;
  /** Call after committing a change to roles, members, workspaces or keys: drops cached access. */
  accessChanged(): void;
}
