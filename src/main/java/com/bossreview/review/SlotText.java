package com.bossreview.review;

import com.bossreview.time.Times;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words after {@code /bossreview review}: a day and a time, e.g. {@code fri 17:00}, {@code fri
 * 5pm}, {@code Friday 7:45}, {@code th 08:00}, also {@code on friday at 4:30 pm} or {@code 16:30
 * fri}.
 */
public sealed interface SlotText {
    record Slot(DayOfWeek day, LocalTime time) implements SlotText {}

    /** Nothing after {@code review}. */
    record Empty() implements SlotText {}

    record MissingTime(DayOfWeek day) implements SlotText {}

    record MissingDay(LocalTime time) implements SlotText {}

    /** Either word may be absent (empty) when only the other one is unreadable. */
    record Unreadable(Optional<String> day, Optional<String> time) implements SlotText {}

    record TooManyWords() implements SlotText {}

    static SlotText parse(String arguments) {
        List<String> words = new ArrayList<>();
        for (String w : arguments.strip().split("\\s+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (!words.isEmpty() && Times.isMeridiem(w)) {
                words.set(words.size() - 1, words.get(words.size() - 1) + w); // "5 pm" is one time
            } else if (!w.isEmpty() && !lower.equals("at") && !lower.equals("on")) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return new Empty();
        }
        if (words.size() > 2) {
            return new TooManyWords();
        }
        if (words.size() == 1) {
            String w = words.get(0);
            Optional<DayOfWeek> day = Times.parseDay(w);
            if (day.isPresent()) {
                return new MissingTime(day.get());
            }
            return time(w).<SlotText>map(MissingDay::new)
                    .orElseGet(
                            () ->
                                    looksLikeTime(w)
                                            ? new Unreadable(Optional.empty(), Optional.of(w))
                                            : new Unreadable(Optional.of(w), Optional.empty()));
        }
        String first = words.get(0);
        String second = words.get(1);
        if (Times.parseDay(second).isPresent() && time(first).isPresent()) {
            return new Slot(Times.parseDay(second).get(), time(first).get());
        }
        Optional<DayOfWeek> day = Times.parseDay(first);
        Optional<LocalTime> time = time(second);
        if (day.isPresent() && time.isPresent()) {
            return new Slot(day.get(), time.get());
        }
        return new Unreadable(
                day.isPresent() ? Optional.empty() : Optional.of(first),
                time.isPresent() ? Optional.empty() : Optional.of(second));
    }

    private static Optional<LocalTime> time(String word) {
        try {
            return Optional.of(Times.parseTime(word));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeTime(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }
}
