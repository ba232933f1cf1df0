-- The boss's side. Every DM to a boss carries Thanks / Let's talk / Ask a question, and the manager is
-- told which the boss chose. An answer is written here (claimed) before the manager is told, and deleted
-- again if that DM fails, so a double click tells the manager once and a failed one can be clicked again.
-- A row belongs to the manager who sent what was answered (forget and uninstall cascade from manager) and
-- to that thing itself: exactly one of news_id, forecast_id, agenda_id.
CREATE TABLE boss_reply (
    id           bigserial   PRIMARY KEY,
    team_id      text        NOT NULL,
    user_id      text        NOT NULL, -- the manager who sent it
    boss_user_id text        NOT NULL, -- who answered: always the person it was sent to
    news_id      bigint      REFERENCES news ON DELETE CASCADE,
    forecast_id  bigint      REFERENCES forecast ON DELETE CASCADE,
    agenda_id    bigint      REFERENCES agenda_sent ON DELETE CASCADE,
    reply        text        NOT NULL CHECK (reply IN ('THANKS', 'LETS_TALK', 'ASK')),
    question     text        CHECK (char_length(question) BETWEEN 1 AND 1000),
    answered_at  timestamptz NOT NULL,
    -- true for Thanks and Let's talk, which close the conversation; NULL for questions, which never
    -- collide in the unique indexes below (NULLs are distinct), so a boss may ask as often as they like.
    final        boolean     GENERATED ALWAYS AS (CASE WHEN reply <> 'ASK' THEN true END) STORED,
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE,
    CHECK (num_nonnulls(news_id, forecast_id, agenda_id) = 1),
    CHECK ((reply = 'ASK') = (question IS NOT NULL))
);
-- One closing answer per thing sent (the claim); they also serve the cascades from news, forecast, agenda_sent.
CREATE UNIQUE INDEX boss_reply_news ON boss_reply (news_id, final);
CREATE UNIQUE INDEX boss_reply_forecast ON boss_reply (forecast_id, final);
CREATE UNIQUE INDEX boss_reply_agenda ON boss_reply (agenda_id, final);
CREATE INDEX boss_reply_by_manager ON boss_reply (team_id, user_id, answered_at);

-- "Thanks — let's talk" on news (boss_ack_news) is now a Let's talk answer: acknowledgements made before
-- this migration count, so an old button clicked again still tells the manager only once.
INSERT INTO boss_reply (team_id, user_id, boss_user_id, news_id, reply, answered_at)
SELECT team_id, user_id, shared_with, id, 'LETS_TALK', acknowledged_at
  FROM news
 WHERE acknowledged_at IS NOT NULL AND shared_with IS NOT NULL;

-- The first DM a boss ever gets in a workspace, whichever manager sends it, introduces bossreview. The
-- row is claimed (INSERT … ON CONFLICT DO NOTHING) before that DM goes out, so two managers sharing one
-- boss at the same moment produce one introduction; it is deleted again if the DM fails.
CREATE TABLE boss_intro (
    team_id       text        NOT NULL,
    boss_user_id  text        NOT NULL,
    user_id       text        NOT NULL, -- the manager whose DM carried the introduction
    introduced_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, boss_user_id),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
CREATE INDEX boss_intro_by_manager ON boss_intro (team_id, user_id);

-- Bosses who already got DMs from bossreview have had their first one: no introduction out of the blue.
INSERT INTO boss_intro (team_id, boss_user_id, user_id, introduced_at)
SELECT DISTINCT ON (team_id, boss) team_id, boss, user_id, at
  FROM (SELECT team_id, shared_with AS boss, user_id, shared_at AS at FROM news WHERE shared_with IS NOT NULL
        UNION ALL
        SELECT team_id, shared_with, user_id, shared_at FROM forecast WHERE shared_with IS NOT NULL
        UNION ALL
        SELECT team_id, sent_to, user_id, sent_at FROM agenda_sent) sent
 WHERE at IS NOT NULL
 ORDER BY team_id, boss, at;
