package com.bossreview.calendar;

import com.bossreview.manager.ReviewSlot;
import com.bossreview.nudge.LocalTimes;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The weekly review as an iCalendar file (RFC 5545) for calendars bossreview is not connected to:
 * one {@code VEVENT} repeating weekly at the slot, in the manager's own zone with its {@code
 * VTIMEZONE}, so a calendar keeps it at the same wall time across daylight-saving changes.
 *
 * <p>{@code UID} is the same for as long as the feed is (§3.8.4.7), so importing the file again or
 * refreshing a subscription updates the event instead of adding a second one; {@code
 * METHOD:PUBLISH} (RFC 5546 §3.2.1) says it is a published event, not an invitation anybody must
 * answer.
 */
final class IcsReview {
    static final String PRODID = "-//bossreview//Weekly review//EN";

    /** The four habits, on one line: what the half hour is for. */
    static final String HABITS =
            "Four habits with your boss: this weekly review, good news quickly and bad news"
                    + " immediately, no last-minute forecast downgrades, and yes to social time."
                    + " Bring one piece of news and ask for one piece of feedback.";

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /**
     * What the file says.
     *
     * @param uidSeed stable for the manager's feed (its token's hash), never the token itself
     * @param boss the boss's name as Slack shows it, when known
     */
    record Review(
            String uidSeed, ReviewSlot slot, ZoneId zone, Optional<String> boss, Instant now) {}

    private IcsReview() {}

    static String calendar(Review r) {
        LocalDate first = nextDate(r.slot(), r.zone(), r.now());
        IcsLines out = new IcsLines();
        out.add("BEGIN", "VCALENDAR")
                .add("PRODID", PRODID)
                .add("VERSION", "2.0")
                .add("CALSCALE", "GREGORIAN")
                .add("METHOD", "PUBLISH");
        IcsTimeZone.write(r.zone(), r.now(), out);
        out.add("BEGIN", "VEVENT")
                .add("UID", r.uidSeed() + "@bossreview")
                .add("DTSTAMP", UTC.format(r.now()))
                // The slot's wall time even on a day it does not exist: §3.3.5 reads a time in a
                // spring-forward gap with the offset before the gap (02:30 is 03:30), and a time
                // repeated in the autumn as the first of the two, the same as LocalTimes does.
                .add(
                        "DTSTART;TZID=" + r.zone().getId(),
                        IcsTimeZone.LOCAL.format(first.atTime(r.slot().time())))
                .add("DURATION", "PT30M")
                .add("RRULE", "FREQ=WEEKLY;BYDAY=" + byDay(r.slot().day()))
                .text("SUMMARY", "Weekly review with " + r.boss().orElse("my boss"))
                .text("DESCRIPTION", HABITS)
                .add("TRANSP", "OPAQUE")
                .add("END", "VEVENT")
                .add("END", "VCALENDAR");
        return out.toString();
    }

    /**
     * The day of the next review that has not started yet, in the manager's zone; today when the
     * slot is later today (its instant taken as {@link LocalTimes#at} takes it).
     */
    static LocalDate nextDate(ReviewSlot slot, ZoneId zone, Instant now) {
        LocalDate day =
                now.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(slot.day()));
        return LocalTimes.at(day, slot.time(), zone).isBefore(now) ? day.plusWeeks(1) : day;
    }

    /** §3.3.10 weekday: {@code MO} … {@code SU}. */
    static String byDay(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
