package com.bossreview.crm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code crm_connection} and {@code crm_oauth_state} tables. Tokens stay sealed. A connection's
 * {@code userId} is null for the workspace's connection.
 */
public interface CrmDao {
    /** A stored connection; the tokens sealed as stored. */
    record Row(
            long id,
            String teamId,
            String userId,
            String provider,
            String instanceUrl,
            String crmUserId,
            String crmUserEmail,
            String refreshToken,
            String accessToken,
            Instant accessExpiresAt,
            Instant connectedAt,
            String connectedBy,
            Instant revokedAt) {}

    /** A started connection, spent by {@link #takeState}. */
    record Started(String teamId, String userId, boolean forWorkspace, String verifier) {}

    @SqlUpdate(
            """
            INSERT INTO crm_oauth_state (state_sha256, team_id, user_id, for_workspace, verifier, expires_at)
            VALUES (:sha, :team, :user, :forWorkspace, :verifier, :expires)""")
    void addState(
            @Bind("sha") String stateSha256,
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("forWorkspace") boolean forWorkspace,
            @Bind("verifier") String sealedVerifier,
            @Bind("expires") Instant expiresAt);

    /** Spends a state once: empty when unknown, used already or expired. */
    @SqlQuery(
            """
            UPDATE crm_oauth_state SET used_at = :now
            WHERE state_sha256 = :sha AND used_at IS NULL AND expires_at > :now
            RETURNING team_id, user_id, for_workspace, verifier""")
    @RegisterConstructorMapper(Started.class)
    Optional<Started> takeState(@Bind("sha") String stateSha256, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM crm_oauth_state WHERE expires_at < :before")
    int purgeStates(@Bind("before") Instant before);

    String COLUMNS =
            "id, team_id, user_id, provider, instance_url, crm_user_id, crm_user_email,"
                    + " refresh_token, access_token, access_expires_at, connected_at, connected_by,"
                    + " revoked_at";

    /** A manager's own connection. */
    @SqlQuery(
            "SELECT " + COLUMNS + " FROM crm_connection WHERE team_id = :team AND user_id = :user")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> ofManager(@Bind("team") String team, @Bind("user") String user);

    /** The workspace's connection. */
    @SqlQuery(
            "SELECT " + COLUMNS + " FROM crm_connection WHERE team_id = :team AND user_id IS NULL")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> ofWorkspace(@Bind("team") String team);

    @SqlQuery("SELECT " + COLUMNS + " FROM crm_connection WHERE team_id = :team")
    @RegisterConstructorMapper(Row.class)
    List<Row> ofTeam(@Bind("team") String team);

    /** Deletes the manager's own connection ({@code user}) or the workspace's ({@code null}). */
    @SqlUpdate(
            "DELETE FROM crm_connection WHERE team_id = :team AND user_id IS NOT DISTINCT FROM :user")
    int delete(@Bind("team") String team, @Bind("user") String userOrNull);

    /**
     * Holds the owner's connection for the rest of the transaction, row or no row yet: two
     * redirects completing at once for the same owner then replace one another in turn instead of
     * one failing on the unique index.
     */
    @SqlQuery(
            "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('crm_connection:'"
                    + " || :team || ':' || :owner, 0))) locked")
    int lockOwner(@Bind("team") String team, @Bind("owner") String owner);

    /** Deletes the owner's connection, returning it (to be revoked). */
    @SqlQuery(
            "DELETE FROM crm_connection WHERE team_id = :team AND user_id IS NOT DISTINCT FROM :user"
                    + " RETURNING "
                    + COLUMNS)
    @RegisterConstructorMapper(Row.class)
    Optional<Row> take(@Bind("team") String team, @Bind("user") String userOrNull);

    /**
     * A new connection; the caller took ({@link #take}) the one it replaces in the same
     * transaction. The sync starts from the moment of connecting ({@link Watermark#after}): older
     * changes are not news.
     */
    @SqlUpdate(
            """
            INSERT INTO crm_connection (team_id, user_id, provider, instance_url, crm_user_id, crm_user_email,
                                        refresh_token, access_token, access_expires_at, connected_at,
                                        connected_by, watermark_at, watermark_id, next_sync_at)
            VALUES (:team, :user, :provider, :instanceUrl, :crmUserId, :crmUserEmail, :refresh, :access,
                    :expires, :now, :by, :now, '', :now)""")
    void insert(
            @Bind("team") String team,
            @Bind("user") String userOrNull,
            @Bind("provider") String provider,
            @Bind("instanceUrl") String instanceUrlOrNull,
            @Bind("crmUserId") String crmUserIdOrNull,
            @Bind("crmUserEmail") String crmUserEmailOrNull,
            @Bind("refresh") String sealedRefreshToken,
            @Bind("access") String sealedAccessToken,
            @Bind("expires") Instant accessExpiresAt,
            @Bind("now") Instant now,
            @Bind("by") String connectedBy);

    /** A connection by its id. */
    @SqlQuery("SELECT " + COLUMNS + " FROM crm_connection WHERE id = :id")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> byId(@Bind("id") long id);

    /** A refreshed access token (and the rotated refresh token, when the provider rotated it). */
    @SqlUpdate(
            """
            UPDATE crm_connection SET access_token = :access, access_expires_at = :expires,
                   refresh_token = COALESCE(:refresh, refresh_token)
            WHERE id = :id AND revoked_at IS NULL""")
    int refreshed(
            @Bind("id") long id,
            @Bind("access") String sealedAccessToken,
            @Bind("expires") Instant expiresAt,
            @Bind("refresh") String sealedRefreshTokenOrNull);

    /** The provider refused the access token our clock holds valid: the next use refreshes. */
    @SqlUpdate(
            """
            UPDATE crm_connection SET access_expires_at = :now
            WHERE id = :id AND access_expires_at > :now""")
    int accessRefused(@Bind("id") long id, @Bind("now") Instant now);

    /**
     * The provider refused the refresh token {@code seen} (as stored, sealed); 1 the first time
     * (the owner is told once), 0 when another caller refreshed meanwhile and the provider rotated
     * it, or it was marked already.
     */
    @SqlUpdate(
            """
            UPDATE crm_connection SET revoked_at = :now, access_token = NULL
            WHERE id = :id AND revoked_at IS NULL AND refresh_token = :seen""")
    int revoked(
            @Bind("id") long id, @Bind("seen") String refreshTokenSeen, @Bind("now") Instant now);

    /** A connection's sealed tokens, for the key rotation's re-seal step. */
    record Sealed(long id, String teamId, String userId, String refreshToken, String accessToken) {}

    @SqlQuery("SELECT id, team_id, user_id, refresh_token, access_token FROM crm_connection")
    @RegisterConstructorMapper(Sealed.class)
    List<Sealed> sealedTokens();

    /** Re-sealed tokens, unless the connection's tokens changed meanwhile (compare-and-set). */
    @SqlUpdate(
            """
            UPDATE crm_connection SET refresh_token = :refresh, access_token = :access
            WHERE id = :id AND refresh_token = :oldRefresh AND access_token IS NOT DISTINCT FROM :oldAccess""")
    int resealTokens(
            @Bind("id") long id,
            @Bind("oldRefresh") String oldRefresh,
            @Bind("oldAccess") String oldAccessOrNull,
            @Bind("refresh") String refresh,
            @Bind("access") String accessOrNull);

    /** A connection state's sealed PKCE verifier, for the re-seal step. */
    record SealedVerifier(
            String stateSha256,
            String teamId,
            String userId,
            boolean forWorkspace,
            String verifier) {}

    @SqlQuery("SELECT state_sha256, team_id, user_id, for_workspace, verifier FROM crm_oauth_state")
    @RegisterConstructorMapper(SealedVerifier.class)
    List<SealedVerifier> sealedVerifiers();

    @SqlUpdate(
            "UPDATE crm_oauth_state SET verifier = :verifier WHERE state_sha256 = :sha AND verifier = :old")
    int resealVerifier(
            @Bind("sha") String stateSha256,
            @Bind("old") String old,
            @Bind("verifier") String verifier);
}
