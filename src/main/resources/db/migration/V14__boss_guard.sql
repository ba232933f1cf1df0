-- Boss protection. A manager cannot make bossreview flood their boss: DMs from one manager to one boss
-- are limited per rolling hour, and the boss can stop (and resume) a manager's DMs from any of them.
-- Both rows belong to the manager (forget and uninstall cascade from manager) and are keyed by workspace.

-- One row per (workspace, manager, boss) that ever sent or was stopped. It is also the lock of the pair:
-- a send upserts it (INSERT … ON CONFLICT DO UPDATE takes the row lock) before counting the hour, so two
-- clicks on two instances at the limit are counted one after the other and only one of them goes.
CREATE TABLE boss_guard (
    team_id      text        NOT NULL,
    user_id      text        NOT NULL, -- the manager
    boss_user_id text        NOT NULL,
    stopped_at   timestamptz,          -- set: the boss stopped this manager's DMs; NULL: DMs go
    PRIMARY KEY (team_id, user_id, boss_user_id),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);

-- DMs to the boss within the last hour, one row each, claimed before the DM goes out and deleted again if
-- Slack does not take it (a failed DM uses none of the quota). Older rows are purged by the next claim.
CREATE TABLE boss_dm_sent (
    id           bigserial   PRIMARY KEY,
    team_id      text        NOT NULL,
    user_id      text        NOT NULL,
    boss_user_id text        NOT NULL,
    sent_at      timestamptz NOT NULL,
    FOREIGN KEY (team_id, user_id, boss_user_id) REFERENCES boss_guard ON DELETE CASCADE
);
CREATE INDEX boss_dm_sent_by_pair ON boss_dm_sent (team_id, user_id, boss_user_id, sent_at);
