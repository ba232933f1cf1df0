-- A manager's own currency for figures typed without $, € or £ (`settings currency`), over their previous
-- figure's and the workspace default (issue 17: managers override the workspace defaults). NULL: not set.
ALTER TABLE manager ADD COLUMN currency text CHECK (currency IN ('USD', 'EUR', 'GBP'));
