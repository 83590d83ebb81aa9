-- Embedded H2 hands revision stamps out of a cache of 1,000 instead of its default 32: each time
-- the cache runs out H2 writes the sequence's new state with a commit of its own, and with
-- WRITE_DELAY=0 each commit writes a chunk to the file, so an assigning transaction stamping every
-- report drew one extra chunk write per 32 reports (about as many as the transactions themselves
-- in a 10,000-feed first cycle). One process draws from the cache, so the stamps stay ascending; a
-- crash leaves a gap, never a stamp used twice.
-- PostgreSQL must keep a cache of 1: its cache is per session, and replicas' stamps would no longer
-- ascend in the order they were taken. The quoted upper-case name is how H2 stores the unquoted
-- name and what PostgreSQL does not (it folds to lower case), so there this changes nothing.
alter sequence if exists "REVISION_SEQ" cache 1000;
