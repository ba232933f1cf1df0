package com.bossreview.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-memory calendars behind {@link FakeGoogle} and {@link FakeMicrosoft}: events per account,
 * weekly series expanded into occurrences, occurrences moved or cancelled as exceptions, and a
 * change counter so sync tokens and delta links really return only what changed since they were
 * issued. Each change stamps what it touched with the next value of the counter; a cursor is the
 * counter's value when it was issued. Not thread-safe on its own: the fakes call it under their
 * lock.
 */
final class FakeCalendarStore {
    /** One event: a single one, or the master of a weekly series. */
    static final class Event {
        final String id;
        final String account;
        String title;
        String description;
        final LocalDateTime firstStart;
        final ZoneId zone;
        final Duration length;
        final boolean weekly;
        final List<String> attendees;
        boolean cancelled;
        long changed;

        /** Exceptions by the original start of the occurrence they replace. */
        final TreeMap<Instant, Modified> exceptions = new TreeMap<>();

        Event(
                String id,
                String account,
                String title,
                String description,
                LocalDateTime firstStart,
                ZoneId zone,
                Duration length,
                boolean weekly,
                List<String> attendees) {
            this.id = id;
            this.account = account;
            this.title = title;
            this.description = description;
            this.firstStart = firstStart;
            this.zone = zone;
            this.length = length;
            this.weekly = weekly;
            this.attendees = List.copyOf(attendees);
        }

        Instant start() {
            return ZonedDateTime.of(firstStart, zone).toInstant();
        }

        Instant end() {
            return start().plus(length);
        }

        DayOfWeek day() {
            return firstStart.getDayOfWeek();
        }

        /** The planned starts of occurrences overlapping [from, to). */
        List<Instant> plannedStarts(Instant from, Instant to) {
            List<Instant> starts = new ArrayList<>();
            if (!weekly) {
                if (start().isBefore(to) && end().isAfter(from)) {
                    starts.add(start());
                }
                return starts;
            }
            LocalDate day = firstStart.toLocalDate();
            for (int i = 0; i < 2000; i++) {
                Instant s =
                        ZonedDateTime.of(day.plusWeeks(i), firstStart.toLocalTime(), zone)
                                .toInstant();
                if (!s.isBefore(to)) {
                    break;
                }
                if (s.plus(length).isAfter(from)) {
                    starts.add(s);
                }
            }
            return starts;
        }

        boolean isPlanned(Instant originalStart) {
            return plannedStarts(originalStart, originalStart.plusSeconds(1))
                    .contains(originalStart);
        }
    }

    /** One occurrence of a series as it stands: moved, cancelled, or given its own text. */
    record Modified(
            Instant originalStart,
            Instant start,
            Instant end,
            boolean cancelled,
            String description,
            long changed) {}

    /** An occurrence of an event (a single event has exactly one). */
    record Occurrence(
            Event event,
            Instant originalStart,
            Instant start,
            Instant end,
            boolean cancelled,
            String description,
            boolean exception,
            long changed) {}

    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, Boolean> sharesFreeBusy = new HashMap<>();
    private long counter;
    private long oldestValidCursor;
    private int nextId;

    /** The counter now: a cursor issued now reports changes stamped later than this. */
    long cursor() {
        return counter;
    }

    /** Whether a cursor issued at {@code issued} is still honoured. */
    boolean valid(long issued) {
        return issued >= oldestValidCursor && issued <= counter;
    }

    /** Every cursor issued so far is refused from now on. */
    void invalidateCursors() {
        oldestValidCursor = counter + 1;
        counter++;
    }

    String newId(String prefix) {
        nextId++;
        return prefix + String.format(Locale.ROOT, "%04d", nextId);
    }

    Event add(Event e) {
        e.changed = ++counter;
        events.put(e.id, e);
        sharesFreeBusy.putIfAbsent(e.account.toLowerCase(Locale.ROOT), true);
        return e;
    }

    Optional<Event> event(String id) {
        return Optional.ofNullable(events.get(id));
    }

