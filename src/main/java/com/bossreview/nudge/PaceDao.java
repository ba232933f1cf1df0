package com.bossreview.nudge;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code workspace_pace} table: each workspace's shared pace (see {@link Pace}). */
public interface PaceDao {
    /** A workspace's pace as a claim reads it, under its row lock. */
    record Row(String teamId, Instant nextSlot, double rate, Instant limitedAt) {}

    /** Pace rows for workspaces seen for the first time: their first slot is now. */
    @SqlUpdate(
            """
            INSERT INTO workspace_pace (team_id, next_slot, rate)
            SELECT t, :now, :rate FROM unnest(:teams) AS t
            ON CONFLICT (team_id) DO NOTHING""")
    void add(@Bind("teams") String[] teams, @Bind("now") Instant now, @Bind("rate") double rate);

    /**
     * Locks the pace rows of {@code teams} until the claim commits; a row another instance is
     * claiming for right now is skipped, not waited for (that workspace is served this round by the
     * other instance).
     */
    @SqlQuery(
            """
            SELECT team_id, next_slot, rate, limited_at FROM workspace_pace
            WHERE team_id = ANY(:teams) ORDER BY team_id FOR UPDATE SKIP LOCKED""")
    @RegisterConstructorMapper(Row.class)
    List<Row> lock(@Bind("teams") String[] teams);

    /** The slots a claim took, and the rate it settled on. */
    @SqlUpdate(
            """
            UPDATE workspace_pace p SET next_slot = timestamptz 'epoch' + k.micros * interval '1 microsecond',
                   rate = k.rate
            FROM unnest(:teams, :nextSlotMicros, :rates) AS k(team_id, micros, rate)
            WHERE p.team_id = k.team_id""")
    void took(
            @Bind("teams") String[] teams,
            @Bind("nextSlotMicros") long[] nextSlotEpochMicros,
            @Bind("rates") double[] rates);

    /**
     * Slack answered 429: no slot before {@code until} for any instance, and the rate lowered by
     * {@code factor} (once per burst of 429s: the calls already in flight meet the same limit).
     */
    @SqlUpdate(
            """
            INSERT INTO workspace_pace AS p (team_id, next_slot, rate, limited_at, limited)
            VALUES (:team, :until, :initialRate, :now, 1)
            ON CONFLICT (team_id) DO UPDATE SET
                next_slot = greatest(p.next_slot, :until),
                rate = CASE WHEN p.limited_at IS NULL OR p.limited_at < CAST(:now AS timestamptz) - interval '2 seconds'
                            THEN greatest(:minRate, p.rate * :factor) ELSE p.rate END,
                limited_at = :now,
                limited = p.limited + 1""")
    void rateLimited(
            @Bind("team") String team,
            @Bind("until") Instant until,
            @Bind("now") Instant now,
            @Bind("initialRate") double initialRate,
            @Bind("factor") double factor,
            @Bind("minRate") double minRate);
}
