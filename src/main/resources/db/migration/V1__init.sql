-- Portable DDL: runs on H2 (default) and PostgreSQL.
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
  revision             bigint        not null default 0
);
create index source_next_fetch on source (next_fetch);

create table story (
  id          bigint        not null primary key,
  public_id   varchar(40)   not null,
  title       varchar(1024),
  link        varchar(2048),
  created     timestamp with time zone not null,
  updated     timestamp with time zone not null,
  item_count  integer       not null default 0,
  merged_into bigint,
  revision    bigint        not null default 0
);
create unique index story_public_id on story (public_id);
create index story_updated on story (updated);

create table item (
  id            bigint        not null primary key,
  source_id     varchar(64)   not null references source (id),
  story_id      bigint        not null references story (id),
  guid          varchar(2048) not null,
  guid_hash     varchar(64)   not null,
  url           varchar(2048),
  url_hash      varchar(64),
  title         varchar(1024),
  summary       varchar(200000),
  content_hash  varchar(64)   not null,
  author        varchar(512),
  language      varchar(16),
  published     timestamp with time zone,
  updated       timestamp with time zone,
  first_seen    timestamp with time zone not null,
  duplicate_of  bigint
);
create unique index item_source_guid on item (source_id, guid_hash);
create unique index item_url on item (url_hash);
create index item_story on item (story_id);
create index item_first_seen on item (first_seen);
create index item_source_story on item (source_id, story_id);
