import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { MIGRATION_LOCK } from './advisory-locks.js';
import { type Db, queryRows } from './connection.js';

const migrationsDir = new URL('./migrations/', import.meta.url);
const functionsDir = new URL('./functions/', import.meta.url);

export interface Migration {
  name: string;
  statements: string[];
}

async function loadSqlFiles(dir: URL): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (name) => ({
      name,
      statements: splitStatements(await readFile(new URL(name, dir), 'utf8')),
    })),
  );
}

export const loadMigrations = () => loadSqlFiles(migrationsDir);

/**
 * The SQL functions (and the triggers that call them), one file each holding the current body as
 * `CREATE OR REPLACE`: a reader finds a function in one place, and a change to it is a change to
 * its file, not a new migration that redefines it.
 */
export const loadFunctions = () => loadSqlFiles(functionsDir);

/**
 * PGlite refuses several statements in one call, so a file is applied statement by statement: a `;`
 * at the end of a line ends a statement, except inside a `$$ … $$` function body. Comments go first.
 */
export function splitStatements(source: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of source.replace(/--.*$/gm, '').split('\n')) {
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.trim().replace(/;$/, ''));
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter((s) => s.length > 0);
}

/**
 * Applies the migrations not yet applied, each in its own transaction, under an advisory lock so
 * that several processes starting together against one PostgreSQL migrate once; then every SQL
 * function again, in one transaction (they may read the tables the migrations made).
 * Returns the names of the migrations it applied.
 */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = await loadMigrations();
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const done = await queryRows(tx, sql`SELECT 1 FROM schema_migrations WHERE name = ${migration.name}`);
      if (done.length > 0) return;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${migration.name})`);
      applied.push(migration.name);
    });
  }
  await applyFunctions(db);
  return applied;
}

/**
 * Applies the SQL functions and their triggers when they differ from those last applied (a hash of
 * the files, kept in schema_functions): replacing a trigger locks its table against writes for a
 * moment, which a start should not cost when nothing changed.
 */
async function applyFunctions(db: Db): Promise<void> {
  const functions = await loadFunctions();
  const hash = createHash('sha256');
  for (const file of functions) hash.update(`${file.name}\0${file.statements.join(';\0')}\0`);
  const digest = hash.digest('hex');
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS schema_functions (hash text NOT NULL)`);
    const [last] = await queryRows<{ hash: string }>(tx, sql`SELECT hash FROM schema_functions`);
    if (last?.hash === digest) return;
    for (const file of functions)
      for (const statement of file.statements) await tx.execute(sql.raw(statement));
    await tx.execute(sql`DELETE FROM schema_functions`);
    await tx.execute(sql`INSERT INTO schema_functions (hash) VALUES (${digest})`);
  });
}
