package com.bossreview.install;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code enterprise_workspace} and {@code uninstalled_workspace} tables: which organization a
 * workspace belongs to, and which workspaces left. Public for {@link #uninstalled}, which nudges
 * ask.
 */
public interface WorkspaceDao {
    @SqlUpdate(
            """
            INSERT INTO enterprise_workspace (team_id, enterprise_id, first_seen_at) VALUES (:team, :enterprise, :now)
            ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id
            WHERE enterprise_workspace.enterprise_id <> excluded.enterprise_id""")
    void remember(
            @Bind("enterprise") String enterpriseId,
            @Bind("team") String teamId,
            @Bind("now") Instant now);

    @SqlQuery(
            "SELECT team_id FROM enterprise_workspace WHERE enterprise_id = :enterprise ORDER BY team_id")
    List<String> workspacesOf(@Bind("enterprise") String enterpriseId);

    @SqlUpdate("DELETE FROM enterprise_workspace WHERE team_id IN (<teams>)")
    int forgetOrganizationOf(@BindList("teams") Collection<String> teamIds);

    /** Keeps the first uninstall time if the workspace uninstalls twice. */
    @SqlUpdate(
            """
            INSERT INTO uninstalled_workspace (team_id, uninstalled_at) VALUES (:team, :at)
            ON CONFLICT (team_id) DO NOTHING""")
    void markUninstalled(@Bind("team") String teamId, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM uninstalled_workspace WHERE team_id IN (<teams>)")
    int clearUninstalled(@BindList("teams") Collection<String> teamIds);

    /** Like {@link #clearUninstalled}, returning the workspaces that were waiting for deletion. */
    @SqlQuery("DELETE FROM uninstalled_workspace WHERE team_id IN (<teams>) RETURNING team_id")
    List<String> reinstalled(@BindList("teams") Collection<String> teamIds);

    @SqlQuery(
            "SELECT team_id FROM uninstalled_workspace WHERE uninstalled_at <= :cutoff ORDER BY team_id")
    List<String> uninstalledBefore(@Bind("cutoff") Instant cutoff);

    /**
     * Every workspace that uninstalled and whose data is kept for the retention period: it gets no
     * nudges.
     */
    @SqlQuery("SELECT team_id FROM uninstalled_workspace")
    String[] uninstalled();
}
