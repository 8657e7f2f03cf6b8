-- Where a change came from: the client address of the request that made it (behind TRUST_PROXY,
-- the forwarded one). Null for entries written before, and for work no request made (jobs).
ALTER TABLE activity ADD COLUMN ip_address text;