    List<Event> events(String account) {
        return events.values().stream().filter(e -> e.account.equalsIgnoreCase(account)).toList();
    }

    /** A busy (single) event on {@code account}'s calendar. */
    Event addBusy(String account, Instant start, Instant end) {
        return add(
                new Event(
                        newId("busy"),
                        account,
                        "Busy",
                        "",
                        LocalDateTime.ofInstant(start, ZoneId.of("UTC")),
                        ZoneId.of("UTC"),
                        Duration.between(start, end),
                        false,
                        List.of()));
    }

    void account(String account) {
        sharesFreeBusy.putIfAbsent(account.toLowerCase(Locale.ROOT), true);
    }

    boolean known(String account) {
        return sharesFreeBusy.containsKey(account.toLowerCase(Locale.ROOT));
    }

    void shareFreeBusy(String account, boolean shared) {
        sharesFreeBusy.put(account.toLowerCase(Locale.ROOT), shared);
    }

    boolean sharesFreeBusy(String account) {
        return sharesFreeBusy.getOrDefault(account.toLowerCase(Locale.ROOT), false);
    }

    /** The occurrence of weekly {@code seriesId} planned on {@code day} (in the series' zone). */
    Instant plannedOn(String seriesId, LocalDate day) {
        Event e = events.get(seriesId);
        if (e == null || !e.weekly) {
            throw new IllegalArgumentException("no weekly series " + seriesId);
        }
        Instant s = ZonedDateTime.of(day, e.firstStart.toLocalTime(), e.zone).toInstant();
        if (!e.isPlanned(s)) {
            throw new IllegalArgumentException(seriesId + " has no occurrence on " + day);
        }
        return s;
    }

    void cancelOccurrence(String seriesId, LocalDate day) {
        Event e = events.get(seriesId);
        Instant original = plannedOn(seriesId, day);
        Occurrence now = occurrence(e, original);
        e.exceptions.put(
                original,
                new Modified(original, now.start(), now.end(), true, now.description(), ++counter));
    }

    void moveOccurrence(String seriesId, LocalDate day, Instant newStart) {
        Event e = events.get(seriesId);
        Instant original = plannedOn(seriesId, day);
        Occurrence now = occurrence(e, original);
        e.exceptions.put(
                original,
                new Modified(
                        original,
                        newStart,
                        newStart.plus(e.length),
                        false,
                        now.description(),
                        ++counter));
    }

    void describeOccurrence(Event e, Instant original, String description) {
        if (!e.weekly) {
            e.description = description;
            e.changed = ++counter;
            return;
        }
        Occurrence now = occurrence(e, original);
        e.exceptions.put(
                original,
                new Modified(
                        original, now.start(), now.end(), now.cancelled(), description, ++counter));
    }

    /** The occurrence of {@code e} planned at {@code original}, with its exception applied. */
    Occurrence occurrence(Event e, Instant original) {
        Modified x = e.exceptions.get(original);
        if (x != null) {
            return new Occurrence(
                    e,
                    original,
                    x.start(),
                    x.end(),
                    x.cancelled() || e.cancelled,
                    x.description(),
                    true,
                    Math.max(x.changed(), e.changed));
        }
        return new Occurrence(
                e,
                original,
                original,
                original.plus(e.length),
                e.cancelled,
                e.description,
                false,
                e.changed);
    }

    /**
     * The occurrences of {@code account}'s events (of {@code only} when given) that overlap [from,
     * to) where they stand now, cancelled ones included, by start.
     */
    List<Occurrence> occurrences(String account, Optional<String> only, Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        for (Event e : events(account)) {
            if (only.isPresent() && !only.get().equals(e.id)) {
                continue;
            }
            // a moved occurrence may land in the window from a planned start outside it
            Duration slack = Duration.ofDays(8);
            for (Instant planned : e.plannedStarts(from.minus(slack), to.plus(slack))) {
                Occurrence o = occurrence(e, planned);
                if (o.start().isBefore(to) && o.end().isAfter(from)) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::start));
        return out;
    }
}
