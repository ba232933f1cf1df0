package com.bossreview.workspace;

import com.bossreview.forecast.Currency;
import com.bossreview.time.PrimeHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Month;
import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code workspace_defaults} table. Manager reads join it too ({@code manager/ManagerDao}), so
 * that a manager without their own value reads the workspace's. Each setter changes one value
 * ({@code null}: back to bossreview's default) and records who changed it.
 */
@RegisterRowMapper(WorkspaceDefaultsDao.Mapper.class)
public interface WorkspaceDefaultsDao {
    @SqlQuery("SELECT * FROM workspace_defaults WHERE team_id = :team")
    Optional<WorkspaceDefaults> find(@Bind("team") String team);

    @SqlUpdate(
            "INSERT INTO workspace_defaults (team_id, default_prime_hours, defaults_set_by, defaults_set_at)"
                    + " VALUES (:team, :value, :by, :at) ON CONFLICT (team_id) DO UPDATE SET"
                    + " default_prime_hours = excluded.default_prime_hours,"
                    + " defaults_set_by = excluded.defaults_set_by, defaults_set_at = excluded.defaults_set_at")
    void setPrimeHours(
            @Bind("team") String team,
            @Bind("value") String prime,
            @Bind("by") String by,
            @Bind("at") Instant at);

    @SqlUpdate(
            "INSERT INTO workspace_defaults (team_id, default_fiscal_start_month, defaults_set_by, defaults_set_at)"
                    + " VALUES (:team, :value, :by, :at) ON CONFLICT (team_id) DO UPDATE SET"
                    + " default_fiscal_start_month = excluded.default_fiscal_start_month,"
                    + " defaults_set_by = excluded.defaults_set_by, defaults_set_at = excluded.defaults_set_at")
    void setFiscalStart(
            @Bind("team") String team,
            @Bind("value") Integer month,
            @Bind("by") String by,
            @Bind("at") Instant at);

    @SqlUpdate(
            "INSERT INTO workspace_defaults (team_id, default_currency, defaults_set_by, defaults_set_at)"
                    + " VALUES (:team, :value, :by, :at) ON CONFLICT (team_id) DO UPDATE SET"
                    + " default_currency = excluded.default_currency,"
                    + " defaults_set_by = excluded.defaults_set_by, defaults_set_at = excluded.defaults_set_at")
    void setCurrency(
            @Bind("team") String team,
            @Bind("value") String currency,
            @Bind("by") String by,
            @Bind("at") Instant at);

    /** Uninstalled workspaces whose data is deleted ({@code install/Uninstalls}). */
    @SqlUpdate("DELETE FROM workspace_defaults WHERE team_id IN (<teams>)")
    int deleteAllOf(@BindList("teams") Collection<String> teams);

    final class Mapper implements RowMapper<WorkspaceDefaults> {
        @Override
        public WorkspaceDefaults map(ResultSet rs, StatementContext ctx) throws SQLException {
            int month = rs.getInt("default_fiscal_start_month"); // 0: NULL (1 to 12 stored)
            return new WorkspaceDefaults(
                    rs.getString("team_id"),
                    Optional.ofNullable(rs.getString("default_prime_hours")).map(PrimeHours::parse),
                    month == 0 ? Optional.empty() : Optional.of(Month.of(month)),
                    Optional.ofNullable(rs.getString("default_currency")).map(Currency::valueOf),
                    Optional.of(
                            new WorkspaceDefaults.Change(
                                    rs.getString("defaults_set_by"),
                                    rs.getTimestamp("defaults_set_at").toInstant())));
        }
    }
}
