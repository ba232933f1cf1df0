package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.time.IsoWeek;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The boss's App Home section, the digest text and the digest's Mondays, as pure functions. */
class BossHomeViewsTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private static List<BossInbox.Entry> entries(int n, boolean answered, int textLength) {
        List<BossInbox.Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(
                    new BossInbox.Entry(
                            new SentItem(
                                    Subject.news(i + 1),
                                    "U0MGR" + (i % 3),
                                    AT.minusSeconds(60L * i),
                                    ":tada: Good news: " + "x".repeat(textLength),
                                    true),
                            answered ? Optional.of(BossReply.THANKS) : Optional.empty()));
        }
        return out;
    }

    @Test
    void the_section_fits_the_blocks_left_and_says_how_many_older_items_it_left_out() {
        List<LayoutBlock> blocks = BossHomeViews.blocks(entries(30, false, 20), false, false, 20);

        assertThat(blocks).hasSizeLessThanOrEqualTo(20);
        assertThat(blocks.toString()).contains("…and 22 older not shown.");
        ActionsBlock last = (ActionsBlock) blocks.get(blocks.size() - 1);
        assertThat(((ButtonElement) last.getElements().get(0)).getActionId())
                .isEqualTo(BossHomeViews.DIGEST_ON);
        assertThat(BossHomeViews.blocks(entries(30, true, 20), true, true, 100))
                .as("answered items have no buttons: one block each")
                .hasSize(30 + BossHomeViews.FIXED_BLOCKS);
    }

    @Test
    void nothing_sent_or_no_room_shows_no_section_and_an_answer_is_shown_in_the_bosss_words() {
        assertThat(BossHomeViews.blocks(List.of(), false, false, 100)).isEmpty();
        assertThat(BossHomeViews.blocks(entries(3, false, 5), false, false, 6)).isEmpty();

        List<LayoutBlock> blocks = BossHomeViews.blocks(entries(1, true, 5), false, true, 100);
        String item = ((SectionBlock) blocks.get(2)).getText().getText();
        assertThat(item)
                .startsWith(
                        "<@U0MGR0> · <!date^1795600800^{date_short_pretty} {time}|Wed 25 Nov 10:00 UTC>")
                .contains(":tada: Good news: xxxxx", "_:white_check_mark: You said thanks_");
    }

    @Test
    void a_long_digest_stays_within_one_section_and_points_to_app_home_for_the_rest() {
        DigestViews.Week week =
                new DigestViews.Week(
                        new IsoWeek(2026, 48),
                        entries(60, false, 150),
                        true,
                        List.of(
                                new QuarterRollups.Rollup(
                                        "Q4 FY2026",
                                        List.of("250,000", "$100,000"),
                                        List.of("U0MGR0", "U0MGR1"))));

        String text = DigestViews.message(week).text();

        assertThat(text.length()).isLessThanOrEqualTo(DigestViews.BUDGET);
        assertThat(text)
                .contains("more than 60 things, 60 not answered yet")
                .contains("…and more — all of it is on bossreview's App Home.")
                .endsWith("• Q4 FY2026: *250,000* + *$100,000* — <@U0MGR0>, <@U0MGR1>");
    }

    @Test
    void the_digest_is_planned_for_monday_0800_in_the_bosss_zone_across_daylight_saving() {
        DigestDao.OptIn london = new DigestDao.OptIn("T1", "U0BOSS", "Europe/London", AT);
        assertThat(
                        DigestNudges.mondays(
                                        london,
                                        Instant.parse("2026-03-27T00:00:00Z"),
                                        Instant.parse("2026-04-04T00:00:00Z"))
                                .stream()
                                .map(o -> o.dueAt().toString() + " " + o.period().key())
                                .toList())
                .contains("2026-03-23T08:00:00Z 2026-W13", "2026-03-30T07:00:00Z 2026-W14");
        assertThat(DigestNudges.zone("Not/AZone")).isEqualTo(java.time.ZoneOffset.UTC);
    }
}
