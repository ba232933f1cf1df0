package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastInputTest {

    @Test
    void the_first_word_is_the_amount_and_the_rest_the_note() {
        ForecastInput input = ForecastInput.parse("250k Acme slipped  to Q3");
        assertThat(input.amount()).isEqualByComparingTo("250000");
        assertThat(input.note()).contains("Acme slipped  to Q3");
    }

    @Test
    void no_note_is_fine() {
        assertThat(ForecastInput.parse(" 1.2M ").note()).isEmpty();
    }

    @Test
    void a_currency_symbol_or_multiplier_typed_apart_belongs_to_the_amount() {
        assertThat(ForecastInput.parse("$ 300,000 big deal").amount())
                .isEqualByComparingTo("300000");
        assertThat(ForecastInput.parse("$ 300,000 big deal").note()).contains("big deal");
        assertThat(ForecastInput.parse("1.2 M").amount()).isEqualByComparingTo("1200000");
        assertThat(ForecastInput.parse("250 k down from 300").note()).contains("down from 300");
        assertThat(ForecastInput.parse("250 k down from 300").amount())
                .isEqualByComparingTo("250000");
    }

    @Test
    void the_currency_comes_from_the_amount_never_from_the_note() {
        assertThat(ForecastInput.parse("£ 300,000 big deal").currency()).contains(Currency.GBP);
        assertThat(ForecastInput.parse("€1.2 M").currency()).contains(Currency.EUR);
        assertThat(ForecastInput.parse("250k was $300k").currency()).isEmpty();
        assertThat(ForecastInput.parse("250k was $300k").note()).contains("was $300k");
    }

    @Test
    void a_note_keeps_its_lines_and_emoji() {
        assertThat(ForecastInput.parse("250k line one\nline two 🚀").note())
                .contains("line one\nline two 🚀");
    }

    @Test
    void a_note_of_500_characters_is_accepted_and_501_refused() {
        assertThat(ForecastInput.parse("250k " + "x".repeat(500)).note())
                .map(String::length)
                .contains(500);
        assertThatThrownBy(() -> ForecastInput.parse("250k " + "x".repeat(501)))
                .hasMessageContaining("501 characters")
                .hasMessageContaining("500")
                .hasMessageContaining("Nothing was saved")
                .hasMessageContaining("/bossreview forecast <amount> [note]");
    }

    @Test
    void emoji_count_as_one_character_each_in_a_note() {
        assertThat(ForecastInput.parse("250k " + "🚀".repeat(500)).note()).isPresent();
    }

    @Test
    void an_empty_command_asks_for_the_amount() {
        assertThatThrownBy(() -> ForecastInput.parse("")).hasMessageContaining("There's no amount");
        assertThatThrownBy(() -> ForecastInput.parse("   "))
                .hasMessageContaining("There's no amount");
    }

    @Test
    void a_bad_first_word_is_refused_even_with_a_note() {
        assertThatThrownBy(() -> ForecastInput.parse("lots of money"))
                .hasMessageContaining("`lots` isn't an amount");
    }

    @Test
    void a_blank_note_is_no_note() {
        assertThat(ForecastInput.note("  \n ")).isEqualTo(Optional.empty());
    }
}
