-- A submission with an Idempotency-Key first claims the key here, in a transaction of its own, and only then
-- registers the idea: of parallel requests with one key exactly one gets the claim. The key is kept only as a hash;
-- the tracking code is sealed with the key itself, so that a repeat of the request gets the same answer while the
-- table alone reveals no code. IDEA.IDEMPOTENCY_KEY is no longer written.
create table submission_claim (
  key_hash              varchar(64) primary key,
  request_hash          varchar(64) not null,
  idea_id               bigint references idea (id),
  sealed_tracking_code  varchar(200),
  claimed_at            timestamp not null
);
