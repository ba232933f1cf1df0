package com.bossreview.install;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

interface OAuthStateDao {
    @SqlUpdate("INSERT INTO oauth_state (state_sha256, expires_at) VALUES (:hash, :expires)")
    void insert(@Bind("hash") String hash, @Bind("expires") Instant expiresAt);

    @SqlUpdate("DELETE FROM oauth_state WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") Instant now);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM oauth_state WHERE state_sha256 = :hash AND expires_at > :now)")
    boolean isLive(@Bind("hash") String hash, @Bind("now") Instant now);

    /** Deletes the state whatever its age; true only if it was still live. Empty: never issued or already used. */
    @SqlQuery("DELETE FROM oauth_state WHERE state_sha256 = :hash RETURNING expires_at > :now")
    Optional<Boolean> take(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM oauth_state WHERE state_sha256 = :hash")
    int delete(@Bind("hash") String hash);
}
