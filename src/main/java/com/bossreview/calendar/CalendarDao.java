package com.bossreview.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code calendar_connection} and {@code calendar_oauth_state} tables. Tokens stay sealed. */
public interface CalendarDao {
    /** A stored connection; the tokens sealed as stored. */
    record Row(
            String teamId,
            String userId,
            String provider,
            String account,
            String refreshToken,
            String accessToken,
            Instant accessExpiresAt,
            Instant connectedAt,
            Instant revokedAt,
            String seriesId,
            String syncCursor,
            Instant cursorAt,
            Instant nextSyncAt,
            int syncFailures) {}

    /** A started connection, spent by {@link #takeState}. */
    record Started(String teamId, String userId, String verifier) {}

    @SqlUpdate(
            """
            INSERT INTO calendar_oauth_state (state_sha256, team_id, user_id, verifier, expires_at)
            VALUES (:sha, :team, :user, :verifier, :expires)""")
    void addState(
            @Bind("sha") String stateSha256,
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("verifier") String sealedVerifier,
            @Bind("expires") Instant expiresAt);

    /** Spends a state once: empty when unknown, used already or expired. */
    @SqlQuery(
            """
            UPDATE calendar_oauth_state SET used_at = :now
            WHERE state_sha256 = :sha AND used_at IS NULL AND expires_at > :now
            RETURNING team_id, user_id, verifier""")
    @RegisterConstructorMapper(Started.class)
    Optional<Started> takeState(@Bind("sha") String stateSha256, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM calendar_oauth_state WHERE expires_at < :before")
    int purgeStates(@Bind("before") Instant before);

    @SqlQuery("SELECT * FROM calendar_connection WHERE team_id = :team AND user_id = :user")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("team") String team, @Bind("user") String user);

    @SqlQuery("SELECT * FROM calendar_connection WHERE team_id = :team")
    @RegisterConstructorMapper(Row.class)
    List<Row> ofTeam(@Bind("team") String team);

    /** A new connection, or a reconnection replacing the old one (revoked or not). */
    @SqlUpdate(
            """
            INSERT INTO calendar_connection (team_id, user_id, provider, account, refresh_token, access_token,
                                             access_expires_at, connected_at)
            VALUES (:team, :user, :provider, :account, :refresh, :access, :expires, :now)
            ON CONFLICT (team_id, user_id) DO UPDATE SET
                provider = excluded.provider, account = excluded.account, refresh_token = excluded.refresh_token,
                access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                connected_at = excluded.connected_at, revoked_at = NULL""")
    void connect(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("provider") String provider,
            @Bind("account") String account,
            @Bind("refresh") String sealedRefreshToken,
            @Bind("access") String sealedAccessToken,
            @Bind("expires") Instant accessExpiresAt,
            @Bind("now") Instant now);

