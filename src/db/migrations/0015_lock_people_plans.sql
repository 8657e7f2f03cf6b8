-- lock_people looks each email up by (workspace_id, lower(email)). For a workspace that is new
-- since the last ANALYZE, the planner expects about one person and finds the primary key
-- (workspace_id, cio_id) as cheap, then filters every person of the workspace by email: once the
-- workspace held thousands, each call took milliseconds (found under load by bench:track). A
-- generic plan does not look at the workspace's value and estimates the average workspace, for
-- which the email index is always the cheaper.
ALTER FUNCTION lock_people(text, jsonb, jsonb, jsonb) SET plan_cache_mode = force_generic_plan;

-- That generic plan's estimate (the average workspace's people, for each of an assumed 100 keys)
-- soon passes jit_above_cost, and PostgreSQL then compiled the query at every call: 6–7 ms for
-- lookups that take 0.1 ms. A handful of index lookups never gains from JIT.
ALTER FUNCTION lock_people(text, jsonb, jsonb, jsonb) SET jit = off;
