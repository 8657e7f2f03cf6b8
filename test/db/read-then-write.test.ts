import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Database, queryRows } from '../../src/db/connection.js';
import { openTestDatabase } from '../support/service.js';

// Database.readThenWrite, on the driver under test: on PostgreSQL its statements travel as text,
// PREPAREd once per connection and EXECUTEd with their values written as literals.
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await database.db.execute(sql`CREATE TABLE rtw_notes (id int PRIMARY KEY, body text NOT NULL, data jsonb)`);
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

const insert = (id: number, body: string, data: unknown = null) => ({
  name: 'rtw_insert',
  query: sql`INSERT INTO rtw_notes (id, body, data) VALUES (${id}, ${body}, ${JSON.stringify(data)}::jsonb)`,
});
const bodiesOf = async () =>
  (
    await queryRows<{ id: number; body: string }>(
      database.db,
      sql`SELECT id, body FROM rtw_notes ORDER BY id`,
    )
  ).map((r) => [r.id, r.body]);
const count = { name: 'rtw_count', query: sql`SELECT count(*)::int AS n FROM rtw_notes WHERE id > ${0}` };

describe('readThenWrite', () => {
  test('writes what the read decided, and answers the decision', async () => {
    const answer = await database.readThenWrite(count, (rows: { n: number }[]) => ({
      result: rows[0]!.n,
      writes: [insert(1, 'first'), insert(2, 'second')],
    }));
    expect(answer).toBe(0);
    expect(await bodiesOf()).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });

  test('values arrive exactly as given: quotes, backslashes, dollar quotes, Unicode, JSON', async () => {
    const nasty = [
      `it's`,
      `a\\'b`,
      `\\`,
      `'); DROP TABLE rtw_notes; --`,
      '$$ $1 $tag$',
      'İ ς 🎉 \t\n',
      `E'\\x41'`,
    ];
    await database.readThenWrite(count, () => ({
      result: null,
      writes: nasty.map((body, i) => insert(100 + i, body, { body, n: i })),
    }));
    const rows = await queryRows<{ body: string; data: { body: string } }>(
      database.db,
      sql`SELECT body, data FROM rtw_notes WHERE id >= 100 ORDER BY id`,
    );
    expect(rows.map((r) => r.body)).toEqual(nasty);
    expect(rows.map((r) => r.data.body)).toEqual(nasty);
  });

  test('a decision that throws writes nothing, and the connection serves the next call', async () => {
    const before = await bodiesOf();
    await expect(
      database.readThenWrite(count, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await bodiesOf()).toEqual(before);
    // Calls on every connection of the pool still work.
    const answers = await Promise.all(
      Array.from({ length: 25 }, () =>
        database.readThenWrite(count, (rows: { n: number }[]) => ({ result: rows[0]!.n, writes: [] })),
      ),
    );
    expect(new Set(answers)).toEqual(new Set([before.length]));
  });

  test('a write that fails rolls back the writes before it, and the error reaches the caller', async () => {
    const before = await bodiesOf();
    const failure = database.readThenWrite(count, () => ({
      result: null,
      writes: [insert(200, 'rolled back'), insert(1, 'duplicate key')],
    }));
    await expect(failure).rejects.toMatchObject({});
    await failure.catch((error: unknown) => {
      const codes = [error as { code?: string }, (error as { cause?: { code?: string } }).cause];
      expect(codes.some((e) => e?.code === '23505')).toBe(true);
    });
    expect(await bodiesOf()).toEqual(before);
    await database.readThenWrite(count, () => ({ result: null, writes: [insert(201, 'after')] }));
    expect((await bodiesOf()).at(-1)).toEqual([201, 'after']);
  });
});
