package com.bossreview.support;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link FakeGoogle} and {@link FakeMicrosoft} share beyond {@link FakeOAuthServer}: the
 * {@link FakeCalendarStore} every account's calendar lives in, and the test API over it.
 */
public abstract class FakeProviderServer extends FakeOAuthServer {
    protected final FakeCalendarStore store = new FakeCalendarStore();

    protected FakeProviderServer(String clientId, String clientSecret) {
        super(clientId, clientSecret);
    }

    @Override
    protected void known(String account) {
        store.account(account);
    }

    // ---- test API: calendars ----

    /** Cancels one occurrence of a weekly series: the one planned on {@code day}. */
    public void cancelOccurrence(String seriesId, java.time.LocalDate day) {
        lock.lock();
        try {
            store.cancelOccurrence(seriesId, day);
        } finally {
            lock.unlock();
        }
    }

    /** Moves the occurrence planned on {@code day} to start at {@code newStart}. */
    public void moveOccurrence(String seriesId, java.time.LocalDate day, Instant newStart) {
        lock.lock();
        try {
            store.moveOccurrence(seriesId, day, newStart);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A weekly series on {@code account}'s calendar, first at {@code firstStart} (local time in
     * {@code zone}), with {@code attendees} invited; returns its id.
     */
    public String addWeekly(
            String account,
            String title,
            java.time.LocalDateTime firstStart,
            java.time.ZoneId zone,
            java.time.Duration length,
            String... attendees) {
        lock.lock();
        try {
            return store.add(
                            new FakeCalendarStore.Event(
                                    store.newId(eventIdPrefix()),
                                    account,
                                    title,
                                    "",
                                    firstStart,
                                    zone,
                                    length,
                                    true,
                                    List.of(attendees)))
                    .id;
        } finally {
            lock.unlock();
        }
    }

    /** The description of an event, or of one occurrence of a series (by its original start). */
    public String description(String eventId, Optional<Instant> occurrence) {
        lock.lock();
        try {
            FakeCalendarStore.Event e = store.event(eventId).orElseThrow();
            return occurrence.map(o -> store.occurrence(e, o).description()).orElse(e.description);
        } finally {
            lock.unlock();
        }
    }

    /** A busy event on {@code account}'s calendar; returns its id. */
    public String addBusy(String account, Instant start, Instant end) {
        lock.lock();
        try {
            return store.addBusy(account, start, end).id;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code account} shares free/busy with the organisation (default: yes). */
    public void shareFreeBusy(String account, boolean shared) {
        lock.lock();
        try {
            store.shareFreeBusy(account, shared);
        } finally {
            lock.unlock();
        }
    }

    /** Every sync token / delta link issued so far is refused from now on. */
    public void invalidateCursors() {
        lock.lock();
        try {
            store.invalidateCursors();
        } finally {
            lock.unlock();
        }
    }

    /** How this provider's event ids start. */
    protected abstract String eventIdPrefix();
}
