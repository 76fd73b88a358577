-- A challenge's partners and sponsors are the same partner records as an idea's: a partner belongs to an idea or
-- to a challenge.
alter table partner add column challenge_id bigint references challenge (id);
alter table partner alter column idea_id drop not null;
create index partner_challenge on partner (challenge_id);
