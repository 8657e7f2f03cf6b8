import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';

/** The same server with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTemplateDatabase(url: string): Promise<string> {
  const name = `atrium_template_${randomBytes(4).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), maxConnections: 1 });
  await migrate(database.db);
  await database.close();
  return name;
}

/** A fresh database copied from the migrated template (fast: a file copy on the server). */
export async function copyTemplate(url: string, template: string): Promise<string> {
  const name = `atrium_test_${randomBytes(6).toString('hex')}`;
  // Two copies of one template at the same instant can collide ("source database is being
  // accessed by other users"); wait and retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      return name;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
