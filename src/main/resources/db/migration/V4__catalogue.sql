-- The city's catalogue of published datasets (DCAT-AP terms), readable by anyone and harvestable by open-data portals.
create table published_dataset (
  catalogue_id          varchar(64) primary key,
  idea_reference        varchar(20),
  title                 varchar(200) not null,
  description           varchar(4000) not null,
  publisher_department  varchar(64) not null,
  licence               varchar(20) not null,
  format                varchar(20) not null,
  access_url            varchar(500) not null,
  update_frequency      varchar(20) not null,
  keywords              varchar(1100),
  contact_point         varchar(254) not null,
  issued_at             timestamp not null
);
create index published_dataset_issued on published_dataset (issued_at);
