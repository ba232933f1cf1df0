package com.bossreview.install;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code oauth_state} table: states already spent, by their SHA-256, until they would have
 * expired.
 */
interface OAuthStateDao {
    /** Expired rows deleted per call: a redirect's cost stays small however many piled up. */
    int PURGE_BATCH = 100;

    /** 1 when this spends the state, 0 when it was spent before. */
    @SqlUpdate(
            "INSERT INTO oauth_state (state_sha256, expires_at) VALUES (:hash, :expires) ON CONFLICT DO NOTHING")
    int spend(@Bind("hash") String hash, @Bind("expires") Instant expiresAt);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM oauth_state WHERE state_sha256 = :hash)")
    boolean isSpent(@Bind("hash") String hash);

    /**
     * At most {@link #PURGE_BATCH} expired rows, oldest first, through {@code
     * oauth_state_by_expiry}.
     */
    @SqlUpdate(
            """
            DELETE FROM oauth_state WHERE state_sha256 IN (
                SELECT state_sha256 FROM oauth_state WHERE expires_at <= :now ORDER BY expires_at LIMIT 100)""")
    int deleteSomeExpired(@Bind("now") Instant now);
}
