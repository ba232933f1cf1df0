package com.bossreview.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NewsViewsTest {
    private static final Instant LOGGED = Instant.parse("2025-03-04T08:00:00Z");

    private static NewsItem item(NewsKind kind, String body) {
        return new NewsItem(42, "T1", "U0MGR", kind, body, LOGGED);
    }

    private static NewsItem shared(NewsKind kind, String body, Duration after) {
        return new NewsItem(
                42,
                "T1",
                "U0MGR",
                kind,
                body,
                LOGGED,
                Optional.of(LOGGED.plus(after)),
                Optional.of("U0BOSS"),
                Optional.empty(),
                Optional.of(ToldHow.DM),
                Optional.empty());
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        return blocks.stream()
                .filter(ActionsBlock.class::isInstance)
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .map(ButtonElement.class::cast)
                .toList();
    }

    private static String text(List<LayoutBlock> blocks) {
        return blocks.stream()
                .map(
                        b -> {
                            if (b instanceof SectionBlock s) {
                                return s.getText().getText();
                            }
                            if (b instanceof ContextBlock c) {
                                return c.getElements().stream()
                                        .map(e -> ((MarkdownTextObject) e).getText())
                                        .collect(Collectors.joining());
                            }
                            return "";
                        })
                .collect(Collectors.joining("\n"));
    }

    @Test
    void good_news_offers_a_primary_share_with_boss_button_carrying_the_id() {
        List<LayoutBlock> blocks =
                NewsViews.logged(item(NewsKind.GOOD, "Acme signed"), Optional.of("U0BOSS"));
        ButtonElement button = buttons(blocks).get(0);
        assertThat(button.getActionId())
                .isEqualTo(NewsViews.SHARE_GOOD_NEWS)
                .isEqualTo("share_good_news");
        assertThat(button.getValue()).isEqualTo("42");
        assertThat(button.getStyle()).isEqualTo("primary");
        assertThat(button.getText().getText()).isEqualTo("Share with boss");
        assertThat(text(blocks))
                .contains("Good news travels fast — share it while it's fresh")
                .contains("> Acme signed")
                .contains("<@U0BOSS>");
    }

    @Test
    void bad_news_urges_with_a_primary_tell_boss_now_button_since_telling_is_not_destructive() {
        List<LayoutBlock> blocks =
                NewsViews.logged(item(NewsKind.BAD, "Lost Globex"), Optional.of("U0BOSS"));
        ButtonElement button = buttons(blocks).get(0);
        assertThat(button.getActionId()).isEqualTo("share_bad_news");
        assertThat(button.getStyle()).isEqualTo("primary");
        assertThat(button.getText().getText()).isEqualTo("Tell boss now");
        assertThat(text(blocks))
                .contains("Tell your boss now — they must never hear it from someone else first");
        assertThat(NewsViews.loggedText(item(NewsKind.BAD, "x"))).contains("Tell your boss now");
    }

    @Test
    void without_a_boss_the_reply_keeps_the_buttons_and_says_how_to_set_one() {
        List<LayoutBlock> blocks = NewsViews.logged(item(NewsKind.BAD, "x"), Optional.empty());
        assertThat(buttons(blocks))
                .extracting(ButtonElement::getActionId)
                .containsExactly("share_bad_news", "told_boss", "dismiss_news", "edit_news");
        assertThat(text(blocks)).contains("set one with `/bossreview boss @user`");
    }

    @Test
    void usage_lines_name_the_problem_and_the_command() {
        assertThat(NewsViews.usage(NewsKind.GOOD, new NewsText.Invalid(NewsText.Problem.EMPTY, 0)))
                .contains("What's the good news?")
                .contains("Usage: `/bossreview good <text>`");
        assertThat(
                        NewsViews.usage(
                                NewsKind.BAD,
                                new NewsText.Invalid(NewsText.Problem.TOO_LONG, 2345)))
                .contains("2,345 characters")
                .contains("at most 2,000")
                .contains("Usage: `/bossreview bad <text>`");
    }

    @Test
    void the_shared_message_names_boss_time_in_the_managers_zone_and_latency_and_has_no_button() {
        NewsItem item = shared(NewsKind.BAD, "Lost Globex", Duration.ofMinutes(12));
        List<LayoutBlock> blocks =
                NewsViews.shared(item, ZoneId.of("America/New_York"), Duration.ofMinutes(12));
        assertThat(buttons(blocks)).isEmpty();
        assertThat(text(blocks))
                .contains("Shared with <@U0BOSS> at 03:12")
                .contains("told your boss 12 minutes after logging it")
                .contains("> Lost Globex");
    }

    @Test
    void already_shared_says_when_and_with_whom() {
        NewsItem item = shared(NewsKind.GOOD, "x", Duration.ofMinutes(1));
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(NewsViews.alreadyShared(item, paris, LOGGED.plus(Duration.ofHours(2))))
                .contains("<@U0BOSS> today at 09:01");
        assertThat(NewsViews.alreadyShared(item, paris, LOGGED.plus(Duration.ofDays(2))))
                .contains("<@U0BOSS> on Tue 4 Mar at 09:01");
    }

    @Test
    void durations_read_naturally() {
        assertThat(NewsViews.duration(Duration.ofSeconds(59))).isEqualTo("less than a minute");
        assertThat(NewsViews.duration(Duration.ofSeconds(61))).isEqualTo("1 minute");
        assertThat(NewsViews.duration(Duration.ofMinutes(12))).isEqualTo("12 minutes");
        assertThat(NewsViews.duration(Duration.ofMinutes(125))).isEqualTo("2 h 05 min");
        assertThat(NewsViews.duration(Duration.ofDays(3).plusHours(5))).isEqualTo("3 days");
    }

    @Test
    void
            the_boss_dm_names_the_manager_and_quotes_the_news_leaving_the_answer_buttons_to_boss_dms() {
        NewsItem item = shared(NewsKind.BAD, "Lost <@U0CEO> & <!here>\nsecond line", Duration.ZERO);
        List<LayoutBlock> blocks = BossViews.dm(item);
        assertThat(buttons(blocks)).isEmpty();
        assertThat(text(blocks))
                .contains("Bad news from <@U0MGR>")
                .contains("> Lost &lt;@U0CEO&gt; &amp; &lt;!here&gt;\n> second line")
                .doesNotContain("<@U0CEO>")
                .doesNotContain("<!here>");
        assertThat(BossViews.dmText(item))
                .startsWith(":rotating_light: Bad news from <@U0MGR>: Lost &lt;@U0CEO&gt;");
    }

    @Test
    void the_manager_hears_which_news_the_boss_answered_briefly_and_escaped() {
        assertThat(BossViews.about(shared(NewsKind.GOOD, "A".repeat(300), Duration.ZERO)))
                .startsWith("your news 'AAA")
                .endsWith("…'")
                .hasSizeLessThan(100);
        assertThat(BossViews.about(shared(NewsKind.BAD, "Lost <@U0CEO>\n& more", Duration.ZERO)))
                .isEqualTo("your news 'Lost &lt;@U0CEO&gt; &amp; more'");
    }

    @Test
    void escaped_mentions_read_as_names_without_notifying_anyone() {
        assertThat(NewsMrkdwn.escape("thanks <@U123ABC|maria> in <#C0001|sales>"))
                .isEqualTo("thanks @maria in #sales");
        assertThat(NewsMrkdwn.escape("<!channel> <@U1> a&b"))
                .isEqualTo("&lt;!channel&gt; &lt;@U1&gt; a&amp;b");
    }

    @Test
    void quotes_fit_slacks_section_limit_whatever_the_text() {
        for (String text :
                new String[] {
                    "&".repeat(2000), "\n".repeat(1999) + "x", "😀".repeat(2000), "<".repeat(800)
                }) {
            String quote = NewsMrkdwn.quote(text, NewsMrkdwn.QUOTE_BUDGET);
            assertThat(quote.length()).isLessThanOrEqualTo(NewsMrkdwn.QUOTE_BUDGET);
            assertThat(quote)
                    .startsWith("> ")
                    .endsWith("…")
                    .doesNotContain("&amp…")
                    .doesNotContain("&lt;&l…");
            assertThat(Character.isHighSurrogate(quote.charAt(quote.length() - 2))).isFalse();
        }
        assertThat(NewsMrkdwn.quote("short\ntwo", 100)).isEqualTo("> short\n> two");
    }

    @Test
    void news_text_is_trimmed_checked_and_otherwise_kept_as_typed() {
        assertThat(NewsText.check("  hi 🎉 ")).isEqualTo(new NewsText.Valid("hi 🎉"));
        assertThat(NewsText.check("line one\nline two"))
                .isEqualTo(new NewsText.Valid("line one\nline two"));
        assertThat(NewsText.check("a\u0000b")).isEqualTo(new NewsText.Valid("ab"));
        assertThat(NewsText.check(" \t\n"))
                .isEqualTo(new NewsText.Invalid(NewsText.Problem.EMPTY, 0));
        assertThat(NewsText.check("😀".repeat(2000))).isInstanceOf(NewsText.Valid.class);
        assertThat(NewsText.check("😀".repeat(2001)))
                .isEqualTo(new NewsText.Invalid(NewsText.Problem.TOO_LONG, 2001));
    }

    private static NewsItem logged(long id, NewsKind kind, String body, Duration ago) {
        return new NewsItem(id, "T1", "U0MGR", kind, body, LOGGED.minus(ago));
    }

    @Test
    void every_item_button_carries_the_id_and_dismiss_asks_first() {
        List<ButtonElement> buttons =
                NewsViews.buttons(item(NewsKind.GOOD, "x"), true).stream()
                        .map(ButtonElement.class::cast)
                        .toList();
        assertThat(buttons)
                .extracting(ButtonElement::getActionId)
                .containsExactly("share_good_news", "told_boss", "dismiss_news", "edit_news");
        assertThat(buttons).extracting(ButtonElement::getValue).containsOnly("42");
        assertThat(buttons.get(1).getText().getText()).isEqualTo("I told them already");
        assertThat(buttons.get(2).getConfirm()).isNotNull();
        assertThat(buttons.get(2).getConfirm().getText().getText())
                .contains("stays in your export");
        assertThat(NewsViews.buttons(item(NewsKind.BAD, "x"), false))
                .extracting(b -> ((ButtonElement) b).getActionId())
                .containsExactly("share_bad_news", "told_boss", "dismiss_news");
    }

    @Test
    void the_open_list_puts_the_oldest_bad_news_first_and_fits_slacks_fifty_blocks() {
        List<NewsItem> open = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            open.add(
                    logged(
                            100 + i,
                            i % 3 == 0 ? NewsKind.BAD : NewsKind.GOOD,
                            "item " + i,
                            Duration.ofMinutes(i)));
        }
        List<LayoutBlock> list = NewsListViews.list(open, LOGGED, ":white_check_mark: done");

        assertThat(list.size()).isLessThanOrEqualTo(50);
        List<String> ids = buttons(list).stream().map(ButtonElement::getValue).distinct().toList();
        // Bad items are i = 0, 3, …, 57 (id 100 + i); the oldest (largest i) first.
        assertThat(ids).hasSize(NewsListViews.LIST_MAX).startsWith("157", "154", "151");
        assertThat(text(list)).startsWith(":white_check_mark: done").contains("…and 45 more");

        List<LayoutBlock> home = NewsListViews.home(open, LOGGED);
        assertThat(buttons(home).stream().map(ButtonElement::getValue).distinct())
                .hasSize(NewsListViews.HOME_MAX);
        assertThat(text(home))
                .contains("*Open news*")
                .contains("…and 52 more")
                .contains("`/bossreview news`");
        assertThat(home)
                .filteredOn(ActionsBlock.class::isInstance)
                .allSatisfy(
                        b -> assertThat(((ActionsBlock) b).getBlockId()).startsWith("news_home_"));
    }

    @Test
    void an_empty_list_says_nothing_is_open() {
        assertThat(text(NewsListViews.list(List.of(), LOGGED, null))).contains("Nothing open");
        assertThat(text(NewsListViews.home(List.of(), LOGGED)))
                .contains("*Open news*")
                .contains("Nothing open");
    }

    @Test
    void told_outside_and_dismissed_messages_have_no_buttons_and_say_nothing_was_sent() {
        NewsItem told =
                new NewsItem(
                        42,
                        "T1",
                        "U0MGR",
                        NewsKind.BAD,
                        "Lost Globex",
                        LOGGED,
                        Optional.of(LOGGED.plus(Duration.ofMinutes(90))),
                        Optional.of("U0BOSS"),
                        Optional.empty(),
                        Optional.of(ToldHow.OUTSIDE),
                        Optional.empty());
        List<LayoutBlock> blocks =
                NewsViews.toldOutside(told, ZoneId.of("UTC"), Duration.ofMinutes(90));
        assertThat(buttons(blocks)).isEmpty();
        assertThat(text(blocks))
                .contains("Marked as told outside Slack at 09:30, 1 h 30 min after logging it")
                .contains("Nothing was sent to <@U0BOSS>");
        assertThat(NewsViews.alreadyShared(told, ZoneId.of("UTC"), LOGGED))
                .contains("You marked this as told outside Slack");

        assertThat(buttons(NewsViews.dismissed(item(NewsKind.BAD, "oops")))).isEmpty();
        assertThat(text(NewsViews.dismissed(item(NewsKind.BAD, "oops"))))
                .contains("~oops~")
                .contains("Nothing was sent");
    }
}
