package com.bossreview.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's calendar API (Google Calendar v3, Microsoft Graph), for one connected user through
 * an access token. Thin: each method is one or a few HTTP calls, mapped to these records; every
 * failure is a {@link CalendarException} of a {@link CalendarException.Kind}.
 */
public interface CalendarApi {
    /** Which provider this is. */
    CalendarProvider provider();

    /**
     * The busy intervals in [{@code from}, {@code to}) of the user's own calendar and of each of
     * {@code others} (e-mail addresses) whose free/busy the organisation shares. Google: {@code
     * POST calendar/v3/freeBusy}; Graph: {@code POST me/calendar/getSchedule}. An address whose
     * free/busy is not visible has no entry in {@link Busy#others()}.
     */
    Busy busy(String accessToken, List<String> others, Instant from, Instant to);

    /** Busy time: the user's own, and each visible other's by e-mail address. */
    record Busy(List<Interval> mine, Map<String, List<Interval>> others) {}

    /** [{@code start}, {@code end}). */
    record Interval(Instant start, Instant end) {}

    /**
     * A weekly recurring series on the user's primary calendar that has {@code attendee} (an e-mail
     * address, case-insensitive) among its attendees and is not cancelled; the one whose next
     * occurrence comes first when there are several.
     */
    Optional<Series> findWeeklyWith(String accessToken, String attendee);

    /**
     * Creates a weekly recurring event on the user's primary calendar (Google: {@code recurrence:
     * ["RRULE:FREQ=WEEKLY;BYDAY=…"]}; Graph: {@code recurrence.pattern.type: weekly}, range {@code
     * noEnd}) with {@code attendee} invited, in the manager's zone.
     */
    Series createWeekly(String accessToken, NewSeries series);

    /** What {@link #createWeekly} books; {@code attendee} may be null (no address known). */
    record NewSeries(
            String title,
            String description,
            LocalDate firstDay,
            DayOfWeek day,
            LocalTime start,
            Duration length,
            ZoneId zone,
            String attendee) {}

    /**
     * Creates one event (not recurring) on the user's primary calendar with {@code attendee}
     * invited: a cancelled week's review moved to another slot that week. Returns its id.
     */
    String createOnce(String accessToken, NewEvent event);

    /** What {@link #createOnce} books; {@code attendee} may be null (no address known). */
    record NewEvent(
            String title,
            String description,
            Instant start,
            Duration length,
            ZoneId zone,
            String attendee) {}

    /** A recurring series as the provider keeps it. */
    record Series(String id, DayOfWeek day, LocalTime start, Duration length, ZoneId zone) {}

    /**
     * The occurrences of series {@code seriesId} that changed since {@code cursor} (Google: {@code
     * events.list} with {@code syncToken}; Graph: {@code calendarView/delta} with its {@code
     * deltaLink}); with no cursor, all of them from {@code from} to {@code to}. Paging is followed
     * to the end. A cursor the provider no longer accepts (Google 410 {@code fullSyncRequired}, a
     * Graph {@code syncStateNotFound}) is a {@link CalendarException.Kind#CURSOR_EXPIRED}: read
     * again without one.
     */
    Changes changes(
            String accessToken, String seriesId, Optional<String> cursor, Instant from, Instant to);

    /** Occurrences changed, and the cursor to pass next time. */
    record Changes(List<Occurrence> occurrences, String nextCursor) {}

    /**
     * One occurrence of a series: where it was planned ({@code originalStart}), where it is now
     * ({@code start}, {@code end}; a moved occurrence differs), or cancelled.
     */
    record Occurrence(
            String id, Instant originalStart, Instant start, Instant end, boolean cancelled) {}

    /**
     * The occurrence of series {@code seriesId} that was planned in [{@code from}, {@code to}) (by
     * its original start, wherever it has been moved since), unless it is cancelled. A caller knows
     * the week it wants, not the exact start: an adopted series keeps its own day and time. The
     * providers filter instances by where they are now, so both read {@link #MOVED} either side and
     * pick by original start. Google: {@code events.instances} ({@code timeMin}, {@code timeMax};
     * {@code originalStartTime} on each instance); Graph: {@code GET me/events/{id}/instances}
     * ({@code startDateTime}, {@code endDateTime}; {@code originalStart} on each).
     */
    Optional<Occurrence> occurrenceIn(
            String accessToken, String seriesId, Instant from, Instant to);

    /** How far an occurrence may have been moved from its week and still be found there. */
    Duration MOVED = Duration.ofDays(7);

    /** Appends {@code text} to one occurrence's description (the agenda, sent to the boss). */
    void appendToDescription(String accessToken, String occurrenceId, String text);
}
