package com.bossreview.scorecard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three outcomes that show whether the coaching works, for one manager over one {@link Span}
 * (SPEC §10): how fast bad news reaches the boss, whether downgrades reach them in time, whether
 * the weekly review happens; and what the boss hears from the manager and answers. Computed by
 * {@link ScoreRules} from what the owners of the rows read; a value, rendered by {@link
 * ScorecardViews}.
 */
public record Scorecard(
        Span span,
        BadNews badNews,
        Downgrades downgrades,
        Optional<HeldRate> held,
        int agendasSent,
        Acknowledgements acks) {

    /** The latency rule: told within this long counts as told "within an hour". */
    public static final Duration FAST = Duration.ofHours(1);

    /**
     * Bad news logged in the span and not dismissed.
     *
     * @param latencies from logged (or the CRM change behind it) to told, for those told
     * @param untold how many the boss was not told yet
     */
    public record BadNews(List<Duration> latencies, int untold) {
        public BadNews {
            latencies = List.copyOf(latencies);
        }

        public int told() {
            return latencies.size();
        }

        public int toldFast() {
            return (int) latencies.stream().filter(d -> d.compareTo(FAST) <= 0).count();
        }

        /** Empty when none was told. */
        public Optional<Duration> median() {
            return Scorecard.median(latencies);
        }

        /** Told within an hour, of all told, in whole percent; empty when none was told. */
        public Optional<Integer> fastPercent() {
            return percent(toldFast(), told());
        }
    }

    /**
     * Forecast figures below what the boss was last told: told at least 14 days before the quarter
     * ended, told later, and never told (the quarter's latest figure, below the told one).
     */
    public record Downgrades(int toldEarly, int toldLate, int untold) {
        public int total() {
            return toldEarly + toldLate + untold;
        }
    }

    /** Held weeks of the weeks whose review was due in the span; a skip is not held. */
    public record HeldRate(int held, int weeks) {
        public Optional<Integer> percent() {
            return Scorecard.percent(held, weeks);
        }
    }

    /** The boss's answers to what the manager sent: Thanks, Let's talk, questions. */
    public record Acknowledgements(int thanks, int letsTalk, int questions) {
        public int total() {
            return thanks + letsTalk + questions;
        }
    }

    /** The middle value, or the mean of the two middle ones for an even count. */
    public static Optional<Duration> median(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return Optional.of(
                sorted.size() % 2 == 1
                        ? sorted.get(mid)
                        : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2));
    }

    /** {@code part} of {@code whole} in whole percent, rounded half up; empty for nothing. */
    static Optional<Integer> percent(int part, int whole) {
        return whole == 0 ? Optional.empty() : Optional.of((200 * part + whole) / (2 * whole));
    }
}
