-- The weekly review as the connected calendar keeps it (issue 15): the recurring event booked or adopted,
-- and the incremental sync's place (Google nextSyncToken, Graph deltaLink). next_sync_at: when any instance
-- reads this calendar next (claimed with FOR UPDATE SKIP LOCKED and moved ahead, so each sync runs once).
ALTER TABLE calendar_connection
    ADD COLUMN series_id     text,
    ADD COLUMN sync_cursor   text,
    ADD COLUMN cursor_at     timestamptz,   -- when the cursor's full read was made (read again after a while)
    ADD COLUMN next_sync_at  timestamptz,
    ADD COLUMN sync_failures integer NOT NULL DEFAULT 0;
CREATE INDEX calendar_connection_sync_due ON calendar_connection (next_sync_at)
    WHERE series_id IS NOT NULL AND revoked_at IS NULL;

-- What the calendar says about one week's review: where its occurrence is now (moved or not), or that it
-- was cancelled. A week without a row is as the series plans it. once_event_id: a cancelled week booked
-- again at another slot (rebook_review): that one-off event is the week's review.
CREATE TABLE calendar_week (
    team_id    text        NOT NULL,
    user_id    text        NOT NULL,
    iso_year   integer     NOT NULL,
    iso_week   integer     NOT NULL,
    starts_at  timestamptz NOT NULL,
    cancelled  boolean     NOT NULL DEFAULT false,
    once_event_id text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id, iso_year, iso_week),
    FOREIGN KEY (team_id, user_id) REFERENCES manager (team_id, user_id) ON DELETE CASCADE
);
