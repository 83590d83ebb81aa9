-- What the adaptive schedule remembers between polls.
alter table source add column mean_change_seconds bigint;
alter table source add column ttl_minutes integer;
