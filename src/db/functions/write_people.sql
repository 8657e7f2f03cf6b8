-- Writes a batch's new people and the new state of the others in one round trip, each update by
-- primary key. (A set-based UPDATE ... FROM is planned as a join over every person of the
-- workspace whenever the planner believes the workspace small: 4 ms instead of 0.3 ms for 20
-- people among 17,000.)
CREATE OR REPLACE FUNCTION write_people(workspace text, inserts jsonb, updates jsonb, at timestamptz)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  INSERT INTO people (workspace_id, cio_id, external_id, email, attributes, created_at, updated_at)
  SELECT workspace, c.cio_id, c.external_id, c.email, c.attributes, at, at
  FROM jsonb_to_recordset(inserts) AS c(cio_id text, external_id text, email text, attributes jsonb);
  FOR r IN SELECT * FROM jsonb_to_recordset(updates)
    AS c(cio_id text, external_id text, email text, attributes jsonb)
  LOOP
    UPDATE people
    SET external_id = r.external_id, email = r.email, attributes = r.attributes, updated_at = at
    WHERE workspace_id = workspace AND cio_id = r.cio_id;
  END LOOP;
END $$;
