-- Two routes to official: an act is adopted by the council (in a session) or signed by the mayor's office as a
-- decree (no session). Both are numbered in the same register; the act keeps its kind and its text.
alter table official_act add column act_kind varchar(20) default 'COUNCIL_ACT' not null;
alter table official_act add column act_text varchar(8000);
alter table official_act alter column session_id drop not null;
