-- Signed Slack requests already handled. A request captured on its way (a proxy log, a leaked trace)
-- still passes the signature check while its timestamp is within five minutes of now; sent again in
-- that window it must act at most once, whichever instance gets it. The key is the request's HMAC
-- signature (v0, 32 bytes), which covers the timestamp and the body: Slack's own retries are signed
-- anew and are not replays. A row is of no use once its timestamp fails the check anyway; then it is
-- purged by expiry (slack/SeenRequests), through the index below. No workspace data: ids only.
CREATE TABLE seen_request (
    signature  bytea       PRIMARY KEY CHECK (octet_length(signature) = 32),
    expires_at timestamptz NOT NULL
);
CREATE INDEX seen_request_by_expiry ON seen_request (expires_at);
