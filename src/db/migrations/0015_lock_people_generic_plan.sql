-- lock_people looks each email up by (workspace_id, lower(email)). For a workspace that is new
-- since the last ANALYZE, the planner expects about one person and finds the primary key
-- (workspace_id, cio_id) as cheap, then filters every person of the workspace by email: once the
-- workspace held thousands, each call took milliseconds (found under load by bench:track). A
-- generic plan does not look at the workspace's value and estimates the average workspace, for
-- which the email index is always the cheaper.
ALTER FUNCTION lock_people(text, jsonb, jsonb, jsonb) SET plan_cache_mode = force_generic_plan;
