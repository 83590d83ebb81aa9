-- When the story's lead (earliest) report was published, so a joining report is compared
-- with it without reading every report of the story.
alter table story add column lead_published timestamp with time zone;
