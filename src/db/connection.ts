import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { startAutovacuum } from './pglite-autovacuum.js';
import * as schema from './schema.js';

/** Renders Drizzle SQL to text and values, for statements run by name (no casing configured). */
const dialect = new PgDialect();

/** The query layer, the same type on both drivers; a transaction is one of these too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Calls `onNotice` for each NOTIFY on `channel` from any process, and also whenever notices may
   * have been missed (a lost connection); returns the function that stops listening.
   */
  listen(channel: string, onNotice: () => void): Promise<() => Promise<void>>;
  /** PGlite only: the whole data directory as a tar, which `loadDataDir` starts a copy from. */
  dump?(): Promise<Blob>;
  /**
   * A transaction of one read, then the writes it decides: `decide` gets the read's rows and
   * answers its result and the statements to write (throwing rolls back). On PostgreSQL that is
   * two round trips, BEGIN going with the read and COMMIT with the writes, where db.transaction
   * takes one per statement and two more: for hot paths, whose round trips are most of their time.
   */
  readThenWrite<Row, T>(read: NamedStatement, decide: (rows: Row[]) => Decided<T>): Promise<T>;
}

/** A statement prepared under its name, once per connection: its text must never change. */
export interface NamedStatement {
  name: string;
  query: SQL;
}

export interface Decided<T> {
  result: T;
  writes: NamedStatement[];
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** `dataDir` undefined keeps the database in memory; `loadDataDir` starts it from a dump. */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.maxConnections ?? 10 });
    // An idle connection that dies (server restart, terminated by an admin) is replaced by the pool
    // at the next query; without a listener its error would crash the process.
    pool.on('error', () => {});
    // Fail at start-up, not at the first request, when the server is unreachable.
    (await pool.connect()).release();
    return {
      db: drizzlePostgres({ client: pool, schema }),
      kind: 'postgres',
      close: () => pool.end(),
      listen: (channel, onNotice) => listenOnPostgres(target.url, channel, onNotice),
      readThenWrite: (read, decide) => readThenWriteOnPostgres(pool, read, decide),
    };
  }
  const client = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
  const stopAutovacuum = startAutovacuum(client);
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    // In process, a round trip costs nothing: an ordinary transaction.
    readThenWrite: (read, decide) =>
      db.transaction(async (tx) => {
        const { result, writes } = decide(await queryPreparedRows(tx, read.name, read.query));
        for (const write of writes) await queryPreparedRows(tx, write.name, write.query);
        return result;
      }),
    close: () => {
      stopAutovacuum();
      return client.close();
    },
    listen: async (channel, onNotice) => {
      const stop = await client.listen(channel, () => onNotice());
      return () => stop();
    },
    dump: () => client.dumpDataDir('none'),
  };
}

/**
 * Two messages of the simple query protocol, which takes several statements in one message (the
 * extended one, one per round trip): BEGIN and the read, then the writes and COMMIT. Each
 * statement is PREPAREd once per connection and EXECUTEd with its values as literals, escaped by
 * pg's escapeLiteral (right whatever standard_conforming_strings says).
 */
async function readThenWriteOnPostgres<Row, T>(
  pool: pg.Pool,
  read: NamedStatement,
  decide: (rows: Row[]) => Decided<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const opened = await client.query(`BEGIN;\n${await executeOf(client, read)}`);
    const [, readResult] = opened as unknown as [pg.QueryResult, pg.QueryResult<Row & pg.QueryResultRow>];
    const { result, writes } = decide(readResult.rows);
    const executes = [];
    for (const write of writes) executes.push(await executeOf(client, write));
    await client.query([...executes, 'COMMIT'].join(';\n'));
    return result;
  } catch (error) {
    // After a failed COMMIT there is no transaction left, and ROLLBACK only warns.
    await client.query('ROLLBACK').catch((failure: Error) => {
      broken = failure;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The statements PREPAREd on each connection (SQL-level: a namespace apart from pg's own names, as `rw:…`). */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

/** `EXECUTE` of the statement with its values, PREPAREd first if this connection has not yet. */
async function executeOf(client: pg.PoolClient, { name, query }: NamedStatement): Promise<string> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const id = pg.escapeIdentifier(`rw:${name}`);
  const prepared = preparedOn.get(client) ?? new Set<string>();
  preparedOn.set(client, prepared);
  if (!prepared.has(name)) {
    await client.query(`PREPARE ${id} AS ${text}`);
    prepared.add(name);
  }
  return params.length === 0 ? `EXECUTE ${id}` : `EXECUTE ${id}(${params.map(literalOf).join(', ')})`;
}

function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    // The simple protocol ends its text at a NUL (requests holding one are refused at the edge).
    if (value.includes('\u0000')) throw new Error('a NUL character cannot be written as a literal');
    return pg.escapeLiteral(value);
  }
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  throw new Error(`a value of type ${typeof value} cannot be written as a literal`);
}

/** LISTEN on a connection of its own, which comes back after a failure (and reports a possible miss). */
async function listenOnPostgres(
  url: string,
  channel: string,
  onNotice: () => void,
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  // One connection at a time: a dead one is ended, and exactly one new attempt is scheduled.
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const lose = () => {
      if (lost) return; // pg reports one death as several events
      lost = true;
      if (current === client) current = undefined;
      client.end().catch(() => {});
      if (!stopped && !retry) {
        retry = setTimeout(() => {
          retry = undefined;
          if (!stopped) connect().catch(() => {});
        }, 1000);
      }
    };
    client.on('notification', (n) => n.channel === channel && onNotice());
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
