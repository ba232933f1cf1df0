-- An agenda is sent once per review week: the week its Send to boss button names. The row is written
-- (claimed) before the DM goes out, so a double click, or two clicks on two surfaces, sends one DM.
-- Agendas sent before this migration have no week and never block a send.
ALTER TABLE agenda_sent ADD COLUMN week text;
CREATE UNIQUE INDEX agenda_sent_once ON agenda_sent (team_id, user_id, week) WHERE week IS NOT NULL;

-- The manager's Slack locale (users.info include_locale), read with the time zone: times are shown
-- in 12-hour form to those whose locale writes them so (en-US: 5:30 PM), else 17:30.
ALTER TABLE manager ADD COLUMN locale text;
