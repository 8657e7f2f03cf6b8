import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Database, queryRows } from '../../src/db/connection.js';
import * as schema from '../../src/db/schema.js';
import { workspaceTables, workspaceTablesKept } from '../../src/db/workspace-tables.js';
import { openTestDatabase } from '../support/service.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

const columnsOf = async () => {
  const rows = await queryRows<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>(
    database.db,
    sql`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  return rows;
};

test('the Drizzle schema matches the tables the migrations create, column by column', async () => {
  const actual = new Map((await columnsOf()).map((c) => [`${c.table_name}.${c.column_name}`, c]));
  const tables: PgTable[] = Object.values(schema).filter(
    (v) => typeof v === 'object' && v !== null && 'getSQL' in v,
  );
  expect(tables.length).toBeGreaterThan(5);
  for (const table of tables) {
    const { name } = getTableConfig(table);
    for (const column of Object.values(getTableColumns(table))) {
      const found = actual.get(`${name}.${column.name}`);
      expect(found, `${name}.${column.name} is in schema.ts but not in the database`).toBeDefined();
      expect(found!.data_type, `${name}.${column.name}`).toBe(column.getSQLType());
      expect(found!.is_nullable === 'NO', `${name}.${column.name} NOT NULL`).toBe(column.notNull);
    }
  }
});

test('every table with a workspace_id column is purged with its workspace (or kept for a stated reason)', async () => {
  const withWorkspaceId = new Set(
    (await columnsOf()).filter((c) => c.column_name === 'workspace_id').map((c) => c.table_name),
  );
  const covered = new Set<string>([...workspaceTables, ...Object.keys(workspaceTablesKept)]);
  expect([...withWorkspaceId].sort()).toEqual([...covered].sort());
});
