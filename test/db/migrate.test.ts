import { sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/connection.js';
import { loadMigrations, migrate, splitStatements } from '../../src/db/migrate.js';
import { dropDatabase, withDatabase } from '../support/postgres.js';

test('a migration file splits into statements; comments (even ending in ;) are not statements', () => {
  const source = `-- a comment;
CREATE TABLE a (id text); -- trailing
-- another;
CREATE INDEX a_idx
  ON a (id);
`;
  expect(splitStatements(source)).toEqual(['CREATE TABLE a (id text)', 'CREATE INDEX a_idx\n  ON a (id)']);
});

test('migrating an empty database applies every migration once; again, nothing', async () => {
  const url = process.env.DATABASE_URL;
  const name = `atrium_migrate_${process.pid}_${Date.now()}`;
  if (url) {
    const admin = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
    await admin.close();
  }
  const target = url
    ? ({ kind: 'postgres', url: withDatabase(url, name) } as const)
    : ({ kind: 'pglite' } as const);
  // Two processes starting together (PostgreSQL): the advisory lock makes one of them do the work.
  const first = await openDatabase(target);
  const second = url ? await openDatabase(target) : first;
  try {
    const all = (await loadMigrations()).map((m) => m.name);
    const applied = await Promise.all([migrate(first.db), migrate(second.db)]);
    if (url) expect([...applied[0], ...applied[1]].sort()).toEqual(all.sort());
    expect(await migrate(first.db)).toEqual([]);
    const rows = await queryRows<{ name: string }>(
      first.db,
      sql`SELECT name FROM schema_migrations ORDER BY name`,
    );
    expect(rows.map((r) => r.name)).toEqual(all);
  } finally {
    await first.close();
    if (second !== first) await second.close();
    if (url) await dropDatabase(url, name);
  }
});

test('a function body is one statement, whatever its semicolons', () => {
  const source = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
  RETURN NULL;
END;
$$;
CREATE TABLE b (id int);
`;
  const statements = splitStatements(source);
  expect(statements).toHaveLength(2);
  expect(statements[0]).toMatch(/^CREATE FUNCTION[\s\S]*END;\n\$\$$/);
  expect(statements[1]).toBe('CREATE TABLE b (id int)');
});

test('the SQL functions and triggers are applied when they changed, and only then', async () => {
  const database = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(database.db);
    const rowLevel = async () => {
      const [row] = await queryRows<{ row: boolean }>(
        database.db,
        sql`SELECT (tgtype & 1) = 1 AS row FROM pg_trigger WHERE tgname = 'members_access_changed'`,
      );
      return row?.row;
    };
    expect(await rowLevel()).toBe(true);
    // An installation of before the functions had files of their own: a statement-level trigger,
    // and no record of the functions applied.
    const old = sql`CREATE OR REPLACE TRIGGER members_access_changed AFTER INSERT OR DELETE OR UPDATE ON members
      FOR EACH STATEMENT EXECUTE FUNCTION atrium_access_changed('account', 'account_id')`;
    await database.db.execute(old);
    // Unchanged files are not applied again at the next start...
    await migrate(database.db);
    expect(await rowLevel()).toBe(false);
    // ...changed ones are.
    await database.db.execute(sql`DELETE FROM schema_functions`);
    await migrate(database.db);
    expect(await rowLevel()).toBe(true);
  } finally {
    await database.close();
  }
});
