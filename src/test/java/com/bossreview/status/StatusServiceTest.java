package com.bossreview.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewService;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The card read in one query is the card the feature services build part by part (manager, this
 * week, unshared news, latest forecast of the quarter, streak), whatever the data and the moment.
 */
@ExtendWith(TestDatabase.class)
class StatusServiceTest {
    private static final String TEAM = "T0001";
    private static final String ME = "U0MANAGER";
    private static final String OTHER = "U0OTHER";

    /** Wednesday of 2026-W48. */
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00.123456Z");

    private final MutableClock clock = new MutableClock(WEDNESDAY);
    private Jdbi jdbi;
    private ManagerService managers;
    private StatusService status;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.database().jdbi();
        managers = new ManagerService(jdbi, clock, (t, u) -> {});
        status = new StatusService(TestDatabase.database().dataSource(), clock);
    }

    /** The card as it was built before: one service call (and one connection) per part. */
    private StatusCard partByPart(String team, String user) {
        Manager m = managers.find(team, user).orElseThrow();
        var reviews = new ReviewService(jdbi, clock);
        var news = new NewsService(jdbi, clock, NewsService.Reminders.NONE);
        var forecasts = new ForecastService(jdbi, clock, ForecastService.Reminders.NONE);
        var now = clock.instant();
        var quarter = forecasts.currentQuarter(m);
        return new StatusCard(
                m,
                now,
                reviews.currentWeek(m),
                reviews.thisWeek(m),
                news.open(team, user),
                forecasts.latest(m),
                forecasts.lastTold(m),
                quarter,
                quarter.daysLeft(m.today(now)),
                reviews.streak(m));
    }

    @Test
    void a_stranger_has_no_card_and_nothing_is_stored() {
        assertThat(status.card(TEAM, "U0NEWBIE")).isEmpty();
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void a_new_manager_with_nothing_recorded() {
        managers.getOrCreate(TEAM, ME);
        StatusCard card = status.card(TEAM, ME).orElseThrow();
        assertThat(card).isEqualTo(partByPart(TEAM, ME));
        assertThat(card.thisWeek()).isEmpty();
        assertThat(card.unsharedNews()).isEmpty();
        assertThat(card.forecast()).isEmpty();
        assertThat(card.streak()).isZero();
    }

    @Test
    void everything_recorded_matches_the_card_built_part_by_part_at_many_moments() {
        managers.getOrCreate(TEAM, ME);
        managers.getOrCreate(TEAM, OTHER);
        jdbi.useHandle(
                h -> {
                    h.execute(
                            "UPDATE manager SET boss_user_id = 'U0BOSS', time_zone = 'Pacific/Kiritimati', fiscal_start_month = 2, "
                                    + "review_day = 5, review_time = '16:30', paused_until = '2026-12-01' WHERE user_id = ?",
                            ME);
                    // Held and skipped weeks over a year end, a gap that ends the streak earlier,
                    // this week booked.
                    int[][] weeks = {
                        {2025, 40},
                        {2025, 42},
                        {2025, 52},
                        {2026, 1},
                        {2026, 2},
                        {2026, 45},
                        {2026, 46},
                        {2026, 47},
                        {2026, 48}
                    };
                    String[] states = {
                        "HELD", "HELD", "HELD", "SKIPPED", "HELD", "HELD", "SKIPPED", "HELD",
                        "BOOKED"
                    };
                    for (int i = 0; i < weeks.length; i++) {
                        h.execute(
                                "INSERT INTO weekly_review VALUES (?, ?, ?, ?, ?, ?)",
                                TEAM,
                                ME,
                                weeks[i][0],
                                weeks[i][1],
                                states[i],
                                WEDNESDAY.minus(Duration.ofDays(7L * (weeks.length - i))));
                    }
                    h.execute(
                            "INSERT INTO weekly_review VALUES (?, ?, 2026, 49, 'HELD', ?)",
                            TEAM,
                            OTHER,
                            WEDNESDAY);
                    // News: unshared good and bad (text that needs escaping in JSON), shared,
                    // acknowledged, someone else's,
                    // told outside Slack, dismissed.
                    String[][] news = {
                        {"GOOD", "won \"Acme\" — 120k\nnext: Globex ✓", null, null},
                        {"BAD", "lost Initech \\ ugh", null, null},
                        {"BAD", "shared already", "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z"},
                        {"GOOD", "🎉 emoji", null, null},
                        {"BAD", "told", "2026-11-20T09:00:00Z", null},
                        {"BAD", "told by phone", "2026-11-21T09:00:00Z", null},
                        {"BAD", "logged by mistake", null, null}
                    };
                    for (int i = 0; i < news.length; i++) {
                        h.createUpdate(
                                        "INSERT INTO news (team_id, user_id, kind, body, logged_at, shared_at, shared_with, acknowledged_at) "
                                                + "VALUES (:t, :u, :k, :b, :at, :shared::timestamptz, CASE WHEN :shared::text IS NULL THEN NULL ELSE 'U0BOSS' END, "
                                                + ":ack::timestamptz)")
                                .bind("t", TEAM)
                                .bind("u", ME)
                                .bind("k", news[i][0])
                                .bind("b", news[i][1])
                                .bind(
                                        "at",
                                        WEDNESDAY
                                                .minus(Duration.ofMinutes(997L * (i + 1)))
                                                .plusNanos(1000L * i))
                                .bind("shared", news[i][2])
                                .bind("ack", news[i][3])
                                .execute();
                    }
                    h.execute("UPDATE news SET told_how = 'OUTSIDE' WHERE body = 'told by phone'");
                    h.execute(
                            "UPDATE news SET dismissed_at = ? WHERE body = 'logged by mistake'",
                            WEDNESDAY);
                    h.execute(
                            "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'BAD', 'not mine', ?)",
                            TEAM,
                            OTHER,
                            WEDNESDAY);
                    // Forecasts: several quarters (also as labelled under another fiscal-year
                    // start), two at the same instant,
                    // cents, a note, one shared; and someone else's newer figure.
                    Object[][] forecasts = {
                        {2026, 4, "250000.00", null, "2026-11-01T00:00:00Z"},
                        {2026, 4, "240000.50", "\"big\" deal", "2026-11-20T08:00:00.654321Z"},
                        {2026, 4, "260000", null, "2026-11-20T08:00:00.654321Z"},
                        {2026, 3, "300000", "q3", "2026-08-01T00:00:00Z"},
                        {2027, 1, "90000", null, "2026-11-02T00:00:00Z"},
                        {2027, 4, "70000", null, "2026-11-03T00:00:00Z"}
                    };
                    for (Object[] f : forecasts) {
                        h.createUpdate(
                                        "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, note, recorded_at) "
                                                + "VALUES (:t, :u, :y, :q, :a::numeric, :n, :at::timestamptz)")
                                .bind("t", TEAM)
                                .bind("u", ME)
                                .bind("y", (int) f[0])
                                .bind("q", (int) f[1])
                                .bind("a", (String) f[2])
                                .bind("n", (String) f[3])
                                .bind("at", (String) f[4])
                                .execute();
                    }
                    h.execute(
                            "UPDATE forecast SET shared_at = ?, shared_with = 'U0BOSS' WHERE amount = 300000",
                            WEDNESDAY);
                    h.execute(
                            "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, recorded_at) VALUES (?, ?, 2026, 4, 1, ?)",
                            TEAM,
                            OTHER,
                            WEDNESDAY);
                });

        // Moments: now, across the local midnight of a +14:00 zone, the next weeks, the next
        // quarters.
        Instant[] moments = {
            WEDNESDAY,
            Instant.parse("2026-11-29T09:59:59Z"),
            Instant.parse("2026-11-29T10:00:00Z"),
            WEDNESDAY.plus(Duration.ofDays(7)),
            WEDNESDAY.plus(Duration.ofDays(14)),
            Instant.parse("2027-01-31T10:00:00Z"),
            Instant.parse("2027-02-01T10:00:00Z"),
            Instant.parse("2027-11-10T10:00:00Z")
        };
        for (Instant at : moments) {
            clock.set(at);
            assertThat(status.card(TEAM, ME)).as("at %s", at).contains(partByPart(TEAM, ME));
            assertThat(status.card(TEAM, OTHER))
                    .as("other at %s", at)
                    .contains(partByPart(TEAM, OTHER));
        }

        clock.set(WEDNESDAY);
        StatusCard card = status.card(TEAM, ME).orElseThrow();
        assertThat(card.streak()).isEqualTo(2);
        assertThat(card.unsharedNews())
                .extracting(n -> n.body())
                .containsExactly(
                        "🎉 emoji", "lost Initech \\ ugh", "won \"Acme\" — 120k\nnext: Globex ✓");
        assertThat(card.forecast().map(f -> f.amount().toPlainString()))
                .contains("70000.00"); // FY from February: Q4 FY2027

        // The fiscal year starting in January relabels the quarters: the card follows the manager's
        // setting,
        // and of two figures recorded at the same instant the later row wins.
        jdbi.useHandle(
                h -> h.execute("UPDATE manager SET fiscal_start_month = 1 WHERE user_id = ?", ME));
        assertThat(status.card(TEAM, ME)).contains(partByPart(TEAM, ME));
        assertThat(
                        status.card(TEAM, ME)
                                .orElseThrow()
                                .forecast()
                                .map(f -> f.amount().toPlainString()))
                .contains("260000.00");
    }

    @Test
    void the_card_takes_one_connection_and_one_statement_and_gives_the_connection_back() {
        managers.getOrCreate(TEAM, ME);
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        DataSource ds = TestDatabase.database().dataSource();
        DataSource counting =
                (DataSource)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {DataSource.class},
                                (pool, poolMethod, poolArgs) -> {
                                    if (!poolMethod.getName().equals("getConnection")) {
                                        return invoke(poolMethod, ds, poolArgs);
                                    }
                                    connections.incrementAndGet();
                                    Connection real = ds.getConnection();
                                    return Proxy.newProxyInstance(
                                            getClass().getClassLoader(),
                                            new Class<?>[] {Connection.class},
                                            (proxy, method, args) -> {
                                                if (method.getName().startsWith("prepare")
                                                        || method.getName()
                                                                .equals("createStatement")) {
                                                    statements.incrementAndGet();
                                                }
                                                if (method.getName().equals("close")) {
                                                    closed.incrementAndGet();
                                                }
                                                return invoke(method, real, args);
                                            });
                                });
        assertThat(new StatusService(counting, clock).card(TEAM, ME))
                .contains(partByPart(TEAM, ME));
        assertThat(new StatusService(counting, clock).card(TEAM, "U0NEWBIE")).isEmpty();
        assertThat(connections).hasValue(2);
        assertThat(statements).hasValue(2);
        assertThat(closed).hasValue(2);
    }

    @Test
    void
            no_connection_to_be_had_is_reported_as_jdbi_does_so_that_the_app_answers_temporarily_unavailable() {
        // Hikari's closed pool: a plain SQLException without SQLState (as at shutdown, with
        // requests in flight).
        DataSource closed =
                (DataSource)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {DataSource.class},
                                (pool, method, args) -> {
                                    throw new java.sql.SQLException(
                                            "HikariDataSource HikariDataSource (bossreview) has been closed.");
                                });
        assertThatThrownBy(() -> new StatusService(closed, clock).card(TEAM, ME))
                .isInstanceOf(org.jdbi.v3.core.ConnectionException.class);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
