import type { PGlite } from '@electric-sql/pglite';

const EVERY_MS = 5_000;

// A table is due once it has grown by a fifth (and 10 pages) since it was last vacuumed or
// analyzed, which is when relpages was set. PGlite keeps no n_mod_since_analyze to go by.
const DUE = `
  SELECT format('%I', c.relname) AS name
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
    AND pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 10`;

/**
 * PGlite runs no autovacuum, so a growing table would keep no statistics and no space from its dead
 * rows. Without statistics the planner believes a workspace holds a few dozen people, and scans
 * every one of them for each Track API call (6.5 ms at 13,000 people instead of 0.5 ms). So the
 * service does autovacuum's part: every few seconds, a table that has grown is vacuumed and
 * analyzed. Returns the function that stops it.
 */
export function startAutovacuum(client: PGlite): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running || client.closed) return;
    running = true;
    try {
      const { rows } = await client.query<{ name: string }>(DUE);
      for (const { name } of rows) await client.exec(`VACUUM (ANALYZE) ${name}`);
    } catch {
      // The next round tries again; a closing database ends the timer.
    } finally {
      running = false;
    }
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
