import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { startAutovacuum } from './pglite-autovacuum.js';
import * as schema from './schema.js';

/** The query layer, the same type on both drivers; a transaction is one of these too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Calls `onNotice` with its payload for each NOTIFY on `channel` from any process, and without
   * one whenever notices may have been missed (a lost connection); returns the function that stops
   * listening.
   */
  listen(channel: string, onNotice: (payload?: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as a tar, which `loadDataDir` starts a copy from. */
  dump?(): Promise<Blob>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** `dataDir` undefined keeps the database in memory; `loadDataDir` starts it from a dump. */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface DatabaseOptions {
  /** Called with each statement sent through the query layer (the benchmark counts them). */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<Database> {
  const logger = options.onQuery && { logQuery: options.onQuery };
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10 });
    // An idle connection that dies (server restart, terminated by an admin) is replaced by the pool
    // at the next query; without a listener its error would crash the process.
    pool.on('error', () => {});
    // A connection that dies while checked out (in a transaction) rejects its query, which fails
    // that request; pg-pool listens for its 'error' event only while it is idle, so without a
    // listener of ours the event would crash the process. The pool discards the dead connection.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    // Fail at start-up, not at the first request, when the server is unreachable.
    (await pool.connect()).release();
    return {
      db: drizzlePostgres({ client: pool, schema, ...(logger && { logger }) }),
      kind: 'postgres',
      close: () => pool.end(),
      listen: (channel, onNotice) => listenOnPostgres(target.url, channel, onNotice),
    };
  }
  const client = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
  const stopAutovacuum = startAutovacuum(client);
  return {
    db: drizzlePglite({ client, schema, ...(logger && { logger }) }),
    kind: 'pglite',
    close: () => {
      stopAutovacuum();
      return client.close();
    },
    listen: async (channel, onNotice) => {
      const stop = await client.listen(channel, (payload) => onNotice(payload || undefined));
      return () => stop();
    },
    dump: () => client.dumpDataDir('none'),
  };
}

/** LISTEN on a connection of its own, which comes back after a failure (and reports a possible miss). */
async function listenOnPostgres(
  url: string,
  channel: string,
  onNotice: (payload?: string) => void,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  // One connection at a time: a dead one is ended, and exactly one new attempt is scheduled.
  const connect = async (): Promise<void> => {
    // Keep-alive: a connection that died without a word (a half-open TCP connection) is found out.
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    let lost = false;
    const lose = () => {
      if (lost) return; // pg reports one death as several events
      lost = true;
      // From now until LISTEN works again notices are lost: what was kept meanwhile goes too, at
      // each failed attempt (every second) and when it works.
      if (!stopped) onNotice();
      if (current === client) current = undefined;
      client.end().catch(() => {});
      if (!stopped && !retry) {
        retry = setTimeout(() => {
          retry = undefined;
          if (!stopped) connect().catch(() => {});
        }, 1000);
      }
    };
    client.on('notification', (n) => n.channel === channel && onNotice(n.payload || undefined));
    client.on('error', lose);
    client.on('end', lose);
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lose();
      throw error;
    }
    if (stopped) return void (await client.end());
    current = client;
    // Notices sent while no connection listened are lost: say something may have changed.
    onNotice();
  };

  const stop = async () => {
    stopped = true;
    clearTimeout(retry);
    await current?.end();
  };
  try {
    await connect();
  } catch (error) {
    await stop(); // at start-up a failure is the caller's to report, not ours to retry
    throw error;
  }
  return stop;
}

/** Runs raw SQL and returns its rows; both drivers answer with `rows`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * queryRows as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of at every call (a quarter of a Track API batch's time in the database went there). For
 * hot statements whose text never changes; one name, one text (pg refuses a second text).
 */
export async function queryPreparedRows<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}
