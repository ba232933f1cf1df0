-- Workspace defaults (issue 17): a Slack workspace admin sets the fiscal-year start, the prime sales hours and
-- the currency of figures typed without a symbol for the whole workspace. Each column is NULL until set:
-- bossreview's own default (January, 09:00-12:00,13:30-17:00, no symbol) applies. Deleted with the
-- workspace's other data when it uninstalls (install/Uninstalls); the column names are the table's own so
-- that manager reads can join it USING (team_id) without ambiguity.
CREATE TABLE workspace_defaults (
    team_id                     text        PRIMARY KEY,
    default_prime_hours         text,
    default_fiscal_start_month  smallint    CHECK (default_fiscal_start_month BETWEEN 1 AND 12),
    default_currency            text        CHECK (default_currency IN ('USD', 'EUR', 'GBP')),
    defaults_set_by             text        NOT NULL,
    defaults_set_at             timestamptz NOT NULL
);

-- A manager's own prime hours and fiscal-year start override the workspace's; NULL follows it (also when
-- the admin changes it later). Existing managers whose value is bossreview's default never chose it (it was
-- the column default): they follow the workspace from now on, which changes nothing until an admin sets one.
ALTER TABLE manager ALTER COLUMN prime_hours DROP NOT NULL;
ALTER TABLE manager ALTER COLUMN prime_hours DROP DEFAULT;
ALTER TABLE manager ALTER COLUMN fiscal_start_month DROP NOT NULL;
ALTER TABLE manager ALTER COLUMN fiscal_start_month DROP DEFAULT;
UPDATE manager SET prime_hours = NULL WHERE prime_hours = '09:00-12:00,13:30-17:00';
UPDATE manager SET fiscal_start_month = NULL WHERE fiscal_start_month = 1;
