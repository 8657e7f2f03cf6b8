-- The cio_ids of the people of a workspace holding these ids, or these emails (in any case).
--
-- Looking a person up by email, the planner can walk the primary key (workspace_id, cio_id) and
-- filter every person of the workspace instead of using the email index: it does whenever it
-- believes the workspace holds about one person (a workspace new since the last ANALYZE) and the
-- email index is the taller of the two (a large table). Once such a workspace held thousands, each
-- lookup took milliseconds (found under load by bench:track). So lookups by email or id go through
-- this function, whose plan is generic: it does not look at the workspace's value, estimates the
-- average workspace, and for that the email and id indexes are always the cheaper.
--
-- That generic estimate (the average workspace's people, for each of an assumed 100 keys) soon
-- passes jit_above_cost, and PostgreSQL then compiled the query at every call: 6–7 ms for lookups
-- that take 0.1 ms. A handful of index lookups never gains from JIT: it is off.
CREATE OR REPLACE FUNCTION people_holding(workspace text, ids jsonb, emails jsonb)
RETURNS SETOF text
LANGUAGE plpgsql STABLE ROWS 10
SET plan_cache_mode = force_generic_plan
SET jit = off
AS $$
BEGIN
  RETURN QUERY
  SELECT x.cio_id FROM jsonb_array_elements_text(ids) AS k(v),
    LATERAL (SELECT people.cio_id FROM people
             WHERE people.workspace_id = workspace AND people.external_id = k.v OFFSET 0) AS x
  UNION ALL
  SELECT x.cio_id FROM jsonb_array_elements_text(emails) AS k(v),
    LATERAL (SELECT people.cio_id FROM people
             WHERE people.workspace_id = workspace AND lower(people.email) = lower(k.v) OFFSET 0) AS x;
END $$;
