package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ButtonValueTest {
    @Test
    void a_row_id_is_written_as_its_plain_number_and_read_back() {
        assertThat(ButtonValue.ofId(42)).isEqualTo("42");
        assertThat(ButtonValue.id(ButtonValue.ofId(42))).hasValue(42);
        assertThat(ButtonValue.id("999999999999999999")).hasValue(999_999_999_999_999_999L);
        assertThat(ButtonValue.id("007")).hasValue(7);
    }

    @Test
    void negative_ids_are_refused() {
        for (String negative : new String[] {"-1", "-42", "-0", "-999999999999999999", "−5"}) {
            assertThat(ButtonValue.id(negative)).as(negative).isEmpty();
        }
    }

    @Test
    void blanks_overflow_and_anything_but_digits_are_refused() {
        for (String bad :
                new String[] {
                    null,
                    "",
                    " ",
                    " 42",
                    "42 ",
                    "4 2",
                    "+42",
                    "0",
                    "000",
                    "1e3",
                    "4.2",
                    "0x2A",
                    "abc",
                    "42abc",
                    "1; DROP TABLE news",
                    "news:42",
                    "１２",
                    "9223372036854775807",
                    "1000000000000000000",
                    "99999999999999999999"
                }) {
            assertThat(ButtonValue.id(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void only_positive_ids_can_be_written() {
        assertThatThrownBy(() -> ButtonValue.ofId(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ButtonValue.ofId(-7)).isInstanceOf(IllegalArgumentException.class);
    }
}
