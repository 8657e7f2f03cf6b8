-- The tracking token of a delivery's links and pixel is a secret of the email (whoever holds it
-- counts opens and clicks): stored, like every other token, only as its SHA-256 (hex, as
-- shared/secrets.ts hashToken writes it).
ALTER TABLE deliveries RENAME COLUMN track_token TO track_token_hash;
ALTER INDEX deliveries_track_token_key RENAME TO deliveries_track_token_hash_key;
UPDATE deliveries SET track_token_hash = encode(sha256(convert_to(track_token_hash, 'UTF8')), 'hex')
  WHERE track_token_hash IS NOT NULL;
