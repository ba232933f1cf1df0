-- The boss's side (issue 17): App Home lists what managers sent to the person opening it, the weekly digest
-- a boss opts in to, and the coffee line after a boss thanks a manager for good news.

-- What was sent to a boss, newest first, read by the boss (not the manager): by workspace and recipient.
CREATE INDEX news_sent_to_boss ON news (team_id, shared_with, shared_at DESC) WHERE told_how = 'DM';
CREATE INDEX forecast_sent_to_boss ON forecast (team_id, shared_with, shared_at DESC) WHERE shared_with IS NOT NULL;
CREATE INDEX agenda_sent_to_boss ON agenda_sent (team_id, sent_to, sent_at DESC);
-- A boss's closing answers (Thanks / Got it, Let's talk), shown beside what they answer.
CREATE INDEX boss_reply_by_boss ON boss_reply (team_id, boss_user_id, answered_at) WHERE final;

-- A boss who asked for the weekly digest. The boss need not be a manager, so the row hangs off no manager
-- row: `digest off`, forget and uninstall delete it (and, by cascade, its planned digests).
CREATE TABLE boss_digest (
    team_id      text        NOT NULL,
    boss_user_id text        NOT NULL,
    time_zone    text        NOT NULL DEFAULT 'UTC', -- from users.info when they opted in: Monday morning is theirs
    opted_in_at  timestamptz NOT NULL,
    PRIMARY KEY (team_id, boss_user_id)
);

-- Nudges were all for managers (a foreign key to manager). The digest is a nudge for a boss, so a row is
-- owned by its manager, or, for BOSS_DIGEST, by the boss's opt-in: two generated columns, of which exactly
-- one is set, carry the two foreign keys (a NULL column is not checked), and each owner's delete cascades.
ALTER TABLE nudge DROP CONSTRAINT nudge_team_id_user_id_fkey;
ALTER TABLE nudge
    ADD COLUMN manager_user_id text GENERATED ALWAYS AS (CASE WHEN kind <> 'BOSS_DIGEST' THEN user_id END) STORED,
    ADD COLUMN digest_user_id  text GENERATED ALWAYS AS (CASE WHEN kind = 'BOSS_DIGEST' THEN user_id END) STORED;
ALTER TABLE nudge
    ADD CONSTRAINT nudge_manager_fkey FOREIGN KEY (team_id, manager_user_id) REFERENCES manager ON DELETE CASCADE,
    ADD CONSTRAINT nudge_digest_fkey FOREIGN KEY (team_id, digest_user_id) REFERENCES boss_digest ON DELETE CASCADE;
-- The cascades find a manager's rows by the unique key's (team_id, user_id) prefix only through these.
CREATE INDEX nudge_by_manager ON nudge (team_id, manager_user_id) WHERE manager_user_id IS NOT NULL;
CREATE INDEX nudge_by_digest ON nudge (team_id, digest_user_id) WHERE digest_user_id IS NOT NULL;

-- When a manager was last offered "coffee with your boss?" after a thanks for good news: at most once in
-- 14 days. Claimed before the DM goes out; previous_at restores the claim if that DM fails.
CREATE TABLE boss_coffee (
    team_id     text        NOT NULL,
    user_id     text        NOT NULL,
    offered_at  timestamptz NOT NULL,
    previous_at timestamptz,
    PRIMARY KEY (team_id, user_id),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
