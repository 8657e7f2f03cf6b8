-- What a delivery became beyond its opens and clicks (which keep their columns): the metrics a
-- Track API client reports (POST /api/v1/metrics and /api/v1/push/events: delivered, converted,
-- bounced, deferred, dropped, spammed) and the unsubscribes attributed to it (POST
-- /unsubscribe/{delivery_id}: unsubscribed, resubscribed). One row per delivery and metric, counted,
-- so a client that reports the same metric again adds to a count rather than rows.
CREATE TABLE delivery_events (
  workspace_id text NOT NULL,
  delivery_id text NOT NULL,
  metric text NOT NULL,
  count integer NOT NULL DEFAULT 1,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  -- The latest report's reason (a bounce's) and link (a click's), when it gave one.
  reason text,
  href text,
  PRIMARY KEY (workspace_id, delivery_id, metric),
  FOREIGN KEY (workspace_id, delivery_id) REFERENCES deliveries (workspace_id, id) ON DELETE CASCADE
);
