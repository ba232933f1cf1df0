-- The CRM sync (issue 16, step 3, crm/CrmSync): each watched deal as last read, per connection and per manager
-- it belongs to (a deal of a rep of theirs), so the next change is compared with it. Goes with the connection
-- (reconnecting starts over) and with the manager (forget).
CREATE TABLE crm_deal (
    connection_id     bigint      NOT NULL REFERENCES crm_connection (id) ON DELETE CASCADE,
    team_id           text        NOT NULL,
    user_id           text        NOT NULL,      -- the manager the deal belongs to
    deal_id           text        NOT NULL,
    owner_id          text        NOT NULL,      -- the deal's owner, in the CRM
    name              text        NOT NULL,
    amount            numeric,
    currency          text,                      -- ISO 4217; NULL: the account's own currency
    close_date        date,
    stage             text        NOT NULL,
    closed            boolean     NOT NULL,
    won               boolean     NOT NULL,
    forecast_category text,
    modified_at       timestamptz NOT NULL,
    PRIMARY KEY (connection_id, user_id, deal_id),
    FOREIGN KEY (team_id, user_id) REFERENCES manager (team_id, user_id) ON DELETE CASCADE
);

-- A change worth telling (lost, slipped, cut, won), stored with the snapshot that revealed it, so a read
-- repeated after a crash (the watermark moves last) finds it here instead of drafting it again: one per
-- (deal, kind, modified_at). news_id: the news item drafted from it; dm_at: when the manager was told.
CREATE TABLE crm_deal_news (
    connection_id bigint      NOT NULL REFERENCES crm_connection (id) ON DELETE CASCADE,
    team_id       text        NOT NULL,
    user_id       text        NOT NULL,
    deal_id       text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('lost', 'slipped', 'cut', 'won')),
    modified_at   timestamptz NOT NULL,
    headline      text        NOT NULL,
    news_id       bigint,
    dm_at         timestamptz,
    PRIMARY KEY (connection_id, user_id, deal_id, kind, modified_at),
    FOREIGN KEY (team_id, user_id) REFERENCES manager (team_id, user_id) ON DELETE CASCADE
);
CREATE INDEX crm_deal_news_untold ON crm_deal_news (connection_id) WHERE dm_at IS NULL;

-- settings crm-threshold: deals below this amount (in the deal's own currency) are not news.
ALTER TABLE manager ADD COLUMN crm_threshold numeric NOT NULL DEFAULT 50000 CHECK (crm_threshold >= 0);

-- baseline_at: when the sync first read the watched deals as they stand (no news: only what changes after
-- is compared with them). NULL: not yet.
ALTER TABLE crm_connection ADD COLUMN baseline_at timestamptz;
