package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.time.IsoWeek;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time math the nudge types share, pure, in the manager's zone: mornings, prime sales hours,
 * waking hours, urgent reminder chains and snoozes. When each kind falls is its {@link NudgeType}'s
 * to say; whether it is still relevant when it falls is decided at send time, by its type too.
 */
public final class NudgePlanner {
    static final Duration BAD_NEWS_REPEAT = Duration.ofHours(2);
    static final int BAD_NEWS_MAX = 3;
    static final LocalTime WAKING_FROM = LocalTime.of(7, 0);
    static final LocalTime WAKING_TO = LocalTime.of(21, 0);
    static final LocalTime LATEST_MORNING = LocalTime.of(8, 30);

    private NudgePlanner() {}

    /**
     * When the manager's review of that ISO week starts, at their slot as it is now; empty without
     * a slot.
     */
    public static Optional<Instant> reviewStart(Manager m, IsoWeek week) {
        return m.reviewSlot()
                .map(slot -> LocalTimes.at(week.day(slot.day()), slot.time(), m.zone()));
    }

    /** Monday to Friday. */
    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * An urgent chain about one row (bad news, an untold downgrade): {@code bad-news-after} after
     * {@code at}, then every two hours, at most three times; a reminder falling outside 07:00–21:00
     * local waits for 07:00.
     */
    public static List<Occurrence> urgentChain(
            Manager m, NudgeKind kind, NudgePeriod.Subject about, long refId, Instant at) {
        List<Occurrence> out = new ArrayList<>();
        Instant due =
                LocalTimes.withinWakingHours(
                        at.plus(m.badNewsAfter()), m.zone(), WAKING_FROM, WAKING_TO);
        for (int n = 1; n <= BAD_NEWS_MAX; n++) {
            out.add(
                    new Occurrence(
                            m.teamId(),
                            m.userId(),
                            kind,
                            new NudgePeriod.Reminder(about, refId, n),
                            due,
                            Optional.of(refId)));
            due =
                    LocalTimes.withinWakingHours(
                            due.plus(BAD_NEWS_REPEAT), m.zone(), WAKING_FROM, WAKING_TO);
        }
        return out;
    }

    /** Half an hour before the first prime range, but no later than 08:30. */
    public static LocalTime morning(Manager m) {
        LocalTime beforePrime = m.primeHours().ranges().get(0).start().minusMinutes(30);
        return beforePrime.isBefore(LATEST_MORNING) && beforePrime.isAfter(WAKING_FROM)
                ? beforePrime
                : LATEST_MORNING;
    }

    /** A non-urgent nudge falling in prime sales hours waits for the end of that range. */
    public static Instant outsidePrime(Manager m, Instant at) {
        Instant t = at;
        for (int guard = 0; guard < 10; guard++) {
            var local = t.atZone(m.zone());
            var range =
                    m.primeHours().ranges().stream()
                            .filter(
                                    r ->
                                            m.primeHours()
                                                            .isPrime(
                                                                    local.getDayOfWeek(),
                                                                    local.toLocalTime())
                                                    && !local.toLocalTime().isBefore(r.start())
                                                    && local.toLocalTime().isBefore(r.end()))
                            .findFirst();
            if (range.isEmpty()) {
                return t;
            }
            t = LocalTimes.at(local.toLocalDate(), range.get().end(), m.zone());
        }
        return t;
    }

    /** A snoozed nudge: after {@code delay}, in waking hours and outside prime sales hours. */
    public static Instant snoozedUntil(Manager m, Instant now, Duration delay) {
        return outsidePrime(
                m, LocalTimes.withinWakingHours(now.plus(delay), m.zone(), WAKING_FROM, WAKING_TO));
    }

    /**
     * A snooze with a deadline ({@link NudgeType#snoozeDeadline}): as {@link #snoozedUntil}, but
     * never later than {@code latest}, even inside prime hours. Empty when {@code latest} has
     * passed already.
     */
    public static Optional<Instant> snoozedBefore(
            Manager m, Instant now, Duration delay, Instant latest) {
        if (!latest.isAfter(now)) {
            return Optional.empty();
        }
        Instant due = snoozedUntil(m, now, delay);
        return Optional.of(due.isAfter(latest) ? latest : due);
    }

    /** A planned occurrence about no particular row. */
    public static Occurrence occurrence(
            Manager m, NudgeKind kind, NudgePeriod period, Instant due) {
        return new Occurrence(m.teamId(), m.userId(), kind, period, due, Optional.empty());
    }
}
