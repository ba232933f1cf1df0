-- Due nudges: one row per (workspace, manager, kind, period), so an occurrence exists once whatever
-- plans it and however often. The dispatcher claims due rows with FOR UPDATE SKIP LOCKED.

CREATE TABLE nudge (
    id          bigserial   PRIMARY KEY,
    team_id     text        NOT NULL,
    user_id     text        NOT NULL,
    kind        text        NOT NULL,
    period      text        NOT NULL,
    due_at      timestamptz NOT NULL,
    ref_id      bigint,
    state       text        NOT NULL DEFAULT 'PENDING'
                            CHECK (state IN ('PENDING', 'CLAIMED', 'SENT', 'SKIPPED', 'FAILED')),
    attempts    integer     NOT NULL DEFAULT 0,
    claimed_by  text,
    claimed_at  timestamptz,
    sent_at     timestamptz,
    outcome     text,
    UNIQUE (team_id, user_id, kind, period),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
CREATE INDEX nudge_due ON nudge (due_at) WHERE state = 'PENDING';
CREATE INDEX nudge_claimed ON nudge (claimed_at) WHERE state = 'CLAIMED';

-- When the manager last got the monthly socialising tip.
ALTER TABLE manager ADD COLUMN social_tip_at timestamptz;

-- When the dispatcher of each instance last ran, for /healthz and for operators.
CREATE TABLE dispatcher_heartbeat (
    instance_id text        PRIMARY KEY,
    ran_at      timestamptz NOT NULL
);

-- Up to when the materializer has planned, so that occurrences due while every instance was down
-- are planned (and then sent or skipped) after a restart.
CREATE TABLE materializer_state (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    planned_to  timestamptz NOT NULL
);
