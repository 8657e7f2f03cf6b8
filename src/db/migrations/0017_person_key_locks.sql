-- An advisory lock per email and id named was one entry each in PostgreSQL's shared lock table,
-- sized for 64 per connection: an import chunk names 2,000, and eight at once (two processes'
-- job workers) failed with "out of shared memory". A writer naming more than 64 now locks all
-- the workspace's keys at once, exclusively: the two-key advisory lock (2, hashtext(workspace)),
-- which a writer naming fewer holds shared before its locks by key. So whatever the size of its
-- writes, a transaction holds at most 65 of these locks; writers naming few keys still exclude
-- one another by key only. Locks are taken in the same order as before (this lock, then the keys
-- in hash order), so writers cannot deadlock. Called once per transaction: a second call that
-- upgraded a shared lock to exclusive could deadlock with another doing the same.
CREATE OR REPLACE FUNCTION lock_person_keys(workspace text, emails jsonb, ids jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF jsonb_array_length(emails) + jsonb_array_length(ids) > 64 THEN
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
