package com.bossreview.calendar;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code calendar_feed} table: each manager's feed token. */
public interface CalendarFeedDao {
    /** Whose feed a token hash is. */
    record Owner(String teamId, String userId, String tokenSha256) {}

    @SqlQuery("SELECT token FROM calendar_feed WHERE team_id = :team AND user_id = :user")
    Optional<String> tokenOf(@Bind("team") String team, @Bind("user") String user);

    /**
     * The manager's first token; a token made at the same moment by another request loses, so the
     * caller reads the one stored.
     */
    @SqlUpdate(
            """
            INSERT INTO calendar_feed (token_sha256, team_id, user_id, token, created_at)
            VALUES (:sha, :team, :user, :token, :now)
            ON CONFLICT (team_id, user_id) DO NOTHING""")
    int add(
            @Bind("sha") String tokenSha256,
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("token") String token,
            @Bind("now") Instant now);

    @SqlQuery("SELECT team_id, user_id, token_sha256 FROM calendar_feed WHERE token_sha256 = :sha")
    @RegisterConstructorMapper(Owner.class)
    Optional<Owner> ownerOf(@Bind("sha") String tokenSha256);
}
