package com.bossreview.slack;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Owner of {@code seen_request}: the signatures of signed Slack requests already handled. */
interface SeenRequestDao {
    /**
     * 1 the first time a signature is recorded, 0 when it already was (by this or another
     * instance). Its commit does not wait for the WAL flush (one statement, so {@code set_config(…,
     * true)} holds for just its own transaction): that wait would be most of the cost of every
     * Slack request, and a crash of PostgreSQL could lose only the last fraction of a second of
     * signatures.
     */
    @SqlUpdate(
            """
            WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
            INSERT INTO seen_request (signature, expires_at) SELECT :signature, :expires FROM relaxed
            ON CONFLICT (signature) DO NOTHING""")
    int record(@Bind("signature") byte[] signature, @Bind("expires") Instant expiresAt);

    /** Removes these signatures (a warm-up's own requests): they were never Slack's. */
    @SqlUpdate("DELETE FROM seen_request WHERE signature = ANY(:signatures)")
    int forget(@Bind("signatures") byte[][] signatures);

    @SqlUpdate("DELETE FROM seen_request WHERE expires_at < :now")
    int purge(@Bind("now") Instant now);
}
