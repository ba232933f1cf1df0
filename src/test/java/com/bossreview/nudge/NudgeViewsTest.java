package com.bossreview.nudge;

import static com.bossreview.nudge.NudgePlannerTest.NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.agenda.PrepNudges;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.news.NewsNudges;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the nudge DMs say about time: when the review is, and which day's good news is waiting. */
class NudgeViewsTest {
    private static final Manager MANAGER =
            NudgePlannerTest.manager(
                    NEW_YORK,
                    DayOfWeek.MONDAY,
                    LocalTime.of(8, 30),
                    Optional.of(new ReviewSlot(DayOfWeek.MONDAY, LocalTime.of(17, 0))),
                    Month.JANUARY);

    private static Instant newYork(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, NEW_YORK).toInstant();
    }

    private static String goodNewsDm(Instant loggedAt, Instant sentAt) {
        NewsItem item = new NewsItem(7, "T1", "U1", NewsKind.GOOD, "Signed Initech", loggedAt);
        Nudge n =
                new Nudge(
                        1,
                        "T1",
                        "U1",
                        NewsNudges.GOOD_NEWS,
                        NudgePeriod.parse("news-7"),
                        sentAt,
                        Optional.of(7L),
                        0,
                        false);
        return NudgeViews.render(n, NewsNudges.render(n, MANAGER, item, sentAt), false).text();
    }

    private static String prepDm(String week, Instant sentAt) {
        Nudge n =
                new Nudge(
                        1,
                        "T1",
                        "U1",
                        PrepNudges.REVIEW_PREP,
                        NudgePeriod.parse(week),
                        sentAt,
                        Optional.empty(),
                        0,
                        false);
        return NudgeViews.render(n, PrepNudges.render(n, MANAGER, Optional.empty(), sentAt), false)
                .text();
    }

    @Test
    void on_a_monday_fridays_good_news_is_called_fridays() {
        String text = goodNewsDm(newYork(11, 27, 15, 0), newYork(11, 30, 8, 30));
        assertThat(text)
                .startsWith(":tada: Friday's good news is still waiting for <@UBOSS>")
                .doesNotContain("Yesterday");
    }

    @Test
    void on_a_tuesday_mondays_good_news_is_yesterdays() {
        assertThat(goodNewsDm(newYork(11, 30, 15, 0), newYork(12, 1, 8, 30)))
                .startsWith(":tada: Yesterday's good news is still waiting for <@UBOSS>");
    }

    @Test
    void yesterday_is_the_managers_calendar_day_not_utcs() {
        // Sunday 20:00 in New York is already Monday in UTC; on Tuesday morning it is Sunday's
        // news.
        assertThat(goodNewsDm(newYork(11, 29, 20, 0), newYork(12, 1, 8, 30)))
                .startsWith(":tada: Sunday's good news");
        // Monday 23:30 in New York is Tuesday in UTC; on Tuesday morning it is yesterday's.
        assertThat(goodNewsDm(newYork(11, 30, 23, 30), newYork(12, 1, 8, 30)))
                .startsWith(":tada: Yesterday's good news");
    }

    @Test
    void good_news_a_week_old_or_more_is_named_by_its_date() {
        assertThat(goodNewsDm(newYork(11, 20, 15, 0), newYork(11, 30, 8, 30)))
                .startsWith(":tada: Your good news from Friday 20 Nov is still waiting");
        assertThat(goodNewsDm(newYork(11, 23, 15, 0), newYork(11, 30, 8, 30)))
                .startsWith(":tada: Your good news from Monday 23 Nov is still waiting");
    }

    @Test
    void review_prep_says_when_the_review_is() {
        // The manager's review is on Mondays at 17:00; 2026-W49's Monday is 30 Nov.
        assertThat(prepDm("2026-W49", newYork(11, 27, 8, 30)))
                .startsWith(":spiral_note_pad: Your review with <@UBOSS> is on Monday at 17:00.");
        assertThat(prepDm("2026-W49", newYork(11, 29, 8, 30))).contains("is tomorrow at 17:00.");
        assertThat(prepDm("2026-W49", newYork(11, 30, 8, 30))).contains("is today at 17:00.");
        assertThat(prepDm("2026-W49~29412345", newYork(11, 30, 16, 30)))
                .contains("is today at 17:00.");
        assertThat(prepDm("2026-W49", newYork(11, 23, 8, 30)))
                .contains("is on Monday 30 Nov at 17:00.");
        assertThat(prepDm("2026-W49", newYork(11, 23, 8, 30))).doesNotContain("in an hour");
    }
}
