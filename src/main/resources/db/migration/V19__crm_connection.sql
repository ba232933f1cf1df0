-- CRM connections (issue 16, SPEC §9): read-only Salesforce or HubSpot, either one for the whole workspace
-- (made by a Slack admin: user_id NULL) or one of a manager's own (user_id set). The refresh and access
-- tokens are sealed with BOSSREVIEW_ENCRYPTION_KEY (install/TokenCipher, context
-- "crm:<team>:<user or 'workspace'>:<kind>"), never stored in the clear. A manager's own connection goes with
-- the manager row (forget); the workspace's is deleted by uninstall (crm/CrmConnections, PersonalData).
-- revoked_at: the provider refused the refresh token; the row stays so it is told once and shown.
CREATE TABLE crm_connection (
    id                bigserial   PRIMARY KEY,
    team_id           text        NOT NULL,
    user_id           text,                                  -- NULL: the workspace's connection
    provider          text        NOT NULL CHECK (provider IN ('salesforce', 'hubspot')),
    instance_url      text,                                  -- Salesforce's REST API host (token answer)
    crm_user_id       text,                                  -- who connected, in the CRM (when known)
    crm_user_email    text,
    refresh_token     text        NOT NULL,
    access_token      text,
    access_expires_at timestamptz,
    connected_at      timestamptz NOT NULL,
    connected_by      text        NOT NULL,                  -- the Slack user who connected it
    revoked_at        timestamptz,
    -- the sync's bookkeeping (the next step): how far deals have been read (crm/Watermark), when next
    watermark_at      timestamptz,
    watermark_id      text,
    next_sync_at      timestamptz,
    sync_failures     integer     NOT NULL DEFAULT 0,
    CHECK ((watermark_at IS NULL) = (watermark_id IS NULL)),
    CHECK (provider <> 'salesforce' OR instance_url IS NOT NULL),
    FOREIGN KEY (team_id, user_id) REFERENCES manager (team_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX crm_connection_of_manager ON crm_connection (team_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX crm_connection_of_workspace ON crm_connection (team_id) WHERE user_id IS NULL;
CREATE INDEX crm_connection_sync_due ON crm_connection (next_sync_at) WHERE revoked_at IS NULL;

-- A started CRM connection: the PKCE verifier (sealed) behind a state given to one person in Slack, for ten
-- minutes and one use; for_workspace: an admin connecting for the whole workspace. Only the state's SHA-256
-- is stored.
CREATE TABLE crm_oauth_state (
    state_sha256  text        PRIMARY KEY,
    team_id       text        NOT NULL,
    user_id       text        NOT NULL,
    for_workspace boolean     NOT NULL,
    verifier      text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz
);
CREATE INDEX crm_oauth_state_by_expiry ON crm_oauth_state (expires_at);
