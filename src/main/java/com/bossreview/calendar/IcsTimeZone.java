package com.bossreview.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A {@code VTIMEZONE} (RFC 5545 §3.6.5) written from the JDK's own time-zone rules, so that a
 * calendar reads the review's {@code DTSTART;TZID=…} with the offsets bossreview uses, whatever its
 * own copy of the tz database says. It describes the zone from the transition in effect now onwards
 * (the event starts after now): the tz database's dated transitions still ahead as one {@code
 * STANDARD}/{@code DAYLIGHT} each, then its yearly rules with an {@code RRULE} each. A zone without
 * daylight saving is one {@code STANDARD}.
 */
final class IcsTimeZone {
    static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    /** Where a zone with no transition at all starts (§3.6.5 wants a DTSTART). */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private IcsTimeZone() {}

    static void write(ZoneId zone, Instant now, IcsLines out) {
        ZoneRules rules = zone.getRules();
        out.add("BEGIN", "VTIMEZONE").add("TZID", zone.getId());
        List<ZoneOffsetTransition> dated = rules.getTransitions();
        Optional<ZoneOffsetTransition> lastDated =
                dated.isEmpty() ? Optional.empty() : Optional.of(dated.getLast());
        ZoneOffsetTransition current = rules.previousTransition(now);
        if (current == null) {
            ZoneOffset offset = rules.getOffset(now);
            component(out, false, EPOCH, offset, offset, Optional.empty(), List.of());
        }
        for (ZoneOffsetTransition t : dated) {
            if (current != null && !t.getInstant().isBefore(current.getInstant())) {
                // What came before the change in effect now does not matter to an event after
                // now: that one is written as a start of its offset, not a change from another.
                component(
                        out,
                        rules.isDaylightSavings(t.getInstant()),
                        t.getDateTimeBefore(),
                        t.equals(current) ? t.getOffsetAfter() : t.getOffsetBefore(),
                        t.getOffsetAfter(),
                        Optional.empty(),
                        List.of());
            }
        }
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            yearly(out, rule, lastDated.map(ZoneOffsetTransition::getInstant));
        }
        out.add("END", "VTIMEZONE");
    }

    /**
     * One rule of the tz database ("Sunday on or after March 8 at 02:00 wall time") from its first
     * year after the dated transitions, as an RRULE over the local time before the change.
     */
    private static void yearly(
            IcsLines out, ZoneOffsetTransitionRule rule, Optional<Instant> after) {
        int year = after.map(i -> i.atOffset(ZoneOffset.UTC).getYear()).orElse(1970);
        ZoneOffsetTransition first = rule.createTransition(year);
        while (after.isPresent() && !first.getInstant().isAfter(after.get())) {
            first = rule.createTransition(++year);
        }
        boolean daylight = !rule.getOffsetAfter().equals(rule.getStandardOffset());
        Optional<String> rrule = rrule(rule, first);
        List<LocalDateTime> dates = new ArrayList<>();
        if (rrule.isEmpty()) {
            // Not expressible as a rule within one month (not in today's tz database): the
            // changes themselves, for as long as a weekly review is likely to stay the same.
            for (int y = year + 1; y <= year + FALLBACK_YEARS; y++) {
                dates.add(rule.createTransition(y).getDateTimeBefore());
            }
        }
        component(
                out,
                daylight,
                first.getDateTimeBefore(),
                rule.getOffsetBefore(),
                rule.getOffsetAfter(),
                rrule,
                dates);
    }

    /** How many years of dates stand in for a rule that has no RRULE. */
    static final int FALLBACK_YEARS = 30;

    /**
     * The RRULE of a rule (§3.3.10), in the local time before the change: a rule in UTC or standard
     * time, or at 24:00, can fall on the day before or after the rule's own day, so the days are
     * moved with it.
     */
    static Optional<String> rrule(ZoneOffsetTransitionRule rule, ZoneOffsetTransition sample) {
        LocalDate ruleDay = ruleDay(rule, sample.getDateTimeBefore().getYear());
        int shift =
                (int) ChronoUnit.DAYS.between(ruleDay, sample.getDateTimeBefore().toLocalDate());
        Month month = rule.getMonth();
        int dom = rule.getDayOfMonthIndicator();
        String base = "FREQ=YEARLY;BYMONTH=";
        if (rule.getDayOfWeek() == null) {
            LocalDate moved = ruleDay.plusDays(shift);
            if (moved.getMonth() != month && shift != 0) {
                return Optional.empty();
            }
            return Optional.of(
                    base + moved.getMonthValue() + ";BYMONTHDAY=" + moved.getDayOfMonth());
        }
        String day = IcsReview.byDay(rule.getDayOfWeek().plus(shift));
        if (dom > 0) {
            int from = dom + shift;
            if (from < 1 || from + 6 > month.minLength()) {
                return Optional.empty();
            }
            if ((from - 1) % 7 == 0) {
                return Optional.of(
                        base + month.getValue() + ";BYDAY=" + ((from - 1) / 7 + 1) + day);
            }
            return Optional.of(
                    base
                            + month.getValue()
                            + ";BYDAY="
                            + day
                            + ";BYMONTHDAY="
                            + days(from, from + 6));
        }
        // dom < 0: on or before the day counted from the month's end (-1: its last day).
        int to = dom + shift;
        if (to > -1 || to - 6 < -month.minLength()) {
            return Optional.empty();
        }
        if ((-to - 1) % 7 == 0) {
            return Optional.of(base + month.getValue() + ";BYDAY=-" + ((-to - 1) / 7 + 1) + day);
        }
        return Optional.of(
                base + month.getValue() + ";BYDAY=" + day + ";BYMONTHDAY=" + days(to - 6, to));
    }

    /** The day the rule names in {@code year}, before any time-of-day conversion. */
    private static LocalDate ruleDay(ZoneOffsetTransitionRule rule, int year) {
        int dom = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        if (dom > 0) {
            LocalDate d = LocalDate.of(year, rule.getMonth(), dom);
            return dow == null ? d : d.with(TemporalAdjusters.nextOrSame(dow));
        }
        LocalDate d = YearMonth.of(year, rule.getMonth()).atEndOfMonth().plusDays(dom + 1L);
        return dow == null ? d : d.with(TemporalAdjusters.previousOrSame(dow));
    }

    private static String days(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
    }

    private static void component(
            IcsLines out,
            boolean daylight,
            LocalDateTime start,
            ZoneOffset from,
            ZoneOffset to,
            Optional<String> rrule,
            List<LocalDateTime> dates) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        out.add("BEGIN", kind)
                .add("DTSTART", LOCAL.format(start))
                .add("TZOFFSETFROM", offset(from))
                .add("TZOFFSETTO", offset(to));
        rrule.ifPresent(r -> out.add("RRULE", r));
        if (!dates.isEmpty()) {
            out.add("RDATE", dates.stream().map(LOCAL::format).collect(Collectors.joining(",")));
        }
        out.add("END", kind);
    }

    /** §3.3.14 UTC-OFFSET: {@code +0530}, or {@code +053045} when seconds are not zero. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hhmm =
                String.format(
                        Locale.ROOT,
                        "%s%02d%02d",
                        total < 0 ? "-" : "+",
                        abs / 3600,
                        abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