    /**
     * A refreshed access token (and the refresh token, which Microsoft rotates), unless the
     * connection was replaced or removed meanwhile.
     */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET access_token = :access, access_expires_at = :expires,
                   refresh_token = COALESCE(:refresh, refresh_token)
            WHERE team_id = :team AND user_id = :user AND connected_at = :connectedAt AND revoked_at IS NULL""")
    int refreshed(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("connectedAt") Instant connectedAt,
            @Bind("access") String sealedAccessToken,
            @Bind("expires") Instant accessExpiresAt,
            @Bind("refresh") String sealedRefreshTokenOrNull);

    /**
     * The provider refused the access token (401) before it was due to expire: it is dropped, so
     * the next use refreshes it instead of handing out the refused one until its expiry.
     */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET access_expires_at = :now
            WHERE team_id = :team AND user_id = :user AND access_expires_at > :now""")
    int accessRefused(
            @Bind("team") String team, @Bind("user") String user, @Bind("now") Instant now);

    /**
     * The provider refused the refresh token {@code refreshTokenSeen} (as stored, sealed); 1 the
     * first time (the manager is told once), 0 when another caller refreshed meanwhile and the
     * provider rotated it (Microsoft does): then the old one is refused, and the connection stands.
     */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET revoked_at = :now, access_token = NULL
            WHERE team_id = :team AND user_id = :user AND connected_at = :connectedAt AND revoked_at IS NULL
              AND refresh_token = :seen""")
    int revoked(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("connectedAt") Instant connectedAt,
            @Bind("seen") String refreshTokenSeen,
            @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM calendar_connection WHERE team_id = :team AND user_id = :user")
    int delete(@Bind("team") String team, @Bind("user") String user);

    /** The review's recurring event, booked or adopted: read from the start at the next sync. */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET series_id = :series, sync_cursor = NULL, next_sync_at = :now,
                   sync_failures = 0
            WHERE team_id = :team AND user_id = :user""")
    int series(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("series") String seriesId,
            @Bind("now") Instant now);

    /**
     * Connections due a sync, each taken by one instance: their next sync is moved {@code lease}
     * ahead at once, so another instance does not read the same calendar meanwhile.
     */
    @SqlQuery(
            """
            UPDATE calendar_connection c SET next_sync_at = :leaseUntil
            FROM (SELECT team_id, user_id FROM calendar_connection
                  WHERE series_id IS NOT NULL AND revoked_at IS NULL AND next_sync_at <= :now
                  ORDER BY next_sync_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
            WHERE c.team_id = due.team_id AND c.user_id = due.user_id
            RETURNING c.*""")
    @RegisterConstructorMapper(Row.class)
    List<Row> claimDue(
            @Bind("now") Instant now,
            @Bind("leaseUntil") Instant leaseUntil,
            @Bind("limit") int limit);

    /**
     * A sync done: where to read from next time, and when; {@code fullRead}: the cursor comes from
     * a read from scratch, made {@code now}.
     */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET sync_cursor = :cursor, next_sync_at = :next, sync_failures = 0,
                   cursor_at = CASE WHEN :fullRead THEN CAST(:now AS timestamptz) ELSE cursor_at END
            WHERE team_id = :team AND user_id = :user AND series_id = :series""")
    int synced(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("series") String seriesId,
            @Bind("cursor") String cursor,
            @Bind("fullRead") boolean fullRead,
            @Bind("now") Instant now,
            @Bind("next") Instant next);

    /** A sync failed: try again at {@code next}; {@code resetCursor} reads from the start. */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET next_sync_at = :next, sync_failures = sync_failures + 1,
                   sync_cursor = CASE WHEN :resetCursor THEN NULL ELSE sync_cursor END
            WHERE team_id = :team AND user_id = :user""")
    int syncFailed(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("next") Instant next,
            @Bind("resetCursor") boolean resetCursor);

    /** A connection's sealed tokens, for the key rotation's re-seal step. */
    record Sealed(String teamId, String userId, String refreshToken, String accessToken) {}

    @SqlQuery("SELECT team_id, user_id, refresh_token, access_token FROM calendar_connection")
    @RegisterConstructorMapper(Sealed.class)
    List<Sealed> sealedTokens();

    /** Re-sealed tokens, unless the connection's tokens changed meanwhile (compare-and-set). */
    @SqlUpdate(
            """
            UPDATE calendar_connection SET refresh_token = :refresh, access_token = :access
            WHERE team_id = :team AND user_id = :user AND refresh_token = :oldRefresh
              AND access_token IS NOT DISTINCT FROM :oldAccess""")
    int resealTokens(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("oldRefresh") String oldRefresh,
            @Bind("oldAccess") String oldAccessOrNull,
            @Bind("refresh") String refresh,
            @Bind("access") String accessOrNull);

    /** A connection state's sealed PKCE verifier, for the re-seal step. */
    record SealedVerifier(String stateSha256, String teamId, String userId, String verifier) {}

    @SqlQuery("SELECT state_sha256, team_id, user_id, verifier FROM calendar_oauth_state")
    @RegisterConstructorMapper(SealedVerifier.class)
    List<SealedVerifier> sealedVerifiers();

    @SqlUpdate(
            """
            UPDATE calendar_oauth_state SET verifier = :verifier
            WHERE state_sha256 = :sha AND verifier = :old""")
    int resealVerifier(
            @Bind("sha") String stateSha256,
            @Bind("old") String old,
            @Bind("verifier") String verifier);

    /** What the calendar says about one week's occurrence. */
    @SqlUpdate(
            """
            INSERT INTO calendar_week (team_id, user_id, iso_year, iso_week, starts_at, cancelled, once_event_id, updated_at)
            VALUES (:team, :user, :year, :week, :start, :cancelled, :onceEventId, :now)
            ON CONFLICT (team_id, user_id, iso_year, iso_week) DO UPDATE SET
                starts_at = excluded.starts_at, cancelled = excluded.cancelled,
                once_event_id = excluded.once_event_id, updated_at = excluded.updated_at""")
    void week(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int isoYear,
            @Bind("week") int isoWeek,
            @Bind("start") Instant start,
            @Bind("cancelled") boolean cancelled,
            @Bind("onceEventId") String onceEventIdOrNull,
            @Bind("now") Instant now);

    /** One week's occurrence as the calendar last said; a rebooked week's one-off event. */
    record Week(Instant startsAt, boolean cancelled, String onceEventId) {}

    @SqlQuery(
            """
            SELECT starts_at, cancelled, once_event_id FROM calendar_week
            WHERE team_id = :team AND user_id = :user AND iso_year = :year AND iso_week = :week""")
    @RegisterConstructorMapper(Week.class)
    Optional<Week> weekOf(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int isoYear,
            @Bind("week") int isoWeek);
}
