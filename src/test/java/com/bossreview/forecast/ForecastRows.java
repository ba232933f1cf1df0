package com.bossreview.forecast;

import com.bossreview.support.TestDatabase;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads the forecast table directly, to check what the app stored. */
final class ForecastRows {
    private ForecastRows() {
    }

    static long latestId(String team, String user) {
        return TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT max(id) FROM forecast WHERE team_id = :t AND user_id = :u")
                .bind("t", team).bind("u", user).mapTo(Long.class).one());
    }

    static List<BigDecimal> amounts(String team, String user) {
        return TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT amount FROM forecast WHERE team_id = :t AND user_id = :u ORDER BY id")
                .bind("t", team).bind("u", user).mapTo(BigDecimal.class).list());
    }

    static Optional<String> sharedWith(long id) {
        return TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT shared_with FROM forecast WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne());
    }

    static int shared() {
        return TestDatabase.rows("forecast WHERE shared_at IS NOT NULL OR shared_with IS NOT NULL");
    }
}
