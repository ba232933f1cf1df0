package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.agenda.AgendaService;
import com.bossreview.agenda.PrepNudges;
import com.bossreview.config.Secret;
import com.bossreview.forecast.ForecastNudges;
import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.ManagerService;
import com.bossreview.news.NewsNudges;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewNudges;
import com.bossreview.review.ReviewService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.SlackClients;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.Nudging;
import com.bossreview.support.TestDatabase;
import com.slack.api.Slack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exactly once, with several dispatchers on one database, after a crash, and under Slack's 429s.
 */
@ExtendWith(TestDatabase.class)
class NudgeConcurrencyTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** DMs per second per workspace: the clock stands still, so a second's slots must do. */
    static final double RATE = 1000;

    private FakeSlack slack;
    private MutableClock clock;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<NudgeEngine, SimpleMeterRegistry> registries = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        slack = new FakeSlack(0, 64); // three instances' calls in flight at once
        clock = new MutableClock(NOW);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        slack.close();
    }

    /** A dispatcher as one app instance has it: its own Slack client, pools and instance id. */
    private NudgeEngine dispatcher() {
        return dispatcher(Pace.Config.of(RATE));
    }

    /**
     * One DM every 100 ms, no burst: for tests that need a workspace's DMs to reach Slack in order.
     */
    private NudgeEngine inOrder() {
        return dispatcher(new Pace.Config(10, Duration.ZERO, Duration.ofSeconds(2)));
    }

    private NudgeEngine dispatcher(Pace.Config pace) {
        Slack client = SlackClients.create(URI.create(slack.url()));
        AfterAck afterAck = new AfterAck(2);
        closeables.add(client);
        closeables.add(afterAck);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Jdbi jdbi = TestDatabase.database().jdbi();
        Messenger messenger = new Messenger(new SlackApi(client, new Secret("xoxb-test-token")));
        NudgeMetrics metrics = new NudgeMetrics(registry);
        Occurrences occurrences = new Occurrences(jdbi, metrics);
        NewsService news = new NewsService(jdbi, clock, NewsNudges.reminders(occurrences));
        ForecastService forecasts =
                new ForecastService(jdbi, clock, ForecastNudges.reminders(occurrences));
        AgendaService agendas =
                new AgendaService(
                        jdbi,
                        clock,
                        news,
                        forecasts,
                        new ReviewService(jdbi, clock),
                        new com.bossreview.feedback.FeedbackService(jdbi, clock),
                        new com.bossreview.agenda.AgendaItems(jdbi, clock));
        NudgeTypes types =
                NudgeTypes.of(
                        new ReviewNudges(jdbi),
                        new PrepNudges(jdbi, agendas),
                        new NewsNudges(jdbi, news),
                        new ForecastNudges(jdbi, forecasts));
        Materializer plans = new Materializer(jdbi, clock, occurrences, types);
        NudgeEngine d =
                new Nudges(
                                jdbi,
                                clock,
                                metrics,
                                plans,
                                new ManagerService(jdbi, clock, plans::replan),
                                messenger,
                                types,
                                pace)
                        .engine();
        closeables.add(d);
        registries.put(d, registry);
        return d;
    }

    private double possibleDuplicates(NudgeEngine d) {
        return registries.get(d).counter("nudges.possible.duplicates").count();
    }

    /**
     * {@code managers} managers over {@code teams} workspaces, each with a booking nudge due a
     * minute ago.
     */
    private static void dueNudges(int managers, int teams) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    """
                    INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                    SELECT 'T' || (g % ?), 'U' || g, 'UBOSS', 'UTC', ?, ? FROM generate_series(1, ?) g""",
                                    teams, NOW, NOW, managers);
                            h.execute(
                                    """
                    INSERT INTO nudge (team_id, user_id, kind, period, due_at)
                    SELECT team_id, user_id, 'BOOK_REVIEW', '2026-W48', ? FROM manager""",
                                    NOW.minusSeconds(60));
                        });
    }

    private Map<String, Long> successfulDmsPerUser() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> !c.faulted())
                .collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.counting()));
    }

    @Test
    void three_dispatchers_racing_over_5000_due_nudges_send_exactly_one_dm_each() {
        dueNudges(5000, 100);
        List<NudgeEngine> dispatchers = List.of(dispatcher(), dispatcher(), dispatcher());
        // A thread each (the common pool has one thread on a 2-core machine): they really race.
        var threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        closeables.add(threads::shutdownNow);
        List<CompletableFuture<Integer>> runs =
                dispatchers.stream()
                        .map(d -> CompletableFuture.supplyAsync(() -> Nudging.drain(d), threads))
                        .toList();
        int handled = runs.stream().map(CompletableFuture::join).mapToInt(Integer::intValue).sum();

        assertThat(handled).isEqualTo(5000); // each row claimed once
        assertThat(runs).allSatisfy(r -> assertThat(r.join()).isPositive()); // all three took part
        // On a loaded machine a few calls may find no connection (retried a second later, nothing
        // was sent): let the clock catch up with them.
        for (int i = 0; i < 10 && TestDatabase.rows("nudge WHERE state <> 'SENT'") > 0; i++) {
            clock.advance(Duration.ofSeconds(2));
            dispatchers.forEach(Nudging::drain);
        }
        Map<String, Long> perUser = successfulDmsPerUser();
        assertThat(perUser).hasSize(5000);
        assertThat(perUser.values()).containsOnly(1L);
        assertThat(TestDatabase.rows("nudge WHERE state = 'SENT'")).isEqualTo(5000);
    }

    @Test
    void rows_claimed_by_a_crashed_dispatcher_are_sent_once_after_the_lease() {
        dueNudges(300, 3);
        // A dispatcher claimed 100 rows and died before sending them.
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                UPDATE nudge SET state = 'CLAIMED', claimed_by = 'crashed', claimed_at = ?, attempts = 1
                WHERE id IN (SELECT id FROM nudge ORDER BY id LIMIT 100)""",
                                        NOW.minusSeconds(30)));
        NudgeEngine survivor = dispatcher();
        assertThat(Nudging.drain(survivor)).isEqualTo(200);
        assertThat(TestDatabase.rows("nudge WHERE state = 'CLAIMED' AND claimed_by = 'crashed'"))
                .isEqualTo(100);

        assertThat(possibleDuplicates(survivor)).isZero();

        clock.advance(Claimer.LEASE);
        assertThat(Nudging.drain(survivor)).isEqualTo(100);
        Map<String, Long> perUser = successfulDmsPerUser();
        assertThat(perUser).hasSize(300);
        assertThat(perUser.values()).containsOnly(1L);
        // The crashed dispatcher may have sent them before dying: each re-send is counted.
        assertThat(possibleDuplicates(survivor)).isEqualTo(100);
    }

    @Test
    void a_hanging_slack_call_holds_back_only_its_own_workspace_and_is_retried_within_seconds() {
        dueNudges(40, 2); // T0 and T1, twenty each
        slack.fail(
                "chat.postMessage",
                new FakeSlack.Fault.Timeout(
                        com.bossreview.slack.SlackApi.POST_TIMEOUT.plusSeconds(2)),
                1);
        NudgeEngine d = dispatcher();
        assertThat(Nudging.drain(d)).isEqualTo(40);

        List<FakeSlack.Call> calls = slack.calls("chat.postMessage");
        FakeSlack.Call hung =
                calls.stream().filter(FakeSlack.Call::faulted).findFirst().orElseThrow();
        String hungTeam =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT team_id FROM nudge WHERE user_id = :u")
                                                .bind("u", hung.param("channel"))
                                                .mapTo(String.class)
                                                .one());
        // The other workspace's twenty DMs all went out while the call was hanging (the app gives
        // up after 10 s).
        List<FakeSlack.Call> others =
                calls.stream()
                        .filter(c -> !c.faulted())
                        .filter(
                                c ->
                                        !TestDatabase.database()
                                                .jdbi()
                                                .withHandle(
                                                        h ->
                                                                h.createQuery(
                                                                                "SELECT team_id FROM nudge WHERE user_id = :u")
                                                                        .bind(
                                                                                "u",
                                                                                c.param("channel"))
                                                                        .mapTo(String.class)
                                                                        .one())
                                                .equals(hungTeam))
                        .toList();
        assertThat(others)
                .hasSize(20)
                .allSatisfy(c -> assertThat(c.at()).isBefore(hung.at().plusSeconds(4)));
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE state = 'PENDING' AND outcome = 'timeout' AND maybe_sent"))
                .isEqualTo(1);
        assertThat(possibleDuplicates(d)).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(Nudging.drain(d)).isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE state = 'SENT'")).isEqualTo(40);
        assertThat(successfulDmsPerUser()).hasSize(40);
        // Slack may have posted the timed-out call: the retry is counted as a possible duplicate.
        assertThat(possibleDuplicates(d)).isEqualTo(1);
    }

    @Test
    void
            a_connection_dropped_after_the_post_went_out_is_not_resent_by_the_http_client_and_the_retry_is_counted() {
        dueNudges(2, 1); // one workspace: one sender posts U1's DM, then U2's on the same pooled
        // connection
        slack.failWith(
                "chat.postMessage", n -> n == 2 ? new FakeSlack.Fault.DropConnection() : null);
        NudgeEngine d = dispatcher();
        assertThat(Nudging.drain(d)).isEqualTo(2);

        // Slack may have posted it: the client must not quietly post it again, the dispatcher
        // decides.
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE state = 'PENDING' AND outcome = 'connection_lost' AND maybe_sent"))
                .isEqualTo(1);
        assertThat(possibleDuplicates(d)).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(Nudging.drain(d)).isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE state = 'SENT'")).isEqualTo(2);
        assertThat(possibleDuplicates(d)).isEqualTo(1);
    }

    @Test
    void a_row_that_drew_an_odd_500_is_retried_within_a_second_while_its_workspace_is_answered() {
        dueNudges(10, 1);
        // This row already failed five times (say, over an earlier Slack incident); it is the most
        // overdue, sent first.
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE nudge SET attempts = 5, due_at = ? WHERE user_id = 'U10'",
                                        NOW.minusSeconds(120)));
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(500), 1);
        NudgeEngine d = inOrder();
        Nudging.drain(d);
        assertThat(TestDatabase.rows("nudge WHERE state = 'SENT'")).isEqualTo(9);
        // The workspace's other calls succeed, so the wait is the first one (≤ 1 s), not the sixth
        // (32 s).
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE user_id = 'U10' AND state = 'PENDING' AND outcome = 'http_500' "
                                        + "AND attempts = 6 AND due_at <= '"
                                        + NOW.plusSeconds(1)
                                        + "'"))
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        Nudging.drain(d);
        assertThat(successfulDmsPerUser()).hasSize(10);
    }

    @Test
    void the_rows_of_a_claim_whose_commit_failed_are_found_again_by_the_claims_exact_time() {
        dueNudges(3, 1);
        Instant failedClaim = Instant.parse("2026-11-25T10:00:00.123456Z");
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "UPDATE nudge SET state = 'CLAIMED', claimed_by = 'me', claimed_at = ?, attempts = 1 WHERE user_id = 'U1'",
                                    failedClaim);
                            h.execute(
                                    "UPDATE nudge SET state = 'CLAIMED', claimed_by = 'me', claimed_at = ?, attempts = 1 WHERE user_id = 'U2'",
                                    failedClaim.plusNanos(
                                            1000)); // a claim of mine one microsecond later, still
                            // in a sender's hands
                            h.execute(
                                    "UPDATE nudge SET state = 'CLAIMED', claimed_by = 'other', claimed_at = ?, attempts = 1 WHERE user_id = 'U3'",
                                    failedClaim);
                        });
        int released =
                TestDatabase.database()
                        .jdbi()
                        .withExtension(
                                NudgeDao.class,
                                dao ->
                                        dao.releaseClaimedAt(
                                                new long[] {
                                                    java.time.temporal.ChronoUnit.MICROS.between(
                                                            Instant.EPOCH, failedClaim)
                                                },
                                                "me"));
        assertThat(released).isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE user_id = 'U1' AND state = 'PENDING' AND attempts = 0"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE state = 'CLAIMED'")).isEqualTo(2);

        // An orphan is given back only under the claim it was orphaned with, not under a newer
        // claim of the row.
        long u2 =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery("SELECT id FROM nudge WHERE user_id = 'U2'")
                                                .mapTo(Long.class)
                                                .one());
        long older = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, failedClaim);
        long current = older + 1;
        NudgeDao dao = TestDatabase.database().jdbi().onDemand(NudgeDao.class);
        assertThat(dao.releaseUnsent(new long[] {u2}, new long[] {older}, new long[0], "me"))
                .isZero();
        assertThat(dao.releaseUnsent(new long[] {u2}, new long[] {current}, new long[] {u2}, "me"))
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE user_id = 'U2' AND state = 'PENDING' AND maybe_sent"))
                .isEqualTo(1);
    }

    @Test
    void a_429_makes_every_instance_wait_for_that_workspace() {
        dueNudges(20, 1);
        slack.fail("chat.postMessage", new FakeSlack.Fault.RateLimited(30), 1);
        NudgeEngine first = dispatcher();
        NudgeEngine second = dispatcher();
        Nudging.drain(first);
        // The calls already on their way when Slack said 429 may have gone through; everything
        // else waits for Retry-After, to the second: the row that drew the 429, and the rows taken
        // back from the workspace's lane.
        long sent = TestDatabase.rows("nudge WHERE state = 'SENT'");
        assertThat(sent).isLessThan(20);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE state = 'PENDING' AND due_at = '"
                                        + NOW.plusSeconds(30)
                                        + "'"))
                .isEqualTo(20 - sent);
        assertThat(
                        TestDatabase.rows(
                                "workspace_pace WHERE next_slot >= '"
                                        + NOW.plusSeconds(30)
                                        + "' AND limited = 1"))
                .isEqualTo(1);
        // The second instance never got the 429, yet it leaves the workspace alone too.
        assertThat(Nudging.drain(second)).isZero();
        assertThat(slack.calls("chat.postMessage")).hasSize((int) sent + 1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(Nudging.drain(first) + Nudging.drain(second)).isEqualTo(20 - (int) sent);
        assertThat(successfulDmsPerUser().values()).hasSize(20).containsOnly(1L);
    }

    @Test
    void a_dispatcher_whose_claim_expired_does_not_send() {
        dueNudges(1, 1);
        NudgeEngine slow = dispatcher();
        // Another dispatcher took the row over after this one's lease expired (simulated by the
        // claim owner).
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE nudge SET state = 'CLAIMED', claimed_by = 'other', claimed_at = ?",
                                        NOW));
        assertThat(Nudging.drain(slow)).isZero();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void every_nudge_is_delivered_once_when_slack_rate_limits_a_third_of_the_calls() {
        dueNudges(600, 6);
        slack.failEvery("chat.postMessage", 3, new FakeSlack.Fault.RateLimited(1));
        NudgeEngine d = dispatcher();
        for (int second = 0;
                second < 120 && TestDatabase.rows("nudge WHERE state <> 'SENT'") > 0;
                second++) {
            Nudging.drain(d);
            clock.advance(Duration.ofSeconds(1));
        }
        Map<String, Long> perUser = successfulDmsPerUser();
        assertThat(perUser).hasSize(600);
        assertThat(perUser.values()).containsOnly(1L);
        assertThat(slack.calls("chat.postMessage").stream().filter(FakeSlack.Call::faulted).count())
                .isPositive();
        assertThat(TestDatabase.rows("nudge WHERE state = 'SENT'")).isEqualTo(600);
    }

    @Test
    void a_rate_limited_workspace_does_not_hold_back_the_others() {
        dueNudges(20, 2); // teams T0 and T1
        slack.fail("chat.postMessage", new FakeSlack.Fault.RateLimited(30), 1);
        NudgeEngine d = dispatcher();
        Nudging.drain(d);
        Map<String, Long> perTeam =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT team_id, count(*) FROM nudge WHERE state = 'SENT' GROUP BY team_id")
                                                .map(
                                                        (rs, ctx) ->
                                                                Map.entry(
                                                                        rs.getString(1),
                                                                        rs.getLong(2)))
                                                .list())
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // One workspace got the 429 and waits 30 s; the other got all ten of its nudges.
        assertThat(perTeam.values()).contains(10L);
        assertThat(TestDatabase.rows("nudge WHERE state = 'PENDING'")).isPositive();
        clock.advance(Duration.ofSeconds(30));
        Nudging.drain(d);
        assertThat(TestDatabase.rows("nudge WHERE state = 'SENT'")).isEqualTo(20);
        assertThat(successfulDmsPerUser().values()).containsOnly(1L);
    }
}
