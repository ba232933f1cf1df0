-- The pace of each workspace's DMs, shared by every instance (issue 14): a generic cell rate
-- algorithm. next_slot is when the workspace's next DM may go out; each claim takes the slots up to
-- a short horizon and moves next_slot past them, under this row's lock, so two instances never hand
-- out the same second twice. A 429 moves next_slot to the end of Slack's Retry-After and lowers the
-- rate; the rate climbs back after a quiet spell.
CREATE TABLE workspace_pace (
    team_id      text             PRIMARY KEY,
    next_slot    timestamptz      NOT NULL,
    rate         double precision NOT NULL CHECK (rate > 0),
    limited_at   timestamptz,
    limited      integer          NOT NULL DEFAULT 0
);

-- The claim takes each workspace's oldest due rows, as many as its pace allows.
CREATE INDEX nudge_team_due ON nudge (team_id, due_at, id) WHERE state = 'PENDING';

-- Retention: finished rows are purged by age.
CREATE INDEX nudge_finished ON nudge (due_at) WHERE state IN ('SENT', 'SKIPPED', 'FAILED');
