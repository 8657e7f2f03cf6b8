import type { Config } from './config.js';
import type { Db } from './db/connection.js';
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
  /**
   * Reads about an account kept in memory until it changes (session callers, API keys, subjects of
   * the check API, the team list, settings): shared/account-cache.ts says what drops them.
   */
  readonly cache: AccountCache;
  /** Liquid templates render on its worker threads, each workspace in its turn (render-pool.ts). */
  readonly renderer: Renderer;
  /** Looks up a name's DNS TXT records (domain verification); tests pass their own, with no network. */
  readonly resolveTxt: (name: string) => Promise<string[][]>;
}
