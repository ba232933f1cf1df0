package com.bossreview.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code weekly_review} table. */
public interface ReviewDao {
    /** One week's state as stored, e.g. {@code (2026, 48, HELD)}. */
    record WeekRow(int isoYear, int isoWeek, ReviewState state, Instant updatedAt) {}

    /**
     * Marks a week held unless it is already held or skipped (the calendar saw it end).
     *
     * @return 1 when this call marked it
     */
    @SqlUpdate(
            """
            INSERT INTO weekly_review (team_id, user_id, iso_year, iso_week, state, updated_at)
            VALUES (:team, :user, :year, :week, 'HELD', :now)
            ON CONFLICT (team_id, user_id, iso_year, iso_week) DO UPDATE SET state = 'HELD', updated_at = :now
            WHERE weekly_review.state = 'BOOKED'""")
    int markHeldIfOpen(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int year,
            @Bind("week") int week,
            @Bind("now") Instant now);

    @SqlUpdate(
            """
            INSERT INTO weekly_review (team_id, user_id, iso_year, iso_week, state, updated_at)
            VALUES (:team, :user, :year, :week, :state, :now)
            ON CONFLICT (team_id, user_id, iso_year, iso_week) DO UPDATE SET state = :state, updated_at = :now""")
    void upsert(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int year,
            @Bind("week") int week,
            @Bind("state") ReviewState state,
            @Bind("now") Instant now);

    @SqlQuery(
            """
            SELECT state FROM weekly_review
            WHERE team_id = :team AND user_id = :user AND iso_year = :year AND iso_week = :week""")
    Optional<ReviewState> state(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int year,
            @Bind("week") int week);

    /** Newest week first. */
    @RegisterConstructorMapper(WeekRow.class)
    @SqlQuery(
            """
            SELECT iso_year, iso_week, state, updated_at FROM weekly_review
            WHERE team_id = :team AND user_id = :user ORDER BY iso_year DESC, iso_week DESC""")
    List<WeekRow> history(@Bind("team") String team, @Bind("user") String user);

    /** One manager's state of one week, for answers about many managers at once. */
    record ManagerWeek(String teamId, String userId, int isoYear, int isoWeek, ReviewState state) {}

    /**
     * The stored states of the weeks {@code (teams[i], users[i], years[i], weeks[i])}, in one
     * statement for a whole batch; weeks with nothing stored are left out.
     */
    @RegisterConstructorMapper(ManagerWeek.class)
    @SqlQuery(
            """
            SELECT w.team_id, w.user_id, w.iso_year, w.iso_week, w.state FROM weekly_review w
            JOIN unnest(:teams, :users, :years, :weeks) AS k(t, u, y, wk)
            ON w.team_id = k.t AND w.user_id = k.u AND w.iso_year = k.y AND w.iso_week = k.wk""")
    List<ManagerWeek> states(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("years") int[] years,
            @Bind("weeks") int[] weeks);

    @SqlQuery(
            """
            SELECT max(updated_at) FROM weekly_review
            WHERE team_id = :team AND user_id = :user AND state = 'HELD'""")
    Optional<Instant> lastHeldAt(@Bind("team") String team, @Bind("user") String user);

    /**
     * The stored weeks of each manager {@code (teams[i], users[i])} from ISO week {@code (years[i],
     * weeks[i])} on: the scorecard's held rate, in one statement for a whole batch.
     */
    @RegisterConstructorMapper(ManagerWeek.class)
    @SqlQuery(
            """
            SELECT w.team_id, w.user_id, w.iso_year, w.iso_week, w.state FROM weekly_review w
            JOIN unnest(:teams, :users, :years, :weeks) AS k(t, u, y, wk)
            ON w.team_id = k.t AND w.user_id = k.u AND (w.iso_year, w.iso_week) >= (k.y, k.wk)""")
    List<ManagerWeek> statesFrom(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("years") int[] years,
            @Bind("weeks") int[] weeks);

    /**
     * Every workspace's weeks from ISO week {@code (year, week)} up to {@code (toYear, toWeek)} by
     * state: {@code /metrics} shows the held share of them, never a team or a person.
     */
    record StateCount(ReviewState state, long weeks) {}

    @RegisterConstructorMapper(StateCount.class)
    @SqlQuery(
            """
            SELECT state, count(*) AS weeks FROM weekly_review
             WHERE (iso_year, iso_week) >= (:year, :week) AND (iso_year, iso_week) < (:toYear, :toWeek)
             GROUP BY state""")
    List<StateCount> countsBetween(
            @Bind("year") int year,
            @Bind("week") int week,
            @Bind("toYear") int toYear,
            @Bind("toWeek") int toWeek);
}
