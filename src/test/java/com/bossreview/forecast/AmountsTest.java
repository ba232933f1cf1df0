package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "250k         | 250000.00",
                "250K         | 250000.00",
                "1.2M         | 1200000.00",
                "1.2m         | 1200000.00",
                "1.2MM        | 1200000.00",
                "$300,000     | 300000.00",
                "300,000      | 300000.00",
                "300000       | 300000.00",
                "300000.50    | 300000.50",
                "300,000.5    | 300000.50",
                "$1,200,000   | 1200000.00",
                "€250k        | 250000.00",
                "£1.5M        | 1500000.00",
                "$ 300,000    | 300000.00",
                "1.2 M        | 1200000.00",
                "2.5bn        | 2500000000.00",
                "2.5B         | 2500000000.00",
                "10bn         | 10000000000.00",
                "0.5M         | 500000.00",
                ".5M          | 500000.00",
                "1.2345M      | 1234500.00",
                "007k         | 7000.00",
                "0.01         | 0.01",
                "'  42  '     | 42.00",
            })
    void every_usual_way_of_writing_a_figure_is_read(String text, String expected) {
        BigDecimal amount = Amounts.parse(text);
        assertThat(amount).isEqualByComparingTo(expected);
        assertThat(amount.scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "£250k        | GBP",
                "£ 1.5M       | GBP",
                "€250,000     | EUR",
                "$300,000     | USD",
                "$ 300,000.50 | USD",
                "250k         | ''",
                "300000       | ''",
            })
    void the_currency_typed_in_front_is_kept_with_the_figure(String text, String currency) {
        Amount amount = Amounts.read(text);
        assertThat(amount.currency().map(Enum::name).orElse("")).isEqualTo(currency);
        assertThat(amount.value()).isEqualByComparingTo(Amounts.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-250k           | can't be negative",
                "−250k           | can't be negative",
                "(250k)          | can't be negative",
                "$-250k          | can't be negative",
                "+50k            | not a change",
                "0               | more than zero",
                "0k              | more than zero",
                "$0.00           | more than zero",
                "lots            | `lots` isn't an amount",
                "12..5           | more than one decimal point",
                "1.2.3M          | more than one decimal point",
                "1,2,3           | commas must separate thousands",
                "30,0000         | commas must separate thousands",
                "1,5M            | use a dot for decimals",
                "k               | has no number",
                "$               | has no number",
                "bn              | has no number",
                "300 000         | has a space",
                "10000000001     | above 10 billion",
                "10.01bn         | above 10 billion",
                "1,000,000,000,000 | above 10 billion",
                "300000.505      | at most 2 decimals",
                "0.001           | at most 2 decimals",
                "250kk           | isn't an amount I can read",
                "250k$           | isn't an amount I can read",
                "USD300          | isn't an amount",
                "1e6             | isn't an amount",
                "0x10            | isn't an amount",
                "''''; drop table forecast; --' | isn't an amount",
            })
    void refusals_say_what_was_wrong(String text, String reason) {
        assertThatThrownBy(() -> Amounts.parse(text))
                .isInstanceOf(Amounts.InvalidAmount.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("Nothing was saved")
                .hasMessageContaining("Usage: `/bossreview forecast <amount> [note]`")
                .hasMessageContaining("`250k`, `1.2M`, `$300,000`");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nothing_at_all_asks_for_the_figure(String text) {
        assertThatThrownBy(() -> Amounts.parse(text)).hasMessageContaining("There's no amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"💰", "250k💰", "🚀🚀🚀", "２５０", "٢٥٠"})
    void emoji_and_foreign_digits_are_refused(String text) {
        assertThatThrownBy(() -> Amounts.parse(text))
                .isInstanceOf(Amounts.InvalidAmount.class)
                .hasMessageContaining("isn't an amount");
    }

    @Test
    void a_very_long_text_is_refused_without_being_echoed() {
        String text = "9".repeat(4000);
        assertThatThrownBy(() -> Amounts.parse(text))
                .hasMessageContaining("too long")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void echoed_input_cannot_mention_or_link_anyone() {
        assertThatThrownBy(() -> Amounts.parse("<!channel>"))
                .satisfies(
                        e ->
                                assertThat(e.getMessage())
                                        .contains("&lt;!channel&gt;")
                                        .doesNotContain("<!channel>"));
        assertThatThrownBy(() -> Amounts.parse("<@U123>"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("<@U123>"));
    }

    @Test
    void the_problem_alone_is_available_for_a_form_field() {
        assertThatThrownBy(() -> Amounts.parse("lots"))
                .isInstanceOfSatisfying(
                        Amounts.InvalidAmount.class,
                        e ->
                                assertThat(e.problem())
                                        .startsWith("`lots` isn't an amount")
                                        .doesNotContain("Usage"));
    }

    @Test
    void suffixes_typed_apart_are_recognised() {
        assertThat(Amounts.isSuffix("k")).isTrue();
        assertThat(Amounts.isSuffix("M")).isTrue();
        assertThat(Amounts.isSuffix("BN")).isTrue();
        assertThat(Amounts.isSuffix("deal")).isFalse();
    }
}
