package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When each nudge of SPEC §3 falls for a manager, as pure time math in the manager's zone. Whether
 * it is still relevant when it falls is decided at send time ({@link Relevance}).
 */
public final class NudgePlanner {
    /** With no lead, the prep comes at least this long before the review. */
    static final Duration SAME_DAY_PREP_BEFORE = Duration.ofMinutes(60);

    /** A snoozed review prep comes back at the latest this long before the review. */
    static final Duration SNOOZED_PREP_BEFORE = Duration.ofMinutes(30);

    static final Duration ASK_AFTER_REVIEW = Duration.ofMinutes(45);
    static final Duration BAD_NEWS_REPEAT = Duration.ofHours(2);
    static final int BAD_NEWS_MAX = 3;
    static final LocalTime WAKING_FROM = LocalTime.of(7, 0);
    static final LocalTime WAKING_TO = LocalTime.of(21, 0);
    static final LocalTime LATEST_MORNING = LocalTime.of(8, 30);

    private NudgePlanner() {}

    /** Booking nudge and its follow-up, review prep and did-it-happen for one ISO week. */
    public static List<Occurrence> weekly(Manager m, IsoWeek week) {
        List<Occurrence> out = new ArrayList<>();
        NudgePeriod period = new NudgePeriod.Week(week);
        LocalDate bookingDay = week.day(m.bookingNudgeDay());
        out.add(
                occurrence(
                        m,
                        NudgeKind.BOOK_REVIEW,
                        period,
                        LocalTimes.at(bookingDay, m.bookingNudgeTime(), m.zone())));
        out.add(
                occurrence(
                        m,
                        NudgeKind.BOOK_REVIEW_FOLLOWUP,
                        period,
                        LocalTimes.at(bookingDay.plusDays(1), m.bookingNudgeTime(), m.zone())));
        m.reviewSlot()
                .ifPresent(
                        slot -> {
                            Instant start =
                                    LocalTimes.at(week.day(slot.day()), slot.time(), m.zone());
                            out.add(
                                    occurrence(
                                            m,
                                            NudgeKind.REVIEW_PREP,
                                            period,
                                            prepDue(m, week.day(slot.day()), start)));
                            out.add(
                                    occurrence(
                                            m,
                                            NudgeKind.DID_IT_HAPPEN,
                                            period,
                                            outsidePrime(m, start.plus(ASK_AFTER_REVIEW))));
                        });
        return out;
    }

    /**
     * When the manager's review of that ISO week starts, at their slot as it is now; empty without
     * a slot.
     */
    public static Optional<Instant> reviewStart(Manager m, IsoWeek week) {
        return m.reviewSlot()
                .map(slot -> LocalTimes.at(week.day(slot.day()), slot.time(), m.zone()));
    }

    /**
     * Review prep: {@code prep-lead} working days before the review day, at the morning time and
     * outside prime sales hours, so the agenda can reach the boss a day ahead instead of an hour
     * before. With no lead, the review day's morning if that still leaves an hour, else an hour
     * before the review.
     */
    static Instant prepDue(Manager m, LocalDate reviewDay, Instant reviewStart) {
        if (m.prepLeadDays() <= 0) {
            Instant morning = outsidePrime(m, LocalTimes.at(reviewDay, morning(m), m.zone()));
            Instant latest = reviewStart.minus(SAME_DAY_PREP_BEFORE);
            return morning.isAfter(latest) ? latest : morning;
        }
        LocalDate day = reviewDay;
        for (int working = 0; working < m.prepLeadDays(); ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                working++;
            }
        }
        // outsidePrime moves it within that day at most, so it stays before the review.
        return outsidePrime(m, LocalTimes.at(day, morning(m), m.zone()));
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * One forecast nudge per quarter-nudge day before the quarter ends, at the booking-nudge time;
     * one falling on a weekend comes on the Friday before (the period still names the days asked
     * for).
     */
    public static List<Occurrence> forecast(Manager m, FiscalQuarter q) {
        List<Occurrence> out = new ArrayList<>();
        Set<LocalDate> taken = new HashSet<>();
        for (int days : m.quarterNudgeDays()) {
            LocalDate asked = q.lastDay().minusDays(days);
            if (asked.isBefore(q.firstDay())) {
                continue;
            }
            LocalDate day = workingDayWithin(asked, q);
            if (taken.add(day)) { // 12 and 11 days before may both land on one Friday: one nudge is
                // enough
                out.add(
                        occurrence(
                                m,
                                NudgeKind.FORECAST,
                                NudgePeriod.Countdown.of(q, days),
                                LocalTimes.at(day, m.bookingNudgeTime(), m.zone())));
            }
        }
        return out;
    }

    /**
     * A weekend day moved to the Friday before; to the Monday after only when that Friday belongs
     * to the previous quarter, where the nudge would be skipped as stale.
     */
    private static LocalDate workingDayWithin(LocalDate day, FiscalQuarter q) {
        if (isWorkingDay(day)) {
            return day;
        }
        LocalDate friday = day.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        return friday.isBefore(q.firstDay())
                ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                : friday;
    }

    /**
     * Bad news not shared: {@code bad-news-after} after logging, then every two hours, at most
     * three times; a reminder falling outside 07:00–21:00 local waits for 07:00.
     */
    public static List<Occurrence> badNews(Manager m, long newsId, Instant loggedAt) {
        return urgentChain(m, NudgeKind.BAD_NEWS, NudgePeriod.Subject.NEWS, newsId, loggedAt);
    }

    /**
     * An untold forecast downgrade is bad news too (SPEC §2): the same chain, keyed on the
     * forecast.
     */
    public static List<Occurrence> forecastDowngrade(
            Manager m, long forecastId, Instant recordedAt) {
        return urgentChain(
                m,
                NudgeKind.FORECAST_DOWNGRADE,
                NudgePeriod.Subject.FORECAST,
                forecastId,
                recordedAt);
    }

    private static List<Occurrence> urgentChain(
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

    /** Good news not shared: the next working morning, before prime sales hours. */
    public static Occurrence goodNews(Manager m, long newsId, Instant loggedAt) {
        LocalDate day = loggedAt.atZone(m.zone()).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return new Occurrence(
                m.teamId(),
                m.userId(),
                NudgeKind.GOOD_NEWS,
                new NudgePeriod.Once(NudgePeriod.Subject.NEWS, newsId),
                outsidePrime(m, LocalTimes.at(day, morning(m), m.zone())),
                Optional.of(newsId));
    }

    /** Half an hour before the first prime range, but no later than 08:30. */
    static LocalTime morning(Manager m) {
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
     * A snoozed review prep: as {@link #snoozedUntil}, but never later than half an hour before the
     * review, even inside prime hours, since an agenda after the review is of no use. Empty when
     * that time has passed already.
     */
    public static Optional<Instant> snoozedPrepUntil(
            Manager m, Instant now, Duration delay, Instant reviewStart) {
        Instant latest = reviewStart.minus(SNOOZED_PREP_BEFORE);
        if (!latest.isAfter(now)) {
            return Optional.empty();
        }
        Instant due = snoozedUntil(m, now, delay);
        return Optional.of(due.isAfter(latest) ? latest : due);
    }

    private static Occurrence occurrence(
            Manager m, NudgeKind kind, NudgePeriod period, Instant due) {
        return new Occurrence(m.teamId(), m.userId(), kind, period, due, Optional.empty());
    }
}
