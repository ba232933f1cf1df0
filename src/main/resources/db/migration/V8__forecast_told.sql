-- What the boss was told is the baseline of every forecast comparison (SPEC §2). shared_at already says
-- when a figure was told; told_via says how: its own DM, or inside an agenda sent to the boss.
ALTER TABLE forecast ADD COLUMN told_via text CHECK (told_via IN ('DM', 'AGENDA'));
UPDATE forecast SET told_via = 'DM' WHERE shared_at IS NOT NULL;

-- The currency typed with a figure ($, €, £ stored as USD, EUR, GBP); a figure typed without one takes the
-- currency of the manager's previous figure. NULL: none ever typed, shown without a symbol.
ALTER TABLE forecast ADD COLUMN currency text CHECK (currency IN ('USD', 'EUR', 'GBP'));

-- A quarter's figures, newest first: read on every forecast reply, share and forecast nudge.
CREATE INDEX forecast_by_quarter ON forecast (team_id, user_id, fiscal_year, quarter, recorded_at DESC, id DESC);
