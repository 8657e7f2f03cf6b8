/**
 * Transactions on PostgreSQL in fewer round trips. node-postgres ends every statement with a Sync;
 * its `pipeline` option sends statements without waiting, but Drizzle awaits each one (BEGIN
 * included), so it would save nothing here. Here a pooled client's BEGIN is not sent alone: it
 * waits, and goes with the transaction's first statement as one message sequence under one Sync
 * (nothing can observe a transaction before its first statement; its snapshot is taken there).
 * Likewise a statement whose result nobody reads waits (`defer`) and goes with the next statement,
 * or with COMMIT. A Track API batch (enter, write) then takes two round trips instead of four.
 *
 * A statement sent with others fails as it would alone: the server skips the rest up to the Sync,
 * the transaction is aborted, and the caller's ROLLBACK follows as usual.
 */
import type pg from 'pg';
import Result from 'pg/lib/result.js';
import pgUtils from 'pg/lib/utils.js';

export interface Statement {
  text: string;
  /** A prepared statement's name; a named statement goes with others only once parsed on the connection. */
  name?: string;
  values: unknown[];
  types?: pg.CustomTypesConfig;
  rowMode?: 'array';
}

/** Sends `statement` now or with the next one; resolves once it is handed over, not when it has run. */
export type Defer = (statement: Statement) => Promise<void>;

const DEFER = Symbol('defer');

/** The client's defer, when its transactions are pipelined (on PGlite there are no round trips to save). */
export function deferOf(client: unknown): Defer | undefined {
  return (client as { [DEFER]?: Defer } | undefined)?.[DEFER];
}

