-- A row that may already have reached Slack without being marked SENT: its claimer vanished after
-- claiming it (crash, kill) or a send timed out. If it is sent again, the dispatcher counts a possible
-- duplicate (nudges_possible_duplicates_total). Sticky until the row is done.
ALTER TABLE nudge ADD COLUMN maybe_sent boolean NOT NULL DEFAULT false;
