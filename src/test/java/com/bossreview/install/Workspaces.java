package com.bossreview.install;

import com.bossreview.support.TestDatabase;
import java.time.Instant;
import java.util.List;

/** Test data for several workspaces at once, written straight into the database. */
final class Workspaces {
    /** Monday 2026-11-30, 08:00 in New York: the booking nudge is due at 08:30. */
    static final Instant MONDAY_0800_NEW_YORK = Instant.parse("2026-11-30T13:00:00Z");

    private Workspaces() {}

    /**
     * A manager in New York with a boss and one piece of news, as if they had used bossreview for a
     * while.
     */
    static void managerWithNews(String team, String user, String boss, String news) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    """
                    INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                    VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                    team,
                                    user,
                                    boss,
                                    MONDAY_0800_NEW_YORK,
                                    MONDAY_0800_NEW_YORK);
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', ?, ?)",
                                    team,
                                    user,
                                    news,
                                    MONDAY_0800_NEW_YORK.minus(java.time.Duration.ofDays(2)));
                            h.execute(
                                    """
                    INSERT INTO weekly_review (team_id, user_id, iso_year, iso_week, state, updated_at)
                    VALUES (?, ?, 2026, 47, 'HELD', ?)""",
                                    team,
                                    user,
                                    MONDAY_0800_NEW_YORK.minus(java.time.Duration.ofDays(10)));
                        });
    }

    /** Every table with a {@code team_id} column, so that a table added later is checked too. */
    static List<String> tablesWithTeamId() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                """
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'team_id' ORDER BY table_name""")
                                        .mapTo(String.class)
                                        .list());
    }

    /** How many rows of {@code team} there are, over all tables. */
    static int rowsOf(String team) {
        return tablesWithTeamId().stream()
                .mapToInt(t -> TestDatabase.rows(t + " WHERE team_id = '" + team + "'"))
                .sum();
    }
}
