-- An advisory lock per email and id named was one entry each in PostgreSQL's shared lock table,
-- which is sized for 64 per connection: an import chunk names 2,000, and eight chunks at once (two
-- processes' job workers) failed with "out of shared memory". Now a writer naming more than 64
-- locks all the workspace's keys with one lock, exclusive: the two-key advisory lock
-- (2, hashtext(workspace)). A writer naming 1 to 64 holds that lock shared, then one lock per key,
-- so such writers still wait only for the same keys; one naming none takes no lock. A transaction
-- thus holds at most 65 of these locks, whatever the size of its write. (A Track API batch of more
-- than about 30 calls names more than 64: batches of one workspace from two processes then take
-- turns, as one process's already do.)
--
-- The order of locks, for every writer of people: the workspace's gate (1, hashtext(workspace)),
-- if taken; this lock; the keys, in hash order; then people's rows, in cio_id order. So writers
-- cannot deadlock. Each transaction calls this once (store.ts lockToWrite, or
-- enter_workspace_for_track): a second call upgrading the shared lock to exclusive could deadlock
-- with another doing the same.
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
