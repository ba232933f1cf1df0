-- Issue 12: the database, tokens and OAuth state under pressure.

-- GET /slack/install no longer stores its state: the state is signed (HMAC) and carries its expiry,
-- so an anonymous flood of install visits writes nothing. A row here is now a state that
-- /slack/oauth_redirect has spent (single use), kept until that state would have expired anyway;
-- expired rows are deleted a hundred at a time by later redirects, found through this index instead
-- of a scan of the whole table.
CREATE INDEX oauth_state_by_expiry ON oauth_state (expires_at);
COMMENT ON TABLE oauth_state IS 'OAuth states already spent by /slack/oauth_redirect (SHA-256 only), until they expire';

-- Which encryption key seals newly stored bot tokens (install/TokenCipher key id). During a rolling key
-- rotation every instance opens tokens sealed with either key, but new tokens stay sealed with the old
-- key until the operator's explicit re-seal step moves this row to the new one; so instances still on
-- the old key alone keep reading every token. One row at most.
CREATE TABLE token_sealing (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    key_id     text        NOT NULL,
    changed_at timestamptz NOT NULL
);
