package com.bossreview.boss;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The bosses who asked for the weekly digest ({@code boss_digest}). */
@RegisterConstructorMapper(DigestDao.OptIn.class)
public interface DigestDao {
    /** A boss's opt-in, with the time zone their Monday morning is read in. */
    record OptIn(String teamId, String bossUserId, String timeZone, Instant optedInAt) {}

    String COLUMNS = "team_id, boss_user_id, time_zone, opted_in_at";

    /** On, or on again with a fresh time zone; the first opt-in time is kept. */
    @SqlUpdate(
            """
            INSERT INTO boss_digest (team_id, boss_user_id, time_zone, opted_in_at) VALUES (:team, :boss, :zone, :at)
            ON CONFLICT (team_id, boss_user_id) DO UPDATE SET time_zone = excluded.time_zone""")
    void optIn(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("zone") String zone,
            @Bind("at") Instant at);

    /** Off: the row goes, and with it (by cascade) the digests planned for this boss. */
    @SqlUpdate("DELETE FROM boss_digest WHERE team_id = :team AND boss_user_id = :boss")
    int optOut(@Bind("team") String team, @Bind("boss") String boss);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM boss_digest WHERE team_id = :team AND boss_user_id = :boss")
    Optional<OptIn> find(@Bind("team") String team, @Bind("boss") String boss);

    /** A page of every opt-in, after the given key: what the materializer plans. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM boss_digest WHERE (team_id, boss_user_id) > (:team, :boss) "
                    + "ORDER BY team_id, boss_user_id LIMIT :limit")
    List<OptIn> after(
            @Bind("team") String team, @Bind("boss") String boss, @Bind("limit") int limit);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM boss_digest WHERE team_id IN (<teams>) AND boss_user_id IN (<bosses>)")
    List<OptIn> findAll(
            @BindList("teams") Collection<String> teams,
            @BindList("bosses") Collection<String> bosses);

    /** A workspace left: its bosses' opt-ins go at once. */
    @SqlUpdate("DELETE FROM boss_digest WHERE team_id IN (<teams>)")
    int deleteAllOf(@BindList("teams") Collection<String> teams);
}
