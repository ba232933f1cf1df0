-- The scorecard's own records (issue 17). Both belong to the manager: forget and uninstall cascade.

-- The monthly private pulse: "How sure are you that your boss is happy with your work?" 1–5, one answer per
-- calendar month (a second click that month replaces the first). Never shown to anyone but the manager.
CREATE TABLE pulse_answer (
    team_id     text        NOT NULL,
    user_id     text        NOT NULL,
    month       date        NOT NULL CHECK (extract(day FROM month) = 1), -- the first of the month answered
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id, month),
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);

-- Social time with the boss (`/bossreview social <text>`): coffee, lunch, a drink after the offsite.
CREATE TABLE social_time (
    id        bigserial   PRIMARY KEY,
    team_id   text        NOT NULL,
    user_id   text        NOT NULL,
    body      text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    logged_at timestamptz NOT NULL,
    FOREIGN KEY (team_id, user_id) REFERENCES manager ON DELETE CASCADE
);
CREATE INDEX social_time_by_manager ON social_time (team_id, user_id, logged_at);
