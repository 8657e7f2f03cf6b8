import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { createTemplateDatabase, dropDatabase } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated data directory, dumped to this tar file, that each test file loads. */
    pgliteTemplate: string;
    /** PostgreSQL (DATABASE_URL set): a migrated database that each test file copies. */
    postgresTemplate: string;
  }
}

/** Migrates once per run; each test file starts from a copy instead of migrating again. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = await createTemplateDatabase(url);
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplate', '');
    return () => dropDatabase(url, template);
  }
  const dir = await mkdtemp(join(tmpdir(), 'atrium-test-'));
  const database = await openDatabase({ kind: 'pglite' });
  await migrate(database.db);
  const dump = await database.dump!();
  await database.close();
  const file = join(dir, 'template.tar');
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => rm(dir, { recursive: true, force: true });
}
