-- The schema of V1 to V10 in one script, which Flyway runs instead of them on an empty database
-- (a baseline migration: a database that has applied any of V1..V10 ignores it and goes on with
-- the versioned ones). On H2 every ALTER TABLE ... ADD COLUMN copies its table and rebuilds its
-- indexes, and each migration is a transaction and a schema history row of its own: ten of them
-- were 0.5-1 s of an empty database's start. Columns in the order the versioned migrations leave
-- them, so both ways give the same schema. A new migration is V11 on, never an edit of this file.
create sequence story_seq start with 1 increment by 50;
create sequence item_seq start with 1 increment by 50;
create sequence revision_seq start with 1 increment by 1;

create table source (
  id                   varchar(64)   not null primary key,
  url                  varchar(2048) not null,
  title                varchar(512),
  feed_title           varchar(512),
  active               boolean       not null default true,
  etag                 varchar(1024),
  last_modified        varchar(128),
  last_fetch           timestamp with time zone,
  last_success         timestamp with time zone,
  last_status          integer,
  last_error           varchar(2048),
  error_kind           varchar(32),
  next_fetch           timestamp with time zone,
  consecutive_failures integer       not null default 0,
  interval_seconds     bigint,
  last_change          timestamp with time zone,
  parked_reason        varchar(512),
  permanent_redirect   varchar(2048),
  revision             bigint        not null default 0,
  mean_change_seconds  bigint,
  ttl_minutes          integer,
  last_seen            integer,
  last_new             integer
);
create index source_next_fetch on source (next_fetch);

create table story (
  id                 bigint        not null primary key,
  public_id          varchar(40)   not null,
  title              varchar(1024),
  link               varchar(2048),
  created            timestamp with time zone not null,
  updated            timestamp with time zone not null,
  item_count         integer       not null default 0,
  merged_into        bigint,
  revision           bigint        not null default 0,
  lead_published     timestamp with time zone,
  edition_shift      integer       default 0 not null,
  edition_shifted_at timestamp with time zone
);
create unique index story_public_id on story (public_id);
create index story_updated on story (updated);

create table item (
  id                bigint        not null primary key,
  source_id         varchar(64)   not null,
  story_id          bigint        not null,
  guid              varchar(2048) not null,
  guid_hash         varchar(64)   not null,
  url               varchar(2048),
  url_hash          varchar(64),
  title             varchar(1024),
  summary           varchar(200000),
  content_hash      varchar(64)   not null,
  author            varchar(512),
  language          varchar(16),
  published         timestamp with time zone,
  updated           timestamp with time zone,
  first_seen        timestamp with time zone not null,
  duplicate_of      bigint,
  seq               bigint,
  image_url         varchar(2000),
  analysis_version  integer,
  analysis          bytea
);
create unique index item_source_guid on item (source_id, guid_hash);
create index item_story on item (story_id);
create index item_source_story on item (source_id, story_id);
create index item_assign_order on item (seq);
create index item_url_hash on item (url_hash);
-- the keys after the indexes: H2 then checks them with the indexes above, as it does after V3 copied
-- the table, instead of keeping an index of its own on story_id beside item_story
alter table item add foreign key (source_id) references source (id);
alter table item add foreign key (story_id) references story (id);

-- as V10: H2's revision stamps from a cache of 1,000; nothing on PostgreSQL (V10 says why)
alter sequence if exists "REVISION_SEQ" cache 1000;
