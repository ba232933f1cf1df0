package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.time.FiscalQuarter;
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
 * When each nudge of SPEC §3 falls for a manager, as pure time math in the manager's zone. Whether it
 * is still relevant when it falls is decided at send time ({@link Relevance}).
 */
public final class NudgePlanner {
    static final Duration PREP_BEFORE_REVIEW = Duration.ofMinutes(60);
    static final Duration ASK_AFTER_REVIEW = Duration.ofMinutes(45);
    static final Duration BAD_NEWS_REPEAT = Duration.ofHours(2);
    static final int BAD_NEWS_MAX = 3;
    static final LocalTime WAKING_FROM = LocalTime.of(7, 0);
    static final LocalTime WAKING_TO = LocalTime.of(21, 0);
    static final LocalTime LATEST_MORNING = LocalTime.of(8, 30);
    /** Periods of a downgrade's reminders: {@code forecast-<id>-<n>}. */
    static final String FORECAST_DOWNGRADE_PERIOD = "forecast-";

    private NudgePlanner() {
    }

    /** Booking nudge and its follow-up, review prep and did-it-happen for one ISO week. */
    public static List<Occurrence> weekly(Manager m, IsoWeek week) {
        List<Occurrence> out = new ArrayList<>();
        String period = week.toString();
        LocalDate bookingDay = week.day(m.bookingNudgeDay());
        out.add(occurrence(m, NudgeKind.BOOK_REVIEW, period, LocalTimes.at(bookingDay, m.bookingNudgeTime(), m.zone())));
        out.add(occurrence(m, NudgeKind.BOOK_REVIEW_FOLLOWUP, period,
                LocalTimes.at(bookingDay.plusDays(1), m.bookingNudgeTime(), m.zone())));
        m.reviewSlot().ifPresent(slot -> {
            Instant start = LocalTimes.at(week.day(slot.day()), slot.time(), m.zone());
            out.add(occurrence(m, NudgeKind.REVIEW_PREP, period, start.minus(PREP_BEFORE_REVIEW)));
            out.add(occurrence(m, NudgeKind.DID_IT_HAPPEN, period, outsidePrime(m, start.plus(ASK_AFTER_REVIEW))));
        });
        return out;
    }

    /** One forecast nudge per quarter-nudge day before the quarter ends, at the booking-nudge time. */
    public static List<Occurrence> forecast(Manager m, FiscalQuarter q) {
        List<Occurrence> out = new ArrayList<>();
        for (int days : m.quarterNudgeDays()) {
            LocalDate day = q.lastDay().minusDays(days);
            if (!day.isBefore(q.firstDay())) {
                out.add(occurrence(m, NudgeKind.FORECAST, "FY" + q.fiscalYear() + "-Q" + q.quarter() + "-" + days + "d",
                        LocalTimes.at(day, m.bookingNudgeTime(), m.zone())));
            }
        }
        return out;
    }

    /**
     * Bad news not shared: {@code bad-news-after} after logging, then every two hours, at most three
     * times; a reminder falling outside 07:00–21:00 local waits for 07:00.
     */
    public static List<Occurrence> badNews(Manager m, long newsId, Instant loggedAt) {
        return urgentChain(m, NudgeKind.BAD_NEWS, "news-", newsId, loggedAt);
    }

    /** An untold forecast downgrade is bad news too (SPEC §2): the same chain, keyed on the forecast. */
    public static List<Occurrence> forecastDowngrade(Manager m, long forecastId, Instant recordedAt) {
        return urgentChain(m, NudgeKind.FORECAST_DOWNGRADE, FORECAST_DOWNGRADE_PERIOD, forecastId, recordedAt);
    }

    private static List<Occurrence> urgentChain(Manager m, NudgeKind kind, String prefix, long refId, Instant at) {
        List<Occurrence> out = new ArrayList<>();
        Instant due = LocalTimes.withinWakingHours(at.plus(m.badNewsAfter()), m.zone(), WAKING_FROM, WAKING_TO);
        for (int n = 1; n <= BAD_NEWS_MAX; n++) {
            out.add(new Occurrence(m.teamId(), m.userId(), kind, prefix + refId + "-" + n, due, Optional.of(refId)));
            due = LocalTimes.withinWakingHours(due.plus(BAD_NEWS_REPEAT), m.zone(), WAKING_FROM, WAKING_TO);
        }
        return out;
    }

    /** Good news not shared: the next working morning, before prime sales hours. */
    public static Occurrence goodNews(Manager m, long newsId, Instant loggedAt) {
        LocalDate day = loggedAt.atZone(m.zone()).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return new Occurrence(m.teamId(), m.userId(), NudgeKind.GOOD_NEWS, "news-" + newsId,
                outsidePrime(m, LocalTimes.at(day, morning(m), m.zone())), Optional.of(newsId));
    }

    /** Half an hour before the first prime range, but no later than 08:30. */
    static LocalTime morning(Manager m) {
        LocalTime beforePrime = m.primeHours().ranges().get(0).start().minusMinutes(30);
        return beforePrime.isBefore(LATEST_MORNING) && beforePrime.isAfter(WAKING_FROM) ? beforePrime : LATEST_MORNING;
    }

    /** A non-urgent nudge falling in prime sales hours waits for the end of that range. */
    public static Instant outsidePrime(Manager m, Instant at) {
        Instant t = at;
        for (int guard = 0; guard < 10; guard++) {
            var local = t.atZone(m.zone());
            var range = m.primeHours().ranges().stream()
                    .filter(r -> m.primeHours().isPrime(local.getDayOfWeek(), local.toLocalTime())
                            && !local.toLocalTime().isBefore(r.start()) && local.toLocalTime().isBefore(r.end()))
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
        return outsidePrime(m, LocalTimes.withinWakingHours(now.plus(delay), m.zone(), WAKING_FROM, WAKING_TO));
    }

    private static Occurrence occurrence(Manager m, NudgeKind kind, String period, Instant due) {
        return new Occurrence(m.teamId(), m.userId(), kind, period, due, Optional.empty());
    }
}