type Query = (config: pg.QueryConfig & { rowMode?: 'array' }, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * Makes `client.query` hold BEGIN and deferred statements back, as described above. What goes
 * with them: named statements parsed on the connection, statements with values, and COMMIT. A
 * statement without values may hold several commands (the simple protocol takes them, a pipeline
 * does not): it goes after what waits, as a named statement's first use does, to be parsed alone.
 */
export function pipelineTransactions(client: pg.PoolClient): void {
  const direct = client.query.bind(client) as unknown as (...args: unknown[]) => unknown;
  const send = (config: pg.QueryConfig, values: unknown[]) =>
    direct(config, values) as Promise<pg.QueryResult>;
  const parsed = (client as unknown as { connection: { parsedStatements: Record<string, string> } })
    .connection.parsedStatements;
  let begin: Statement | undefined;
  let waiting: Statement[] = [];
  const holding = () => begin !== undefined || waiting.length > 0;

  const fits = (statement: Statement) =>
    statement.name === undefined ? statement.values.length > 0 : parsed[statement.name] === statement.text;

  /** What waits, then `statement` (when given) under one Sync; the last statement's result. */
  const flush = (statement?: Statement): Promise<pg.QueryResult> => {
    // Built (its values converted) before anything is let go: a value that cannot be sent fails its
    // own statement only, and what waits still waits.
    const pipeline = new Pipeline([...(begin ? [begin] : []), ...waiting, ...(statement ? [statement] : [])]);
    begin = undefined;
    waiting = [];
    direct(pipeline);
    return pipeline.done.then((results) => results.at(-1)!);
  };

  const query: Query = async (config, values = config.values ?? []) => {
    const statement: Statement = { ...config, values };
    const word = controlWord(config.text);
    // Drizzle's BEGIN (with its options, if any), when the connection is idle: held back. Anything
    // still held then was left by a transaction that ended without awaiting it: it is dropped.
    if (word === 'begin' && client.getTransactionStatus() === 'I') {
      begin = statement;
      waiting = [];
      return nothing('BEGIN');
    }
    if (word === 'rollback' && holding()) {
      const sent = begin === undefined;
      begin = undefined;
      waiting = []; // never sent: dropping them is their rollback
      return sent ? send(config, values) : nothing('ROLLBACK');
    }
    if (word === 'commit' && begin !== undefined && waiting.length === 0) {
      begin = undefined; // an empty transaction
      return nothing('COMMIT');
    }
    if (!holding()) return send(config, values);
    if (word === 'commit' || fits(statement)) return flush(statement);
    // Both handed to the client now, so that nothing issued meanwhile runs between them.
    const before = flush();
    const result = send(config, values);
    try {
      await before;
    } catch (error) {
      result.catch(() => {}); // it fails too, in the aborted transaction
      throw error;
    }
    return result;
  };

  const defer: Defer = async (statement) => {
    if (!fits(statement)) {
      await query(statement, statement.values);
      return;
    }
    waiting.push(statement);
  };

  Object.assign(client, {
    query: (...args: unknown[]) =>
      // Callbacks, submittables and text with values apart are node-postgres's other forms: pg-pool's own
      // queries, outside transactions. Drizzle sends a config and values.
      typeof args[0] === 'object' &&
      args[0] !== null &&
      !('submit' in args[0]) &&
      typeof args.at(-1) !== 'function'
        ? query(args[0] as pg.QueryConfig, args[1] as unknown[] | undefined)
        : direct(...args),
    [DEFER]: defer,
  });
}

/**
 * BEGIN (with options or not), or a bare COMMIT or ROLLBACK (not ROLLBACK TO SAVEPOINT): read from
 * the statement's start, as the hot statements are long.
 */
function controlWord(text: string): 'begin' | 'commit' | 'rollback' | undefined {
  const [, word] = /^\s*(begin\b|commit\s*$|rollback\s*$)/i.exec(text) ?? [];
  return word?.trim().toLowerCase() as 'begin' | 'commit' | 'rollback' | undefined;
}

const nothing = (command: string) =>
  ({ command, rowCount: null, oid: 0, rows: [], fields: [] }) as unknown as pg.QueryResult;

interface Message {
  fields: unknown[];
}

/** Statements under one Sync, as node-postgres's client runs a query object ("submittable"). */
class Pipeline {
  /** Each statement's result, once the server is ready again; the first error otherwise. */
  readonly done: Promise<pg.QueryResult[]>;
  private resolve!: (results: pg.QueryResult[]) => void;
  private reject!: (error: unknown) => void;
  private readonly results: Result[];
  private readonly values: (string | Buffer | null)[][];
  private at = 0;
  private failed: unknown;

  constructor(private readonly statements: Statement[]) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.results = statements.map((s) => new Result(s.rowMode, s.types));
    // Values converted before any message is written: a value that cannot be sent fails here.
    this.values = statements.map((s) => s.values.map((value) => pgUtils.prepareValue(value)));
  }

  submit(connection: pg.Connection) {
    connection.stream.cork();
    try {
      for (const [i, statement] of this.statements.entries()) {
        if (statement.name === undefined)
          connection.parse({ name: '', text: statement.text, types: [] }, false);
        connection.bind({ statement: statement.name ?? '', values: this.values[i]! }, false);
        connection.describe({ type: 'P', name: '' }, false);
        connection.execute({ portal: '' }, false); // all rows
      }
      connection.sync();
    } finally {
      connection.stream.uncork();
    }
  }

  handleRowDescription(message: Message) {
    this.results[this.at]!.addFields(message.fields);
  }

  handleDataRow(message: Message) {
    if (this.failed) return;
    const result = this.results[this.at]!;
    try {
      result.addRow(result.parseRow(message.fields));
    } catch (error) {
      this.failed = error; // a type parser that throws; the answer is read to its end all the same
    }
  }

  handleCommandComplete(message: unknown) {
    this.results[this.at]!.addCommandComplete(message);
    this.at++;
  }

  handleEmptyQuery() {
    this.at++;
  }

  handleReadyForQuery() {
    if (this.failed) this.reject(this.failed);
    else this.resolve(this.results as unknown as pg.QueryResult[]);
  }

  /** The server skips the rest up to the Sync; the client sends nothing more until it has answered. */
  handleError(error: unknown) {
    this.reject(error);
  }

  handleCopyInResponse(connection: pg.Connection & { sendCopyFail(message: string): void }) {
    connection.sendCopyFail('COPY is not supported in a pipeline');
  }

  handleCopyData() {}

  handlePortalSuspended() {}
}
