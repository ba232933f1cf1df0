package com.bossreview.install;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code token_sealing} table: the one row naming the key that seals new tokens. */
interface SealingKeyDao {
    /** The first instance of a deployment records its choice; later ones keep what is there. */
    @SqlUpdate(
            "INSERT INTO token_sealing (key_id, changed_at) VALUES (:key, :now) ON CONFLICT DO NOTHING")
    int initialize(@Bind("key") String keyId, @Bind("now") Instant now);

    @SqlQuery("SELECT key_id FROM token_sealing")
    Optional<String> current();

    /**
     * The key, read under a share lock inside the transaction that stores a token: the re-seal
     * step's switch waits for such a transaction, so no token sealed with the old key commits after
     * its scan.
     */
    @SqlQuery("SELECT key_id FROM token_sealing FOR SHARE")
    Optional<String> forSealing();

    @SqlUpdate(
            """
            INSERT INTO token_sealing (key_id, changed_at) VALUES (:key, :now)
            ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, changed_at = excluded.changed_at""")
    void switchTo(@Bind("key") String keyId, @Bind("now") Instant now);
}
