-- A CRM's commit can fall to zero (the last Commit deal slipped or was lost): that is the biggest downgrade of
-- all and must start the downgrade flow like any other (issue 16). A typed forecast of zero is still refused
-- in Slack (forecast/Amounts); only the CRM records one, and only after a positive figure that quarter.
ALTER TABLE forecast DROP CONSTRAINT forecast_amount_check;
ALTER TABLE forecast ADD CONSTRAINT forecast_amount_check CHECK (amount >= 0);
