-- The "Add to calendar" feed (issue 15, SPEC §8): one per manager, at <BOSSREVIEW_PUBLIC_URL>/calendar/ics/<token>.ics.
-- token: 32 random bytes, base64url. It is kept, not only its hash, because every slot reply shows the same
-- URL again (a calendar subscribed to it keeps working); it is a read-only capability to what the row next to
-- it already holds (the review slot and the boss's name), so whoever could read it here could read that too,
-- and sealing it would tie the feed to BOSSREVIEW_ENCRYPTION_KEY, which single-workspace installs need not set.
-- Requests are looked up by the presented token's SHA-256, never compared with the token itself; the event's
-- UID is derived from the hash too. Gone with the manager (forget, uninstall) by the cascade.
CREATE TABLE calendar_feed (
    token_sha256 text        PRIMARY KEY,
    team_id      text        NOT NULL,
    user_id      text        NOT NULL,
    token        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    UNIQUE (team_id, user_id),
    FOREIGN KEY (team_id, user_id) REFERENCES manager (team_id, user_id) ON DELETE CASCADE
);
