-- The order in which items were assigned to stories, across replicas (stamped under the
-- assignment lock), so each replica can catch up on what others stored before it assigns.
alter table item add column seq bigint;
create index item_assign_order on item (seq);
