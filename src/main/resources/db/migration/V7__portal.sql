-- The citizens' portal: the neighbourhood or place an idea is about (optional), whether its author lets it appear
-- on the public board, and when the author accepted the privacy notice (portal submissions only).
alter table idea add column place varchar(120);
alter table idea add column public_board boolean default false not null;
alter table idea add column privacy_accepted_at timestamp;
