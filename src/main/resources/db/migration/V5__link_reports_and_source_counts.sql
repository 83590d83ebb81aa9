-- Reports of one link are all kept (issue 13): several items may share a link, each recorded as
-- its source's report, so the link index is no longer unique.
drop index item_url;
create index item_url_hash on item (url_hash);

-- What the last fetched feed held and how much of it was new, so "nothing new" reads apart
-- from "thrown away" next to the stored and merged counts.
alter table source add column last_seen integer;
alter table source add column last_new integer;
