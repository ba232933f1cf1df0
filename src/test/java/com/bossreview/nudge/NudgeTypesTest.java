package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.config.Secret;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerService;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A kind the engine has never heard of becomes sendable by registering its type, and nothing else.
 */
@ExtendWith(TestDatabase.class)
class NudgeTypesTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final NudgeKind PING = NudgeKind.of("TEST_PING");

    /** Pings every manager an hour after the start of each planned week; skips user U2. */
    static final class Pings implements NudgeType {
        final List<Integer> prepared = new ArrayList<>();

        @Override
        public Set<NudgeKind> kinds() {
            return Set.of(PING);
        }

        @Override
        public Set<NudgeKind> periodic() {
            return kinds();
        }

        @Override
        public List<Occurrence> plan(Manager m, PlanWindow window) {
            return window.weeks().stream()
                    .map(
                            w ->
                                    NudgePlanner.occurrence(
                                            m,
                                            PING,
                                            new NudgePeriod.Week(w),
                                            w.day(DayOfWeek.MONDAY)
                                                    .atStartOfDay(m.zone())
                                                    .toInstant()
                                                    .plus(Duration.ofHours(1))))
                    .toList();
        }

        @Override
        public Batch prepare(List<Nudge> claimed) {
            prepared.add(claimed.size());
            return new Batch() {
                @Override
                public Optional<String> skip(Nudge n, Manager m, Instant now) {
                    return n.userId().equals("U2") ? Optional.of("not for U2") : Optional.empty();
                }

                @Override
                public NudgeMessage render(Nudge n, Manager m, Instant now) {
                    return new NudgeMessage("Ping for " + n.week(), List.of(), "Pings help.", true);
                }
            };
        }
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void a_registered_type_is_planned_checked_and_sent_end_to_end() {
        FakeSlack slack = new FakeSlack();
        closeables.add(slack);
        MutableClock clock = new MutableClock(NOW);
        Jdbi jdbi = TestDatabase.database().jdbi();
        jdbi.useHandle(
                h ->
                        h.execute(
                                """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES ('T1', 'U1', 'UBOSS', 'UTC', ?, ?), ('T1', 'U2', 'UBOSS', 'UTC', ?, ?)""",
                                NOW,
                                NOW,
                                NOW,
                                NOW));
        Pings pings = new Pings();
        NudgeTypes types = NudgeTypes.of(pings);
        NudgeMetrics metrics = new NudgeMetrics(new SimpleMeterRegistry());
        Materializer plans = new Materializer(jdbi, clock, new Occurrences(jdbi, metrics), types);
        Manager u1 = jdbi.withExtension(ManagerDao.class, d -> d.find("T1", "U1")).orElseThrow();
        // 2026-W49 starts Monday 30 Nov: its ping is due at 01:00 UTC, within the horizon.
        assertThat(plans.periodic(u1, NOW, NOW.plus(Duration.ofDays(8))))
                .extracting(o -> o.period().key())
                .containsExactly("2026-W49");

        assertThat(plans.materialize()).isEqualTo(2);
        Slack client = SlackClients.create(URI.create(slack.url()));
        AfterAck afterAck = new AfterAck(2);
        closeables.add(client);
        closeables.add(afterAck);
        NudgeEngine engine =
                new Nudges(
                                jdbi,
                                clock,
                                metrics,
                                plans,
                                new ManagerService(jdbi, clock, plans::replan),
                                new Messenger(new SlackApi(client, new Secret("xoxb-test-token"))),
                                types,
                                Pace.Config.of(1000))
                        .engine();
        closeables.add(engine);
        clock.set(LocalDate.of(2026, 11, 30).atTime(1, 5).toInstant(ZoneOffset.UTC));

        assertThat(Nudging.drain(engine)).isEqualTo(1);

        assertThat(pings.prepared).containsExactly(2); // one batch for the type's whole claim
        assertThat(slack.calls("chat.postMessage"))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.param("channel")).isEqualTo("U1");
                            assertThat(c.param("text")).isEqualTo("Ping for 2026-W49");
                            assertThat(c.json("blocks"))
                                    .contains("Snooze 2h", ":bulb: Pings help.", "nudge_actions");
                        });
        assertThat(TestDatabase.rows("nudge WHERE kind = 'TEST_PING' AND state = 'SENT'"))
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE kind = 'TEST_PING' AND state = 'SKIPPED' AND outcome = 'not for U2'"))
                .isEqualTo(1);
    }

    @Test
    void kinds_are_one_instance_per_stored_name_and_belong_to_one_type() {
        assertThat(NudgeKind.of("TEST_PING")).isSameAs(PING);
        assertThat(PING.name()).isEqualTo("TEST_PING");
        assertThatThrownBy(() -> NudgeTypes.of(new Pings(), new Pings()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEST_PING");
    }

    @Test
    void a_type_cannot_send_without_a_manager_a_kind_it_does_not_declare() {
        NudgeType stray =
                new NudgeType() {
                    @Override
                    public Set<NudgeKind> kinds() {
                        return Set.of(PING);
                    }

                    @Override
                    public Set<NudgeKind> withoutManager() {
                        return Set.of(NudgeKind.of("TEST_STRAY"));
                    }

                    @Override
                    public Batch prepare(List<Nudge> claimed) {
                        throw new AssertionError("never claimed");
                    }
                };
        assertThatThrownBy(() -> NudgeTypes.of(stray))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names kinds it does not declare");
    }
}
