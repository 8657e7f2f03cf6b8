-- Webhook actions: a message on the webhook channel is an HTTP POST of its rendered body to its
-- URL. Its delivery keeps what to send until a job has sent it.

ALTER TABLE deliveries ADD COLUMN channel text NOT NULL DEFAULT 'email';
ALTER TABLE deliveries ADD COLUMN target_url text;
ALTER TABLE deliveries ADD COLUMN payload text;
