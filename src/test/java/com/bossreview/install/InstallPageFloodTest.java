package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MultiWorkspaceAppTest;
import com.bossreview.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymous visits to /slack/install cost no database work, and spent states are purged a few at a
 * time.
 */
class InstallPageFloodTest extends MultiWorkspaceAppTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Pattern BORROWS =
            Pattern.compile(
                    "hikaricp_connections_usage_seconds_count\\{pool=\"bossreview\"} (\\S+)");

    @BeforeAll
    static void startApp() {
        start(NOW, Map.of());
    }

    /** How many times the request pool lent a connection so far. */
    private static double requestPoolBorrows() throws Exception {
        HttpResponse<String> metrics = app.get("/metrics");
        Matcher m = BORROWS.matcher(metrics.body());
        assertThat(m.find()).as("the request pool's usage in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void three_thousand_install_page_visits_store_nothing_and_borrow_no_connection()
            throws Exception {
        double before = requestPoolBorrows();
        Set<String> states = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            HttpResponse<String> page = app.get("/slack/install");
            assertThat(page.statusCode()).isEqualTo(200);
            states.add(page.headers().firstValue("Set-Cookie").orElseThrow());
        }
        assertThat(states).hasSize(3000);
        assertThat(TestDatabase.rows("oauth_state")).isZero();
        assertThat(requestPoolBorrows() - before)
                .isLessThan(5); // not one per visit (the old insert + full-table delete)

        // Every one of them still works, once.
        slack.grant(
                "code-after-flood",
                FakeSlack.Grant.workspace("T0FLOOD", "Flood", "xoxb-flood-token"));
        InstallBrowser.Started started = InstallBrowser.start(app);
        assertThat(InstallBrowser.finish(app, started, "code-after-flood").statusCode())
                .isEqualTo(200);
        assertThat(InstallBrowser.finish(app, started, "code-after-flood").body())
                .contains("already used");
    }

    @Test
    void each_redirect_purges_at_most_a_hundred_expired_spent_states_through_the_expiry_index()
            throws Exception {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO oauth_state (state_sha256, expires_at)
                SELECT md5(g::text), ? FROM generate_series(1, 5000) g""",
                                        NOW.minusSeconds(1)));
        slack.grant(
                "code-purge", FakeSlack.Grant.workspace("T0PURGE", "Purge", "xoxb-purge-token"));
        InstallBrowser.Started started = InstallBrowser.start(app);
        assertThat(InstallBrowser.finish(app, started, "code-purge").statusCode()).isEqualTo(200);

        assertThat(TestDatabase.rows("oauth_state WHERE expires_at <= '" + NOW + "'"))
                .isEqualTo(4900);
        assertThat(TestDatabase.rows("oauth_state WHERE expires_at > '" + NOW + "'"))
                .isEqualTo(1); // the one just spent
        String plan =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h -> {
                                    h.execute(
                                            "SET enable_seqscan = off"); // what the planner does on
                                    // a table too big to scan
                                    return String.join(
                                            "\n",
                                            h.createQuery(
                                                            "EXPLAIN SELECT state_sha256 FROM oauth_state WHERE expires_at <= now() "
                                                                    + "ORDER BY expires_at LIMIT 100")
                                                    .mapTo(String.class)
                                                    .list());
                                });
        assertThat(plan).contains("oauth_state_by_expiry");
    }
}
