-- No query reads reports by first_seen through this index: the story index's load pages by id
-- (first_seen only filters) and retention looks a story's reports up by story_id. Every report
-- inserted paid for keeping it.
drop index item_first_seen;
