package com.bossreview.forecast;

import com.bossreview.support.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the forecast table directly, to check what the app stored. */
final class ForecastRows {
    private ForecastRows() {}

    static long latestId(String team, String user) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT max(id) FROM forecast WHERE team_id = :t AND user_id = :u")
                                        .bind("t", team)
                                        .bind("u", user)
                                        .mapTo(Long.class)
                                        .one());
    }

    static List<BigDecimal> amounts(String team, String user) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT amount FROM forecast WHERE team_id = :t AND user_id = :u ORDER BY id")
                                        .bind("t", team)
                                        .bind("u", user)
                                        .mapTo(BigDecimal.class)
                                        .list());
    }

    /** The stored currency of each figure, oldest first ({@code null} where none). */
    static List<String> currencies(String team, String user) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT currency FROM forecast WHERE team_id = :t AND user_id = :u ORDER BY id")
                                        .bind("t", team)
                                        .bind("u", user)
                                        .mapTo(String.class)
                                        .list());
    }

    /**
     * As if the boss had been told figure {@code id} at {@code at}, for tests about what comes
     * after.
     */
    static void told(long id, Instant at) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE forecast SET shared_at = ?, shared_with = 'U0BOSS', told_via = 'DM' WHERE id = ?",
                                        at,
                                        id));
    }

    static Optional<String> toldVia(long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT told_via FROM forecast WHERE id = :id")
                                        .bind("id", id)
                                        .mapTo(String.class)
                                        .findOne());
    }

    static Optional<String> sharedWith(long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT shared_with FROM forecast WHERE id = :id")
                                        .bind("id", id)
                                        .mapTo(String.class)
                                        .findOne());
    }

    static int shared() {
        return TestDatabase.rows("forecast WHERE shared_at IS NOT NULL OR shared_with IS NOT NULL");
    }
}
