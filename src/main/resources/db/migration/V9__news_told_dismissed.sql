-- News counts however it was told. shared_at stays "when the boss was told" (so latency is still
-- shared_at - logged_at) and shared_with "whom"; told_how says how: a DM sent by bossreview, an
-- agenda that contained it, or the manager's word that they told the boss outside Slack (phone, in
-- person). Rows told before this migration were all DMs.
ALTER TABLE news ADD COLUMN told_how text CHECK (told_how IN ('DM', 'AGENDA', 'OUTSIDE'));
UPDATE news SET told_how = 'DM' WHERE shared_at IS NOT NULL;
ALTER TABLE news ADD CONSTRAINT news_told_how_only_when_told CHECK (told_how IS NULL OR shared_at IS NOT NULL);

-- News logged by mistake is dismissed rather than deleted: it leaves every list, reminder and agenda
-- but stays in the manager's export. Told news is on record and cannot be dismissed.
ALTER TABLE news ADD COLUMN dismissed_at timestamptz;
ALTER TABLE news ADD CONSTRAINT news_dismissed_only_untold CHECK (dismissed_at IS NULL OR shared_at IS NULL);
