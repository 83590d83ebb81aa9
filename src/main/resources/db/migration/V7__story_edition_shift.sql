-- Editions a regrouping added to a story's replayed ones (the headline report moved away, so the
-- headline changed without an edition opening), and when the last was added: a reader never sees
-- one edition's guid under two titles, nor a number go back.
alter table story add column edition_shift integer default 0 not null;
alter table story add column edition_shifted_at timestamp with time zone;
