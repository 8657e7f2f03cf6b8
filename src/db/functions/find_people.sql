-- The people of a workspace holding these ids, or these emails (in any case). A person holding
-- several of them comes once for each; several people may share an email where email is not an
-- identifier. Found through people_holding, then each read by primary key in a subquery of its own:
-- a query of the people of the workspace with `cio_id = ANY(…)` walks the whole workspace whenever
-- the planner believes it small.
CREATE OR REPLACE FUNCTION find_people(workspace text, ids jsonb, emails jsonb)
RETURNS SETOF people
LANGUAGE plpgsql STABLE ROWS 10
SET plan_cache_mode = force_generic_plan
SET jit = off
AS $$
BEGIN
  RETURN QUERY
  SELECT p.* FROM people_holding(workspace, ids, emails) AS h(cio_id),
    LATERAL (SELECT * FROM people
             WHERE people.workspace_id = workspace AND people.cio_id = h.cio_id OFFSET 0) AS p;
END $$;
