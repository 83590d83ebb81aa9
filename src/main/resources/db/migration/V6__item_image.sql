-- The picture a publisher gave an item (an image enclosure), shown by the merged feeds as a
-- Media RSS thumbnail and a JSON Feed image.
alter table item add column image_url varchar(2000);
