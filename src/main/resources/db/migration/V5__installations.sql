-- Multi-workspace mode (SLACK_CLIENT_ID / SLACK_CLIENT_SECRET): who installed bossreview and with
-- which bot token. One row per workspace, or one per Enterprise Grid organization for an org-wide
-- install (team_id NULL). The token is encrypted by the app (install/TokenCipher) before it gets
-- here: 'v1:<key id>:<base64 nonce||ciphertext>'. Deleting the row is what uninstalling does.
CREATE TABLE installation (
    id                    bigserial   PRIMARY KEY,
    enterprise_id         text,
    team_id               text,
    is_enterprise_install boolean     NOT NULL,
    app_id                text,
    enterprise_name       text,
    team_name             text,
    bot_user_id           text,
    bot_id                text,
    bot_scopes            text,
    bot_token             text        NOT NULL CHECK (bot_token LIKE 'v1:%'),
    installer_user_id     text,
    installed_at          timestamptz NOT NULL,
    CHECK (CASE WHEN is_enterprise_install THEN enterprise_id IS NOT NULL ELSE team_id IS NOT NULL END)
);
CREATE UNIQUE INDEX installation_per_workspace ON installation (team_id) WHERE NOT is_enterprise_install;
CREATE UNIQUE INDEX installation_per_organization ON installation (enterprise_id) WHERE is_enterprise_install;

-- OAuth state issued by GET /slack/install, claimed once by GET /slack/oauth_redirect before it
-- expires. Only its SHA-256 is kept.
CREATE TABLE oauth_state (
    state_sha256 text        PRIMARY KEY,
    expires_at   timestamptz NOT NULL
);

-- Workspaces seen under an org-wide install. Features and nudges call Slack with a team id only;
-- this says which organization's token serves that team.
CREATE TABLE enterprise_workspace (
    team_id       text        PRIMARY KEY,
    enterprise_id text        NOT NULL,
    first_seen_at timestamptz NOT NULL
);
CREATE INDEX enterprise_workspace_by_organization ON enterprise_workspace (enterprise_id);

-- Workspaces that uninstalled bossreview while BOSSREVIEW_UNINSTALL_RETENTION_DAYS > 0: their tokens
-- are already gone; their data is purged once the retention period has passed, unless they reinstall.
CREATE TABLE uninstalled_workspace (
    team_id        text        PRIMARY KEY,
    uninstalled_at timestamptz NOT NULL
);
