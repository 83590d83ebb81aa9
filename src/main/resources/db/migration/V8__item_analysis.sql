-- The story engine's analysis of each report (its terms, keys and shingle signature), stored when
-- the report is, so other replicas and restarts index it without analysing its text again. The
-- version says which analysis made it: a report whose version is not the running engine's (or
-- null: its content changed since) is analysed from its text as before.
alter table item add column analysis_version integer;
alter table item add column analysis bytea;
