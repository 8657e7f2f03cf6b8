import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { deleteExpiredSessions } from './features/auth/service.js';

const HOUSEKEEPING_MS = 60 * 60 * 1000;

/** Opens the database, applies pending migrations, serves HTTP, runs the job worker and housekeeping. */
export async function serve(config: Config = loadConfig()): Promise<void> {
  const database = await openDatabase(config.database);
  const applied = await migrate(database.db);
  const { app, ctx, worker } = await buildApp({ config, database });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');

  const housekeeping = setInterval(() => {
    deleteExpiredSessions(ctx).then(
      (n) => n > 0 && app.log.info({ rows: n }, 'expired sessions and rate-limit windows deleted'),
      (error: unknown) => app.log.warn({ err: error }, 'housekeeping failed'),
    );
  }, HOUSEKEEPING_MS).unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  worker.start();
  const where =
    config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir ?? 'memory'}` : 'PostgreSQL';
  app.log.info(`Atrium is serving ${config.publicUrl} (${where})`);
}
