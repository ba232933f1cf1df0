package com.bossreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.time.ClockStyle;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewViewsTest {
    private static final IsoWeek W48 = new IsoWeek(2026, 48);

    private static Manager manager(Optional<String> boss, PrimeHours prime) {
        return new Manager(
                "T1",
                "U1",
                boss,
                ZoneId.of("America/Los_Angeles"),
                Optional.of(Instant.EPOCH),
                false,
                Optional.of(new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(16, 30))),
                prime,
                Month.JANUARY,
                DayOfWeek.MONDAY,
                LocalTime.of(8, 30),
                Manager.DEFAULT_BAD_NEWS_AFTER,
                List.of(21, 14, 7),
                Manager.DEFAULT_PREP_LEAD_DAYS,
                true,
                Optional.empty(),
                Instant.EPOCH,
                ClockStyle.H24);
    }

    private static Marking marking(
            ReviewState requested,
            Optional<ReviewState> before,
            Marking.Outcome outcome,
            int streak) {
        Optional<ReviewState> after =
                outcome == Marking.Outcome.CHANGED ? Optional.of(requested) : before;
        return new Marking(W48, requested, before, after, outcome, streak);
    }

    @Test
    void the_stored_slot_is_confirmed_in_words_with_zone_prime_hours_and_a_booking_suggestion() {
        String text =
                ReviewViews.slotStored(
                        new SlotChoice.Stored(
                                manager(Optional.of("U0BOSS"), PrimeHours.DEFAULT),
                                new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(7, 45))),
                        true);
        assertThat(text)
                .contains("*Fridays at 07:45*")
                .contains("America/Los_Angeles")
                .contains("outside your prime sales hours (09:00–12:00, 13:30–17:00)")
                .contains("recurring")
                .contains("<@U0BOSS>")
                .contains("/bossreview booked");
    }

    @Test
    void without_a_boss_the_suggestion_says_how_to_set_one() {
        String text =
                ReviewViews.slotStored(
                        new SlotChoice.Stored(
                                manager(Optional.empty(), PrimeHours.DEFAULT),
                                new ReviewSlot(DayOfWeek.SATURDAY, LocalTime.of(10, 0))),
                        false);
        assertThat(text)
                .contains("/bossreview boss @user")
                .contains("weekend")
                .contains("Slack profile")
                .doesNotContain("America/Los_Angeles");
    }

    @Test
    void the_refusal_names_the_prime_hours_and_the_nearest_clear_slots() {
        String text =
                ReviewViews.inPrimeHours(
                        new SlotChoice.InPrimeHours(
                                new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(10, 0)),
                                PrimeHours.DEFAULT,
                                List.of(LocalTime.of(8, 30), LocalTime.of(12, 0))));
        assertThat(text)
                .contains("*Friday 10:00* is in your prime sales hours (09:00–12:00, 13:30–17:00).")
                .contains("Try Friday 08:30 or Friday 12:00")
                .contains("`/bossreview settings prime 09:00-12:00`")
                .contains("Nothing was changed");
        String edge =
                ReviewViews.inPrimeHours(
                        new SlotChoice.InPrimeHours(
                                new ReviewSlot(DayOfWeek.MONDAY, LocalTime.of(8, 45)),
                                PrimeHours.DEFAULT,
                                List.of(LocalTime.of(8, 30), LocalTime.of(12, 0))));
        assertThat(edge)
                .contains(
                        "A 30-minute review at *Monday 08:45* would run into your prime sales hours");
        String none =
                ReviewViews.inPrimeHours(
                        new SlotChoice.InPrimeHours(
                                new ReviewSlot(DayOfWeek.MONDAY, LocalTime.of(8, 45)),
                                PrimeHours.parse("00:00-23:59"),
                                List.of()));
        assertThat(none).contains("Monday has no free 30 minutes");
    }

    @Test
    void echoed_words_cannot_mention_or_link() {
        String text =
                ReviewViews.slotProblem(
                        new SlotText.Unreadable(Optional.of("<!channel>"), Optional.of("`x`")));
        assertThat(text)
                .contains("&lt;!channel&gt;")
                .doesNotContain("<!channel>")
                .contains("'x'")
                .contains("Usage: `/bossreview review <day> <time>`");
        assertThat(ReviewViews.echo("x".repeat(100))).hasSize(31);
    }

    @Test
    void held_shows_the_streak_and_skip_says_it_does_not_break_it() {
        assertThat(
                        ReviewViews.marked(
                                marking(
                                        ReviewState.HELD,
                                        Optional.of(ReviewState.BOOKED),
                                        Marking.Outcome.CHANGED,
                                        3),
                                WeekWindow.CURRENT))
                .contains("This week's review (23–29 Nov) is marked as held — 3 weeks in a row 🔥");
        assertThat(
                        ReviewViews.marked(
                                marking(
                                        ReviewState.HELD,
                                        Optional.empty(),
                                        Marking.Outcome.CHANGED,
                                        1),
                                WeekWindow.PREVIOUS))
                .contains("Last week's review")
                .contains("1 week in a row 🔥");
        assertThat(
                        ReviewViews.marked(
                                marking(
                                        ReviewState.SKIPPED,
                                        Optional.empty(),
                                        Marking.Outcome.CHANGED,
                                        2),
                                WeekWindow.CURRENT))
                .contains("is skipped")
                .contains("Skipped weeks don't break your streak (2 weeks in a row 🔥)");
    }

    @Test
    void booking_gives_one_short_tip() {
        assertThat(
                        ReviewViews.marked(
                                marking(
                                        ReviewState.BOOKED,
                                        Optional.empty(),
                                        Marking.Outcome.CHANGED,
                                        0),
                                WeekWindow.CURRENT))
                .contains("is booked")
                .contains("bring one piece of news")
                .contains("ask for one piece of feedback");
    }

    @Test
    void a_held_review_is_kept_and_the_reply_says_nothing_changed() {
        assertThat(
                        ReviewViews.marked(
                                marking(
                                        ReviewState.SKIPPED,
                                        Optional.of(ReviewState.HELD),
                                        Marking.Outcome.KEPT_HELD,
                                        4),
                                WeekWindow.CURRENT))
                .contains("already took place")
                .contains("nothing to skip")
                .contains("Nothing was changed");
        assertThat(
                        ReviewViews.marked(
                                marking(
                                        ReviewState.BOOKED,
                                        Optional.of(ReviewState.HELD),
                                        Marking.Outcome.KEPT_HELD,
                                        4),
                                WeekWindow.CURRENT))
                .contains("already took place")
                .contains("stays marked as held")
                .doesNotContain("skip");
    }

    @Test
    void the_week_label_spans_a_month_or_a_year_boundary() {
        assertThat(ReviewViews.weekLabel(W48)).isEqualTo("23–29 Nov");
        assertThat(ReviewViews.weekLabel(new IsoWeek(2026, 53))).isEqualTo("28 Dec–3 Jan");
    }

    @Test
    void week_buttons_carry_the_week_and_only_the_useful_states() {
        assertThat(buttons(ReviewViews.weekActions(W48, Optional.empty())))
                .containsExactly(
                        ReviewViews.BOOKED_ACTION,
                        ReviewViews.HELD_ACTION,
                        ReviewViews.SKIP_ACTION);
        assertThat(buttons(ReviewViews.weekActions(W48, Optional.of(ReviewState.BOOKED))))
                .containsExactly(ReviewViews.HELD_ACTION, ReviewViews.SKIP_ACTION);
        assertThat(buttons(ReviewViews.weekActions(W48, Optional.of(ReviewState.SKIPPED))))
                .containsExactly(ReviewViews.HELD_ACTION);
        // Held: Add feedback (Held again) opens the feedback form once more.
        assertThat(buttons(ReviewViews.weekActions(W48, Optional.of(ReviewState.HELD))))
                .containsExactly(ReviewViews.HELD_ACTION);
        ActionsBlock block = (ActionsBlock) ReviewViews.weekActions(W48, Optional.empty()).get(0);
        assertThat(block.getElements())
                .allSatisfy(e -> assertThat(((ButtonElement) e).getValue()).isEqualTo("2026-W48"));
    }

    private static List<String> buttons(List<LayoutBlock> blocks) {
        return blocks.stream()
                .filter(b -> b instanceof ActionsBlock)
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .map(e -> ((ButtonElement) e).getActionId())
                .toList();
    }
}
