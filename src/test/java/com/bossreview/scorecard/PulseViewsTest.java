package com.bossreview.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PulseViewsTest {
    @Test
    void a_pulse_value_carries_month_and_score_and_must_agree_with_its_button() {
        assertThat(PulseViews.parse("pulse_answer_4", "2026-11:4"))
                .contains(new PulseViews.Answer(YearMonth.of(2026, 11), 4));
        assertThat(PulseViews.parse("pulse_answer_5", "2026-11:4")).isEmpty();
        assertThat(PulseViews.parse("pulse_answer_6", "2026-11:6")).isEmpty();
        assertThat(PulseViews.parse("pulse_answer_0", "2026-11:0")).isEmpty();
        assertThat(PulseViews.parse("pulse_answer_3", "2026-13:3")).isEmpty();
        assertThat(PulseViews.parse("pulse_answer_3", " 2026-11:3")).isEmpty();
        assertThat(PulseViews.parse("pulse_answer_3", null)).isEmpty();
        assertThat(PulseViews.ACTIONS.matcher("pulse_answer_3").matches()).isTrue();
        assertThat(PulseViews.ACTIONS.matcher("pulse_answer_7").matches()).isFalse();
    }

    @Test
    void the_five_buttons_have_distinct_action_ids_as_slack_requires_in_one_block() {
        var buttons = PulseViews.buttons(YearMonth.of(2026, 11));
        assertThat(buttons).hasSize(5);
        assertThat(
                        buttons.stream()
                                .map(
                                        b ->
                                                ((com.slack.api.model.block.element.ButtonElement)
                                                                b)
                                                        .getActionId())
                                .distinct())
                .containsExactly(
                        "pulse_answer_1",
                        "pulse_answer_2",
                        "pulse_answer_3",
                        "pulse_answer_4",
                        "pulse_answer_5");
    }
}
