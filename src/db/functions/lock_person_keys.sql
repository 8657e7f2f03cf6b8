-- Locks these email addresses and ids of a workspace until the transaction ends, whether or not
-- anyone holds them yet: a transaction about to give one first takes its lock, then looks for its
-- holder, so two cannot both find it free, nor insert the same id and wait on each other in the
-- unique index. An email is locked as lower() folds it. (PERFORM runs the whole query; a SQL
-- function would stop at its first row.)
--
-- An advisory lock per key is one entry in PostgreSQL's shared lock table, sized for 64 per
-- connection: an import chunk names 2,000, and eight chunks at once failed with "out of shared
-- memory". So a writer naming more than 64 locks all the workspace's keys with one lock,
-- exclusive (person_keys in src/db/advisory-locks.ts). A writer naming 1 to 64 holds that lock
-- shared, then one lock per key in hash order, so such writers wait only for the same keys; one
-- naming none takes no lock. A transaction thus holds at most 65 of these locks. (A Track API batch
-- of more than about 30 calls names more than 64: batches of one workspace then take turns.)
--
-- A transaction calls this first for everything it will write (people/write-store.ts lockToWrite,
-- or enter_workspace_for_track at the Track API's gate); later calls (the applier's later runs of
-- identifies, track/apply.ts) name only keys the first named, so never more than 64 after 64 or
-- fewer: a call upgrading the shared lock to exclusive could deadlock with another doing the same.
-- The order of all locks of a writer of people is in src/db/advisory-locks.ts.
CREATE OR REPLACE FUNCTION lock_person_keys(workspace text, emails jsonb, ids jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  named integer := coalesce(jsonb_array_length(emails), 0) + coalesce(jsonb_array_length(ids), 0);
BEGIN
  IF named = 0 THEN
    RETURN;
  ELSIF named > 64 THEN
    PERFORM pg_advisory_xact_lock(2, hashtext(workspace));
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(2, hashtext(workspace));
  PERFORM pg_advisory_xact_lock(h)
  FROM (
    SELECT DISTINCT hashtext(k) AS h
    FROM (
      SELECT workspace || ':email:' || lower(e) FROM jsonb_array_elements_text(emails) AS e
      UNION ALL
      SELECT workspace || ':id:' || i FROM jsonb_array_elements_text(ids) AS i
    ) AS keys(k)
    ORDER BY h OFFSET 0
  ) AS locks;
END $$;
