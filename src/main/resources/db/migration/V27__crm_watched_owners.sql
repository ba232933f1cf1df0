-- Issue 16: the CRM owners a connection's sync has read as they stand (comma-separated ids). An owner that
-- joins the watch later (a new rep, `settings crm-owners`) has their deals read silently first, so that
-- their next change is compared with what the deal was (a slip is news) instead of being first seen.
-- NULL: not recorded yet (connections synced before this column): the owners watched now count as read.
ALTER TABLE crm_connection ADD COLUMN watched_owners text;
