package com.bossreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotTextTest {

    @Test
    void a_day_and_a_time_are_read_in_the_spellings_people_type() {
        assertThat(SlotText.parse("fri 16:30"))
                .isEqualTo(new SlotText.Slot(DayOfWeek.FRIDAY, LocalTime.of(16, 30)));
        assertThat(SlotText.parse("Friday 7:45"))
                .isEqualTo(new SlotText.Slot(DayOfWeek.FRIDAY, LocalTime.of(7, 45)));
        assertThat(SlotText.parse("th 08:00"))
                .isEqualTo(new SlotText.Slot(DayOfWeek.THURSDAY, LocalTime.of(8, 0)));
        assertThat(SlotText.parse("  TUE   0730 "))
                .isEqualTo(new SlotText.Slot(DayOfWeek.TUESDAY, LocalTime.of(7, 30)));
        assertThat(SlotText.parse("on wednesday at 17.15"))
                .isEqualTo(new SlotText.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(17, 15)));
        assertThat(SlotText.parse("16:30 fri"))
                .isEqualTo(new SlotText.Slot(DayOfWeek.FRIDAY, LocalTime.of(16, 30)));
    }

    @Test
    void a_missing_piece_is_named() {
        assertThat(SlotText.parse("")).isInstanceOf(SlotText.Empty.class);
        assertThat(SlotText.parse("  at ")).isInstanceOf(SlotText.Empty.class);
        assertThat(SlotText.parse("fri")).isEqualTo(new SlotText.MissingTime(DayOfWeek.FRIDAY));
        assertThat(SlotText.parse("16:30"))
                .isEqualTo(new SlotText.MissingDay(LocalTime.of(16, 30)));
    }

    @Test
    void unreadable_words_are_named() {
        assertThat(SlotText.parse("funday 25:99"))
                .isEqualTo(new SlotText.Unreadable(Optional.of("funday"), Optional.of("25:99")));
        assertThat(SlotText.parse("fri 25:99"))
                .isEqualTo(new SlotText.Unreadable(Optional.empty(), Optional.of("25:99")));
        assertThat(SlotText.parse("t 16:30"))
                .isEqualTo(new SlotText.Unreadable(Optional.of("t"), Optional.empty()));
        assertThat(SlotText.parse("funday"))
                .isEqualTo(new SlotText.Unreadable(Optional.of("funday"), Optional.empty()));
        assertThat(SlotText.parse("24:00"))
                .isEqualTo(new SlotText.Unreadable(Optional.empty(), Optional.of("24:00")));
        assertThat(SlotText.parse("fri 13pm"))
                .isEqualTo(new SlotText.Unreadable(Optional.empty(), Optional.of("13pm")));
        assertThat(SlotText.parse("fri 4pm"))
                .isEqualTo(
                        new SlotText.Slot(
                                java.time.DayOfWeek.FRIDAY, java.time.LocalTime.of(16, 0)));
        assertThat(SlotText.parse("fri 4 pm"))
                .isEqualTo(
                        new SlotText.Slot(
                                java.time.DayOfWeek.FRIDAY, java.time.LocalTime.of(16, 0)));
        assertThat(SlotText.parse("🎉 🎉"))
                .isEqualTo(new SlotText.Unreadable(Optional.of("🎉"), Optional.of("🎉")));
        assertThat(SlotText.parse("fri 16:30 please")).isInstanceOf(SlotText.TooManyWords.class);
        assertThat(SlotText.parse("'; drop table manager; --"))
                .isInstanceOf(SlotText.TooManyWords.class);
    }
}
