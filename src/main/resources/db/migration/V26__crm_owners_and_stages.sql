-- Issue 16: whose deals a manager's CRM watch covers beyond their team, and what counts as their commit.
-- crm_owners: CRM users (e-mails or the CRM's user/owner ids, comma-separated) whose deals are the manager's
--   too (`settings crm-owners`); NULL: only the team found by e-mail and ManagerId / HubSpot teams.
-- crm_commit_stages: deal stages (Salesforce StageName, HubSpot dealstage ids, comma-separated) whose open
--   deals make the commit instead of the forecast category Commit (`settings crm-commit-stages`); NULL: the
--   forecast category.
ALTER TABLE manager ADD COLUMN crm_owners text, ADD COLUMN crm_commit_stages text;
