package com.bossreview.scorecard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the monthly recap suggests: one concrete step from the weakest figure, and a gentle note
 * about social time with the boss when there has been none for a while, or a great deal of it.
 */
public final class Advice {
    /** No social time logged for this long: "say yes to the next coffee". */
    public static final Duration SOCIAL_WHILE = Duration.ofDays(42);

    /** This many in {@link #FREQUENT_WITHIN} is a lot: "without trying to be their best friend". */
    public static final int FREQUENT = 4;

    public static final Duration FREQUENT_WITHIN = Duration.ofDays(30);

    /** Below this share of weeks held, the review is the weakest habit. */
    static final int HELD_ENOUGH_PERCENT = 75;

    private Advice() {}

    /**
     * The weakest figure's step, worst first: bad news or a downgrade the boss still has not heard
     * (fixable today), then slow bad news, late downgrades, reviews not held, no agendas; a quarter
     * without a weak figure gets encouragement.
     */
    public static String suggestion(Scorecard s, String boss) {
        int untoldNews = s.badNews().untold();
        if (untoldNews > 0) {
            return "Tell "
                    + boss
                    + " the "
                    + (untoldNews == 1 ? "bad news" : untoldNews + " bad news items")
                    + " still waiting, today — `/bossreview news` lists "
                    + (untoldNews == 1 ? "it" : "them")
                    + ".";
        }
        if (s.downgrades().untold() > 0) {
            return "Your forecast is below what "
                    + boss
                    + " was told: tell them now, not at quarter end.";
        }
        if (s.badNews().fastPercent().filter(p -> p < 50).isPresent()) {
            return "Bad news reached "
                    + boss
                    + " within the hour only "
                    + s.badNews().toldFast()
                    + " of "
                    + s.badNews().told()
                    + " times: next time, press *Tell boss now* before anything else.";
        }
        if (s.downgrades().toldLate() > 0) {
            return "Tell a downgrade the day the number moves: two weeks before quarter end is the"
                    + " latest, or it lands as a surprise.";
        }
        Optional<Scorecard.HeldRate> held = s.held();
        if (held.flatMap(Scorecard.HeldRate::percent)
                .filter(p -> p < HELD_ENOUGH_PERCENT)
                .isPresent()) {
            return "Your weekly review happened "
                    + held.get().held()
                    + " of "
                    + held.get().weeks()
                    + " weeks: book the slot for the rest of the quarter now, and move it rather"
                    + " than skip it.";
        }
        if (s.agendasSent() == 0) {
            return "Send "
                    + boss
                    + " the agenda before your next review (`/bossreview agenda`): they come"
                    + " prepared, and your news is on record.";
        }
        return "Every figure looks healthy: keep telling " + boss + " early, good news and bad.";
    }

    /** A gentle word about social time, when there is one to say. */
    public static Optional<String> social(List<Instant> loggedAt, Instant now, String boss) {
        long recent = loggedAt.stream().filter(t -> t.isAfter(now.minus(FREQUENT_WITHIN))).count();
        if (recent >= FREQUENT) {
            return Optional.of(
                    ":coffee: "
                            + recent
                            + " social times with "
                            + boss
                            + " in the last 30 days — lovely; keep it friendly and professional,"
                            + " without trying to be their best friend.");
        }
        boolean lately = loggedAt.stream().anyMatch(t -> t.isAfter(now.minus(SOCIAL_WHILE)));
        if (!lately) {
            return Optional.of(
                    ":coffee: It has been a while since you had social time with "
                            + boss
                            + ": say yes to the next coffee (and log it with `/bossreview social"
                            + " <text>`).");
        }
        return Optional.empty();
    }
}
