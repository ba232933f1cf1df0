package com.bossreview.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdviceTest {
    static final Instant NOW = Instant.parse("2026-12-01T14:00:00Z");
    static final Span SPAN =
            new Span(
                    Instant.parse("2026-10-01T04:00:00Z"),
                    NOW,
                    new com.bossreview.time.FiscalQuarter(2026, 4, java.time.Month.JANUARY),
                    "Q4 FY2026 so far");

    private static Scorecard card(
            Scorecard.BadNews bad, Scorecard.Downgrades down, int held, int weeks, int agendas) {
        return new Scorecard(
                SPAN,
                bad,
                down,
                Optional.of(new Scorecard.HeldRate(held, weeks)),
                agendas,
                new Scorecard.Acknowledgements(0, 0, 0));
    }

    static final Scorecard.BadNews FAST = new Scorecard.BadNews(List.of(Duration.ofMinutes(10)), 0);
    static final Scorecard.Downgrades NONE = new Scorecard.Downgrades(0, 0, 0);

    @Test
    void the_suggestion_comes_from_the_weakest_figure_worst_first() {
        String boss = "<@UBOSS>";
        assertThat(
                        Advice.suggestion(
                                card(new Scorecard.BadNews(List.of(), 2), NONE, 9, 9, 3), boss))
                .startsWith("Tell <@UBOSS> the 2 bad news items still waiting, today");
        assertThat(Advice.suggestion(card(FAST, new Scorecard.Downgrades(1, 0, 1), 9, 9, 3), boss))
                .startsWith("Your forecast is below what <@UBOSS> was told");
        Scorecard.BadNews slow =
                new Scorecard.BadNews(
                        List.of(Duration.ofHours(3), Duration.ofMinutes(5), Duration.ofHours(5)),
                        0);
        assertThat(Advice.suggestion(card(slow, NONE, 9, 9, 3), boss))
                .contains("within the hour only 1 of 3 times");
        assertThat(Advice.suggestion(card(FAST, new Scorecard.Downgrades(0, 1, 0), 9, 9, 3), boss))
                .startsWith("Tell a downgrade the day the number moves");
        assertThat(Advice.suggestion(card(FAST, NONE, 5, 9, 3), boss))
                .startsWith("Your weekly review happened 5 of 9 weeks");
        assertThat(Advice.suggestion(card(FAST, NONE, 9, 9, 0), boss))
                .startsWith("Send <@UBOSS> the agenda");
        assertThat(Advice.suggestion(card(FAST, NONE, 9, 9, 3), boss))
                .startsWith("Every figure looks healthy");
    }

    @Test
    void social_time_gets_a_gentle_word_when_absent_for_six_weeks_or_very_frequent() {
        String boss = "<@UBOSS>";
        assertThat(Advice.social(List.of(), NOW, boss))
                .hasValueSatisfying(s -> assertThat(s).contains("say yes to the next coffee"));
        assertThat(Advice.social(List.of(NOW.minus(Duration.ofDays(43))), NOW, boss))
                .hasValueSatisfying(s -> assertThat(s).contains("It has been a while"));
        assertThat(Advice.social(List.of(NOW.minus(Duration.ofDays(41))), NOW, boss)).isEmpty();
        List<Instant> three =
                List.of(
                        NOW.minus(Duration.ofDays(1)),
                        NOW.minus(Duration.ofDays(9)),
                        NOW.minus(Duration.ofDays(20)));
        assertThat(Advice.social(three, NOW, boss)).isEmpty();
        List<Instant> four = new java.util.ArrayList<>(three);
        four.add(NOW.minus(Duration.ofDays(29)));
        assertThat(Advice.social(four, NOW, boss))
                .hasValueSatisfying(
                        s ->
                                assertThat(s)
                                        .contains(
                                                "4 social times with <@UBOSS> in the last 30 days")
                                        .contains("without trying to be their best friend"));
    }
}
