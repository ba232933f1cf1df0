package com.bossreview.install;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code installation} table. Every query names the workspace (team) or the organization it is
 * about.
 */
@RegisterConstructorMapper(InstallationDao.Row.class)
interface InstallationDao {
    /**
     * A stored installation: {@code botToken} is still sealed; null fields were not given by Slack.
     */
    record Row(
            long id,
            String enterpriseId,
            String teamId,
            boolean isEnterpriseInstall,
            String appId,
            String enterpriseName,
            String teamName,
            String botUserId,
            String botId,
            String botScopes,
            String botToken,
            String installerUserId,
            Instant installedAt) {}

    /**
     * The installation serving a team: its own workspace install if it has one, else its
     * organization's org-wide install (organization from the request, or remembered from an earlier
     * request).
     */
    @SqlQuery(
            """
            SELECT * FROM installation
            WHERE (NOT is_enterprise_install AND team_id = :team)
               OR (is_enterprise_install AND enterprise_id = COALESCE(CAST(:enterprise AS text),
                      (SELECT enterprise_id FROM enterprise_workspace WHERE team_id = :team)))
            ORDER BY is_enterprise_install
            LIMIT 1""")
    Optional<Row> serving(@Bind("enterprise") String enterpriseId, @Bind("team") String teamId);

    @SqlQuery("SELECT * FROM installation WHERE NOT is_enterprise_install AND team_id = :team")
    Optional<Row> ofWorkspace(@Bind("team") String teamId);

    @SqlQuery(
            "SELECT * FROM installation WHERE is_enterprise_install AND enterprise_id = :enterprise")
    Optional<Row> ofOrganization(@Bind("enterprise") String enterpriseId);

    @SqlUpdate(
            """
            INSERT INTO installation (enterprise_id, team_id, is_enterprise_install, app_id, enterprise_name, team_name,
                                      bot_user_id, bot_id, bot_scopes, bot_token, installer_user_id, installed_at)
            VALUES (:enterpriseId, :teamId, false, :appId, :enterpriseName, :teamName,
                    :botUserId, :botId, :botScopes, :botToken, :installerUserId, :installedAt)
            ON CONFLICT (team_id) WHERE NOT is_enterprise_install DO UPDATE SET
                enterprise_id = excluded.enterprise_id, app_id = excluded.app_id,
                enterprise_name = excluded.enterprise_name, team_name = excluded.team_name,
                bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, bot_scopes = excluded.bot_scopes,
                bot_token = excluded.bot_token, installer_user_id = excluded.installer_user_id,
                installed_at = excluded.installed_at""")
    void saveWorkspace(@BindMethods Row row);

    @SqlUpdate(
            """
            INSERT INTO installation (enterprise_id, team_id, is_enterprise_install, app_id, enterprise_name, team_name,
                                      bot_user_id, bot_id, bot_scopes, bot_token, installer_user_id, installed_at)
            VALUES (:enterpriseId, NULL, true, :appId, :enterpriseName, NULL,
                    :botUserId, :botId, :botScopes, :botToken, :installerUserId, :installedAt)
            ON CONFLICT (enterprise_id) WHERE is_enterprise_install DO UPDATE SET
                app_id = excluded.app_id, enterprise_name = excluded.enterprise_name,
                bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, bot_scopes = excluded.bot_scopes,
                bot_token = excluded.bot_token, installer_user_id = excluded.installer_user_id,
                installed_at = excluded.installed_at""")
    void saveOrganization(@BindMethods Row row);

    @SqlUpdate("DELETE FROM installation WHERE NOT is_enterprise_install AND team_id = :team")
    int deleteWorkspace(@Bind("team") String teamId);

    @SqlUpdate(
            "DELETE FROM installation WHERE is_enterprise_install AND enterprise_id = :enterprise")
    int deleteOrganization(@Bind("enterprise") String enterpriseId);

    /** Which keys sealed the stored tokens (the id between {@code v1:} and the next colon). */
    @SqlQuery("SELECT DISTINCT split_part(bot_token, ':', 2) FROM installation")
    List<String> keyIds();

    @SqlQuery("SELECT * FROM installation WHERE split_part(bot_token, ':', 2) <> :keyId")
    List<Row> sealedWithOtherKeyThan(@Bind("keyId") String keyId);

    /** Compare-and-set, so a concurrent reinstall is never overwritten with an older token. */
    @SqlUpdate(
            "UPDATE installation SET bot_token = :resealed WHERE id = :id AND bot_token = :sealed")
    int reseal(
            @Bind("id") long id, @Bind("sealed") String sealed, @Bind("resealed") String resealed);
}
