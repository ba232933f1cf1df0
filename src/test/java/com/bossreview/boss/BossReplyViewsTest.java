package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BossReplyViewsTest {
    private static final Pattern BROKEN_ENTITY = Pattern.compile("&(?!amp;|lt;|gt;)");

    @Test
    void button_values_name_the_thing_and_nothing_else_parses() {
        assertThat(Subject.parse("news:12")).contains(Subject.news(12));
        assertThat(Subject.parse("forecast:7")).contains(Subject.forecast(7));
        assertThat(Subject.parse("agenda:3")).map(Subject::value).contains("agenda:3");
        for (String bad :
                new String[] {
                    null,
                    "",
                    "12",
                    "news:",
                    "news:0",
                    "news:-1",
                    "NEWS:1",
                    "memo:1",
                    "news:1 ",
                    "news:1;agenda:2",
                    "news:99999999999999999999"
                }) {
            assertThat(Subject.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(Subject.parseLegacyNews("12")).contains(Subject.news(12));
        assertThat(Subject.parseLegacyNews("news:12")).isEmpty();
        assertThat(Subject.parseLegacyNews("0")).isEmpty();
    }

    @Test
    void
            a_dm_to_the_boss_ends_with_the_three_buttons_and_starts_with_the_introduction_only_when_asked() {
        List<LayoutBlock> body = List.of(section(s -> s.text(markdownText("the news"))));
        List<LayoutBlock> plain = BossReplyViews.dm(null, Subject.forecast(5), body);
        List<LayoutBlock> introduced = BossReplyViews.dm("U0MGR", Subject.forecast(5), body);

        assertThat(plain).hasSize(2).first().isSameAs(body.get(0));
        ActionsBlock buttons = (ActionsBlock) plain.get(1);
        assertThat(buttons.getElements())
                .extracting(e -> ((com.slack.api.model.block.element.ButtonElement) e).getValue())
                .containsOnly("forecast:5");
        assertThat(introduced).hasSize(4);
        assertThat(((SectionBlock) introduced.get(0)).getText().getText())
                .isEqualTo(
                        ":wave: <@U0MGR> uses *bossreview* to keep you informed; you get only what they choose to send.");
    }

    @Test
    void
            forecasts_and_agendas_are_acknowledged_with_got_it_and_news_with_thanks_under_the_same_action_id() {
        List<LayoutBlock> body = List.of(section(s -> s.text(markdownText("x"))));
        for (Subject subject : List.of(Subject.news(1), Subject.forecast(2), Subject.agenda(3))) {
            List<LayoutBlock> dm = BossReplyViews.dm("U0MGR", subject, body);
            ActionsBlock buttons = (ActionsBlock) dm.get(dm.size() - 1);
            String ack = subject.kind() == Subject.Kind.NEWS ? "Thanks" : "Got it";
            assertThat(buttons.getElements())
                    .extracting(
                            e -> {
                                var b = (com.slack.api.model.block.element.ButtonElement) e;
                                return b.getActionId() + "=" + b.getText().getText();
                            })
                    .containsExactly(
                            "boss_thanks=" + ack,
                            "boss_lets_talk=Let's talk",
                            "boss_ask=Ask a question");
            assertThat(
                            ((com.slack.api.model.block.ContextBlock) dm.get(1))
                                    .getElements()
                                    .toString())
                    .contains("*" + ack + "*, *Let's talk* or *Ask a question*");
        }
    }

    @Test
    void an_answered_dm_keeps_its_content_and_other_buttons_but_loses_the_answer_buttons() {
        LayoutBlock content = section(s -> s.text(markdownText("Forecast: *$250,000*")));
        LayoutBlock other =
                actions(
                        a ->
                                a.elements(
                                        List.of(
                                                button(
                                                        b ->
                                                                b.actionId("open_link")
                                                                        .text(
                                                                                plainText(
                                                                                        "Open"))))));
        LayoutBlock old =
                actions(
                        a ->
                                a.elements(
                                        List.of(
                                                button(
                                                        b ->
                                                                b.actionId("boss_ack_news")
                                                                        .text(plainText("x"))))));
        List<LayoutBlock> shown =
                BossReplyViews.dm("U0MGR", Subject.news(1), List.of(content, other, old));

        List<LayoutBlock> answered =
                BossReplyViews.answered(shown, BossReply.LETS_TALK, Subject.Kind.NEWS, "U0MGR");

        assertThat(answered).contains(content, other).doesNotContain(old).hasSize(5);
        assertThat(answered.stream().filter(b -> b instanceof ActionsBlock)).containsExactly(other);
    }

    @Test
    void a_quoted_question_fits_slacks_section_limit_and_mentions_no_one_whatever_was_typed() {
        for (String typed :
                new String[] {
                    "&".repeat(1000),
                    "<".repeat(1000),
                    "\n".repeat(998) + "x",
                    "😀".repeat(1000),
                    "<@U0CEO> ".repeat(111),
                    "a".repeat(1000)
                }) {
            List<String> chunks = Quote.chunks(typed);
            assertThat(chunks)
                    .allSatisfy(
                            c -> {
                                assertThat(c.length()).isLessThanOrEqualTo(Quote.SECTION_BUDGET);
                                assertThat(c)
                                        .startsWith("> ")
                                        .doesNotContain("<")
                                        .doesNotContain(">>");
                                assertThat(BROKEN_ENTITY.matcher(c).find())
                                        .as("entity cut in %s", c)
                                        .isFalse();
                                assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1)))
                                        .isFalse();
                                assertThat(c.split("\n"))
                                        .allSatisfy(line -> assertThat(line).startsWith("> "));
                            });
            String joined = String.join("", chunks);
            assertThat(count(joined, "&lt;")).isEqualTo(count(typed, "<"));
            assertThat(count(joined, "&amp;")).isEqualTo(count(typed, "&"));
        }
        assertThat(Quote.sections("<!here> x"))
                .singleElement()
                .satisfies(
                        b -> {
                            MarkdownTextObject text =
                                    (MarkdownTextObject) ((SectionBlock) b).getText();
                            assertThat(text.getText()).isEqualTo("> &lt;!here&gt; x");
                            assertThat(text.getVerbatim()).isTrue();
                        });
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
