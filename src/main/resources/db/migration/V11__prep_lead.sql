-- How many working days (Mon-Fri) before the weekly review its prep nudge comes, so the agenda can
-- reach the boss a day ahead: 1 (the working day before) unless the manager sets prep-lead; 0 means
-- the review day itself.
ALTER TABLE manager ADD COLUMN prep_lead_days smallint NOT NULL DEFAULT 1 CHECK (prep_lead_days BETWEEN 0 AND 5);
