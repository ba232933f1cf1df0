-- Issue 17, the manage-up loop: what the boss said at a review and what the manager will do about it,
-- and what the manager puts on the agenda for the team (asks for senior management, credit for a rep).
-- Both belong to the manager: forget and uninstall delete them with the manager row (cascade).

-- After a review is marked held, one optional modal: what did the boss say, what will you do. One row
-- per review week; submitting again replaces it. The boss is the one set when it was written, so the
-- next agenda can say who said it. At least one of the two answers is there (empty both = no row).
CREATE TABLE review_feedback (
    team_id      text        NOT NULL,
    user_id      text        NOT NULL,
    week         text        NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'), -- the held week, ISO (2026-W48)
    boss_user_id text,
    boss_said    text        CHECK (char_length(boss_said) BETWEEN 1 AND 1000),
    will_do      text        CHECK (char_length(will_do) BETWEEN 1 AND 1000),
    written_at   timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id, week),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE,
    CHECK (num_nonnulls(boss_said, will_do) >= 1)
);

-- `ask <text>` (what the team needs from senior management) and `credit @rep <text>` (a rep's win,
-- the rep kept as a Slack user id so the boss's copy mentions them). Every agenda carries the open
-- ones until the manager resolves them; resolving twice changes nothing.
CREATE TABLE agenda_item (
    id          bigserial   PRIMARY KEY,
    team_id     text        NOT NULL,
    user_id     text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('ASK', 'CREDIT')),
    rep_user_id text        CHECK (rep_user_id ~ '^[UW][A-Z0-9]{2,30}$'),
    body        text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 500),
    added_at    timestamptz NOT NULL,
    resolved_at timestamptz,
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE,
    CHECK ((kind = 'CREDIT') = (rep_user_id IS NOT NULL))
);
CREATE INDEX agenda_item_by_manager ON agenda_item (team_id, user_id, added_at);
