-- Placeholder on the campaigns branch only: schema 3 belongs to the call-records branch (columns on calls and call_legs).
-- Delete this file when merging that branch's 0003; it changes nothing.
SELECT 1;
