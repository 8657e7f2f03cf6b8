-- Messaging (product.md §3 Message sending, §4 Send messages): who emails come from, what became
-- of each delivery, and the opens and clicks that tracking records.

-- The From of a workspace's emails in normal mode; null: the service's MAIL_FROM.
ALTER TABLE workspaces ADD COLUMN sender_address text;

-- The broadcast send (a job) a delivery belongs to; one delivery per person and message in it,
-- so a send that resumes after a crash never writes a second one.
ALTER TABLE deliveries ADD COLUMN send_id text;
-- Names the delivery in its tracking pixel and links.
ALTER TABLE deliveries ADD COLUMN track_token text;
-- False in test mode: such deliveries record no delivered, opened or clicked metrics.
ALTER TABLE deliveries ADD COLUMN metrics boolean NOT NULL DEFAULT true;
ALTER TABLE deliveries ADD COLUMN opens integer NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN clicks integer NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN first_opened_at timestamptz;
ALTER TABLE deliveries ADD COLUMN first_clicked_at timestamptz;
-- Whether the email carried an open pixel (message and workspace both allowed it).
ALTER TABLE deliveries ADD COLUMN tracks_opens boolean NOT NULL DEFAULT false;

CREATE UNIQUE INDEX deliveries_track_token_key ON deliveries (track_token) WHERE track_token IS NOT NULL;
CREATE UNIQUE INDEX deliveries_send_key ON deliveries (workspace_id, send_id, message_id, cio_id)
  WHERE send_id IS NOT NULL;
CREATE INDEX deliveries_outbox_idx ON deliveries (workspace_id, outbox_id) WHERE outbox_id IS NOT NULL;
CREATE INDEX deliveries_source_idx ON deliveries (workspace_id, source_id);
CREATE INDEX deliveries_message_idx ON deliveries (workspace_id, message_id);

-- The links of a delivered email, rewritten to /t/c/<track_token>.<position>.
CREATE TABLE delivery_links (
  workspace_id text NOT NULL,
  delivery_id text NOT NULL,
  position integer NOT NULL,
  url text NOT NULL,
  PRIMARY KEY (workspace_id, delivery_id, position),
  FOREIGN KEY (workspace_id, delivery_id) REFERENCES deliveries (workspace_id, id) ON DELETE CASCADE
);
