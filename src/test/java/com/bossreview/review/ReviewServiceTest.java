package com.bossreview.review;

import static com.bossreview.review.ReviewState.BOOKED;
import static com.bossreview.review.ReviewState.HELD;
import static com.bossreview.review.ReviewState.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestDatabase;
import com.bossreview.time.IsoWeek;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ReviewServiceTest {
    private static final String TEAM = "T0001";
    private static final String ME = "U0MANAGER";

    /** Wednesday of 2026-W50, midday UTC. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-09T12:00:00Z"));

    private ManagerService managers;
    private ReviewService reviews;
    private Manager me;

    @BeforeEach
    void setUp() {
        managers = new ManagerService(TestDatabase.database().jdbi(), clock, (t, u) -> {});
        reviews = new ReviewService(TestDatabase.database().jdbi(), clock);
        me = managers.getOrCreate(TEAM, ME);
    }

    private void nextWeek() {
        clock.advance(Duration.ofDays(7));
    }

    @Test
    void the_transitions_keep_a_held_review_held_and_repeat_nothing() {
        assertThat(ReviewService.transition(Optional.empty(), BOOKED)).contains(BOOKED);
        assertThat(ReviewService.transition(Optional.of(BOOKED), HELD)).contains(HELD);
        assertThat(ReviewService.transition(Optional.of(SKIPPED), HELD)).contains(HELD);
        assertThat(ReviewService.transition(Optional.of(SKIPPED), BOOKED)).contains(BOOKED);
        assertThat(ReviewService.transition(Optional.of(BOOKED), SKIPPED)).contains(SKIPPED);
        assertThat(ReviewService.transition(Optional.of(HELD), BOOKED)).isEmpty();
        assertThat(ReviewService.transition(Optional.of(HELD), SKIPPED)).isEmpty();
        for (ReviewState s : ReviewState.values()) {
            assertThat(ReviewService.transition(Optional.of(s), s)).isEmpty();
        }
    }

    @Test
    void the_calendar_marks_a_week_held_once_and_leaves_a_skipped_one_alone() {
        IsoWeek week = reviews.currentWeek(me);
        assertThat(reviews.markHeldByCalendar(me, week)).as("no state yet").isTrue();
        assertThat(reviews.markHeldByCalendar(me, week)).as("already held").isFalse();
        assertThat(reviews.stateOf(me, week)).contains(HELD);

        IsoWeek booked = week.previous();
        reviews.mark(me, booked, BOOKED);
        assertThat(reviews.markHeldByCalendar(me, booked)).isTrue();
        assertThat(reviews.stateOf(me, booked)).contains(HELD);

        IsoWeek skipped = booked.previous();
        reviews.mark(me, skipped, SKIPPED);
        assertThat(reviews.markHeldByCalendar(me, skipped)).isFalse();
        assertThat(reviews.stateOf(me, skipped)).contains(SKIPPED);
    }

    @Test
    void marking_reports_what_happened_and_writes_only_changes() {
        IsoWeek week = reviews.currentWeek(me);
        assertThat(week).isEqualTo(new IsoWeek(2026, 50));
        assertThat(reviews.markWeek(me, week, BOOKED).outcome()).isEqualTo(Marking.Outcome.CHANGED);
        assertThat(reviews.markWeek(me, week, BOOKED).outcome()).isEqualTo(Marking.Outcome.ALREADY);
        Marking held = reviews.markWeek(me, week, HELD);
        assertThat(held.before()).contains(BOOKED);
        assertThat(held.after()).contains(HELD);
        assertThat(held.streak()).isEqualTo(1);
        Marking skip = reviews.markWeek(me, week, SKIPPED);
        assertThat(skip.outcome()).isEqualTo(Marking.Outcome.KEPT_HELD);
        assertThat(skip.after()).contains(HELD);
        assertThat(reviews.markWeek(me, week, BOOKED).outcome())
                .isEqualTo(Marking.Outcome.KEPT_HELD);
        assertThat(reviews.thisWeek(me)).contains(HELD);
        assertThat(TestDatabase.rows("weekly_review")).isEqualTo(1);
    }

    @Test
    void the_streak_counts_held_weeks_and_passes_over_skipped_ones() {
        reviews.markWeek(me, reviews.currentWeek(me), HELD); // 2026-W50
        assertThat(reviews.streak(me)).isEqualTo(1);
        nextWeek();
        assertThat(reviews.streak(me)).as("this week's review is still to come").isEqualTo(1);
        reviews.markWeek(me, reviews.currentWeek(me), BOOKED); // 2026-W51
        assertThat(reviews.streak(me)).as("booked is not held yet").isEqualTo(1);
        reviews.markWeek(me, reviews.currentWeek(me), HELD);
        assertThat(reviews.streak(me)).isEqualTo(2);
        nextWeek();
        reviews.markWeek(me, reviews.currentWeek(me), SKIPPED); // 2026-W52
        assertThat(reviews.streak(me)).isEqualTo(2);
        nextWeek();
        assertThat(reviews.currentWeek(me)).isEqualTo(new IsoWeek(2026, 53));
        reviews.markWeek(me, reviews.currentWeek(me), HELD); // 2026-W53
        assertThat(reviews.streak(me)).isEqualTo(3);
        nextWeek();
        assertThat(reviews.currentWeek(me)).isEqualTo(new IsoWeek(2027, 1));
        assertThat(reviews.streak(me)).isEqualTo(3);
        reviews.markWeek(me, reviews.currentWeek(me), HELD); // 2027-W01
        assertThat(reviews.streak(me)).as("across the year boundary").isEqualTo(4);
    }

    @Test
    void a_week_neither_held_nor_skipped_ends_the_streak() {
        reviews.markWeek(me, reviews.currentWeek(me), HELD); // W50
        nextWeek();
        reviews.markWeek(me, reviews.currentWeek(me), BOOKED); // W51 booked, never held
        nextWeek();
        assertThat(reviews.streak(me)).as("last week was only booked").isZero();
        reviews.markWeek(me, reviews.currentWeek(me), HELD); // W52
        assertThat(reviews.streak(me)).isEqualTo(1);
        nextWeek();
        nextWeek();
        assertThat(reviews.streak(me)).as("a week with nothing at all").isZero();
    }

    @Test
    void a_streak_of_only_skipped_weeks_is_zero_and_this_weeks_skip_keeps_it() {
        reviews.markWeek(me, reviews.currentWeek(me), SKIPPED);
        assertThat(reviews.streak(me)).isZero();
        reviews.mark(me, new IsoWeek(2026, 49), HELD);
        assertThat(reviews.streak(me)).isEqualTo(1);
    }

    @Test
    void the_streak_is_per_manager_and_per_workspace() {
        reviews.markWeek(me, reviews.currentWeek(me), HELD);
        Manager sameIdElsewhere = managers.getOrCreate("T0OTHER", ME);
        Manager colleague = managers.getOrCreate(TEAM, "U0OTHER");
        assertThat(reviews.streak(sameIdElsewhere)).isZero();
        assertThat(reviews.streak(colleague)).isZero();
        assertThat(reviews.thisWeek(sameIdElsewhere)).isEmpty();
    }

    @Test
    void only_this_week_and_last_week_can_be_marked() {
        IsoWeek now = reviews.currentWeek(me);
        assertThat(reviews.window(me, now)).isEqualTo(WeekWindow.CURRENT);
        assertThat(reviews.window(me, now.previous())).isEqualTo(WeekWindow.PREVIOUS);
        assertThat(reviews.window(me, now.previous().previous())).isEqualTo(WeekWindow.OVER);
        assertThat(reviews.window(me, now.next())).isEqualTo(WeekWindow.NOT_YET);
        clock.set(Instant.parse("2027-01-05T12:00:00Z"));
        assertThat(reviews.window(me, new IsoWeek(2026, 53))).isEqualTo(WeekWindow.PREVIOUS);
        assertThat(reviews.window(me, new IsoWeek(2026, 52))).isEqualTo(WeekWindow.OVER);
    }

    @Test
    void the_current_week_is_the_managers_own() {
        clock.set(
                Instant.parse("2026-11-29T20:00:00Z")); // Sunday in Los Angeles, Monday in Auckland
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE manager SET time_zone = 'Pacific/Auckland' WHERE team_id = ? AND user_id = ?",
                                        TEAM,
                                        ME));
        Manager auckland = managers.find(TEAM, ME).orElseThrow();
        assertThat(reviews.currentWeek(auckland)).isEqualTo(new IsoWeek(2026, 49));
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE manager SET time_zone = 'America/Los_Angeles' WHERE team_id = ? AND user_id = ?",
                                        TEAM,
                                        ME));
        assertThat(reviews.currentWeek(managers.find(TEAM, ME).orElseThrow()))
                .isEqualTo(new IsoWeek(2026, 48));
    }

    @Test
    void a_slot_in_prime_hours_stores_nothing_not_even_the_manager() {
        SlotChoice refused =
                reviews.chooseSlot(TEAM, "U0NEW", DayOfWeek.FRIDAY, LocalTime.of(10, 0));
        assertThat(refused).isInstanceOf(SlotChoice.InPrimeHours.class);
        assertThat(((SlotChoice.InPrimeHours) refused).nearest())
                .containsExactly(LocalTime.of(8, 30), LocalTime.of(12, 0));
        assertThat(TestDatabase.rows("manager WHERE user_id = 'U0NEW'")).isZero();
        SlotChoice stored =
                reviews.chooseSlot(TEAM, "U0NEW", DayOfWeek.FRIDAY, LocalTime.of(17, 0));
        assertThat(stored).isInstanceOf(SlotChoice.Stored.class);
        assertThat(((SlotChoice.Stored) stored).manager().reviewSlot())
                .map(Object::toString)
                .contains("Friday 17:00");
    }

    @Test
    void a_slot_is_checked_against_the_managers_own_prime_hours() {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE manager SET prime_hours = '07:00-10:00' WHERE team_id = ? AND user_id = ?",
                                        TEAM,
                                        ME));
        assertThat(reviews.chooseSlot(TEAM, ME, DayOfWeek.MONDAY, LocalTime.of(10, 0)))
                .isInstanceOf(SlotChoice.Stored.class);
        SlotChoice refused = reviews.chooseSlot(TEAM, ME, DayOfWeek.MONDAY, LocalTime.of(7, 30));
        assertThat(((SlotChoice.InPrimeHours) refused).nearest())
                .containsExactly(LocalTime.of(6, 30), LocalTime.of(10, 0));
        assertThat(managers.find(TEAM, ME).orElseThrow().reviewSlot())
                .map(Object::toString)
                .contains("Monday 10:00");
    }
}
