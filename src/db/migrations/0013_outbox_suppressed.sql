-- An email held back at delivery: its workspace stopped sending (send mode never, or test mode
-- for an email to a real address) after it was queued.
ALTER TABLE outbox DROP CONSTRAINT outbox_state_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_state_check
  CHECK (state IN ('captured', 'queued', 'sent', 'failed', 'suppressed'));
