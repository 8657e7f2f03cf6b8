import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';

/** Opens the database, applies pending migrations, serves HTTP and runs the job worker. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const database = await openDatabase(config.database);
  const applied = await migrate(database.db);
  const { app, worker } = await buildApp({ config, database });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  worker.start();
  app.log.info(
    `Atrium is serving ${config.publicUrl} (${database.kind === 'pglite' ? `PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL'})`,
  );
}
