-- Everything a manager does by hand. Every row is keyed by workspace (team_id) and manager
-- (user_id); deleting the manager row deletes everything of theirs (forget, uninstall).

CREATE TABLE manager (
    team_id                text        NOT NULL,
    user_id                text        NOT NULL,
    boss_user_id           text,
    time_zone              text        NOT NULL DEFAULT 'UTC',
    zone_checked_at        timestamptz,
    zone_explicit          boolean     NOT NULL DEFAULT false, -- set by the manager: never overwritten from Slack
    review_day             smallint    CHECK (review_day BETWEEN 1 AND 7),
    review_time            time,
    prime_hours            text        NOT NULL DEFAULT '09:00-12:00,13:30-17:00',
    fiscal_start_month     smallint    NOT NULL DEFAULT 1 CHECK (fiscal_start_month BETWEEN 1 AND 12),
    booking_nudge_day      smallint    NOT NULL DEFAULT 1 CHECK (booking_nudge_day BETWEEN 1 AND 7),
    booking_nudge_time     time        NOT NULL DEFAULT '08:30',
    bad_news_after_minutes integer     NOT NULL DEFAULT 30 CHECK (bad_news_after_minutes BETWEEN 1 AND 1440),
    quarter_nudge_days     text        NOT NULL DEFAULT '21,14,7',
    nudges_enabled         boolean     NOT NULL DEFAULT true,
    paused_until           date,
    created_at             timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE weekly_review (
    team_id    text        NOT NULL,
    user_id    text        NOT NULL,
    iso_year   integer     NOT NULL,
    iso_week   smallint    NOT NULL CHECK (iso_week BETWEEN 1 AND 53),
    state      text        NOT NULL CHECK (state IN ('BOOKED', 'HELD', 'SKIPPED')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id, iso_year, iso_week),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);

CREATE TABLE news (
    id              bigserial   PRIMARY KEY,
    team_id         text        NOT NULL,
    user_id         text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('GOOD', 'BAD')),
    body            text        NOT NULL,
    logged_at       timestamptz NOT NULL,
    shared_at       timestamptz,
    shared_with     text,
    acknowledged_at timestamptz,
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
CREATE INDEX news_by_manager ON news (team_id, user_id, logged_at);

CREATE TABLE forecast (
    id           bigserial     PRIMARY KEY,
    team_id      text          NOT NULL,
    user_id      text          NOT NULL,
    fiscal_year  integer       NOT NULL,
    quarter      smallint      NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    amount       numeric(15,2) NOT NULL CHECK (amount > 0),
    note         text,
    recorded_at  timestamptz   NOT NULL,
    shared_at    timestamptz,
    shared_with  text,
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
CREATE INDEX forecast_by_manager ON forecast (team_id, user_id, recorded_at);

CREATE TABLE agenda_sent (
    id          bigserial   PRIMARY KEY,
    team_id     text        NOT NULL,
    user_id     text        NOT NULL,
    sent_at     timestamptz NOT NULL,
    sent_to     text        NOT NULL,
    body        text        NOT NULL,
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
