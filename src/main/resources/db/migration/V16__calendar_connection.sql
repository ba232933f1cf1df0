-- Calendar connections (issue 15, SPEC §8): one per manager. The refresh and access tokens are sealed
-- with BOSSREVIEW_ENCRYPTION_KEY (install/TokenCipher, context "calendar:<team>:<user>:<kind>"), never
-- stored in the clear. revoked_at: the provider refused the refresh token (consent withdrawn); the row
-- stays so the manager is told once and App Home shows it, until they reconnect or disconnect.
CREATE TABLE calendar_connection (
    team_id          text        NOT NULL,
    user_id          text        NOT NULL,
    provider         text        NOT NULL CHECK (provider IN ('google', 'microsoft')),
    account          text,
    refresh_token    text        NOT NULL,
    access_token     text,
    access_expires_at timestamptz,
    connected_at     timestamptz NOT NULL,
    revoked_at       timestamptz,
    PRIMARY KEY (team_id, user_id),
    FOREIGN KEY (team_id, user_id) REFERENCES manager (team_id, user_id) ON DELETE CASCADE
);

-- A started connection: the PKCE verifier (sealed) behind a state given to one manager in Slack, for
-- ten minutes and one use. Only the state's SHA-256 is stored.
CREATE TABLE calendar_oauth_state (
    state_sha256 text        PRIMARY KEY,
    team_id      text        NOT NULL,
    user_id      text        NOT NULL,
    verifier     text        NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
CREATE INDEX calendar_oauth_state_by_expiry ON calendar_oauth_state (expires_at);
