import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';

/**
 * The OpenAPI document the service serves at /api/openapi.json, built in-process on an empty
 * in-memory database (no port, no data): the routes' schemas are all it needs.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const { app } = await buildApp({ config: { ...loadConfig({}), logLevel: 'silent' }, database });
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}
