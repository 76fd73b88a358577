-- When each council record was created and last changed, as OParl's "created" and "modified" (set by
-- oparl.RecordTimes on every save). Rows from before: their creation is unknown, so the day of the migration (a
-- session), the item's creation (an agenda item) or the day of adoption (an act).
alter table council_session add column created_at timestamp;
alter table council_session add column modified_at timestamp;
update council_session set created_at = current_timestamp, modified_at = current_timestamp;

alter table agenda_item add column modified_at timestamp;
update agenda_item set modified_at = created_at;

alter table official_act add column created_at timestamp;
alter table official_act add column modified_at timestamp;
update official_act set created_at = cast(adopted_on as timestamp), modified_at = cast(adopted_on as timestamp);
