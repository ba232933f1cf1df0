package com.bossreview.calendar;

import com.bossreview.manager.Manager;
import com.bossreview.slack.SlackCallException;
import com.bossreview.slack.UserDirectory;
import com.bossreview.time.PrimeHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Books the weekly review in the manager's connected calendar: finds free slots outside prime hours
 * (the boss's free/busy too, where the organisation shares it), adopts an existing weekly series
 * with the boss instead of duplicating it, or creates one with the boss invited.
 */
public final class CalendarBooking {
    /** Days ahead the offers are looked for in. */
    static final int OFFER_DAYS = 7;

    private final Jdbi jdbi;
    private final java.time.Clock clock;
    private final CalendarConnections connections;
    private final Function<CalendarProvider, CalendarApi> apis;
    private final UserDirectory users;

    public CalendarBooking(
            Jdbi jdbi,
            java.time.Clock clock,
            CalendarConnections connections,
            Function<CalendarProvider, CalendarApi> apis,
            UserDirectory users) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.connections = connections;
        this.apis = apis;
        this.users = users;
    }

    /** What booking did. */
    public sealed interface Booked {
        /** A new weekly series, the boss invited when their address was known. */
        record Created(CalendarApi.Series series, boolean bossInvited) implements Booked {}

        /** The manager already had a weekly series with the boss: that one is the review now. */
        record Adopted(CalendarApi.Series series) implements Booked {}
    }

    /**
     * Books the review on {@code day} at {@code start}: adopts a weekly series that has the boss as
     * attendee, or creates one from the next such day.
     *
     * @throws CalendarException when the calendar could not do it (nothing stored then)
     */
    public Booked book(Manager m, DayOfWeek day, LocalTime start) {
        Optional<String> boss = bossAddress(m);
        Booked booked =
                connections.withAccess(
                        m.teamId(), m.userId(), access -> bookWith(access, m, day, start, boss));
        CalendarApi.Series series =
                booked instanceof Booked.Adopted a
                        ? a.series()
                        : ((Booked.Created) booked).series();
        jdbi.useExtension(
                CalendarDao.class,
                dao -> dao.series(m.teamId(), m.userId(), series.id(), clock.instant()));
        return booked;
    }

    private Booked bookWith(
            CalendarConnections.Access access,
            Manager m,
            DayOfWeek day,
            LocalTime start,
            Optional<String> boss) {
        CalendarApi api = apis.apply(access.provider());
        Optional<CalendarApi.Series> existing =
                boss.flatMap(b -> api.findWeeklyWith(access.token(), b));
        Booked booked;
        if (existing.isPresent()) {
            booked = new Booked.Adopted(existing.get());
        } else {
            LocalDate today = m.today(clock.instant());
            LocalDate first = today.with(TemporalAdjusters.nextOrSame(day));
            if (first.equals(today)
                    && !first.atTime(start).atZone(m.zone()).toInstant().isAfter(clock.instant())) {
                first = first.plusWeeks(1);
            }
            booked =
                    new Booked.Created(
                            api.createWeekly(
                                    access.token(),
                                    new CalendarApi.NewSeries(
                                            "Weekly review",
                                            "Weekly review with your boss, booked by bossreview:"
                                                    + " feedback, news good and bad, the forecast.",
                                            first,
                                            day,
                                            start,
                                            PrimeHours.REVIEW_LENGTH,
                                            m.zone(),
                                            boss.orElse(null))),
                            boss.isPresent());
        }
        return booked;
    }

    /**
     * Books a cancelled week's review once, at {@code at} in the manager's zone, the boss invited.
     */
    public String bookOnce(Manager m, java.time.LocalDateTime at) {
        Instant start = at.atZone(m.zone()).toInstant();
        String boss = bossAddress(m).orElse(null);
        String id =
                connections.withAccess(
                        m.teamId(),
                        m.userId(),
                        access ->
                                apis.apply(access.provider())
                                        .createOnce(
                                                access.token(),
                                                new CalendarApi.NewEvent(
                                                        "Weekly review",
                                                        "This week's review with your boss, moved"
                                                                + " by bossreview.",
                                                        start,
                                                        PrimeHours.REVIEW_LENGTH,
                                                        m.zone(),
                                                        boss)));
        // The week's review is this event now: held once it has ended.
        com.bossreview.time.IsoWeek week = com.bossreview.time.IsoWeek.of(at.toLocalDate());
        jdbi.useExtension(
                CalendarDao.class,
                dao ->
                        dao.week(
                                m.teamId(),
                                m.userId(),
                                week.year(),
                                week.week(),
                                start,
                                false,
                                id,
                                clock.instant()));
        return id;
    }

    /**
     * Up to {@code count} review starts in the next week: free in the manager's calendar and the
     * boss's (where visible), outside prime hours, nearest {@code wish}.
     */
    public List<SlotFinder.Offer> offers(Manager m, Optional<LocalTime> wish, int count) {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(OFFER_DAYS + 1));
        List<String> others = bossAddress(m).map(List::of).orElse(List.of());
        CalendarApi.Busy busy =
                connections.withAccess(
                        m.teamId(),
                        m.userId(),
                        access ->
                                apis.apply(access.provider())
                                        .busy(access.token(), others, now, until));
        List<CalendarApi.Interval> all = new ArrayList<>(busy.mine());
        busy.others().values().forEach(all::addAll);
        return SlotFinder.nearest(m.zone(), m.primeHours(), now, all, wish, OFFER_DAYS, count);
    }

    /** The boss's e-mail address from Slack (needs {@code users:read.email}); empty if unknown. */
    Optional<String> bossAddress(Manager m) {
        if (m.bossUserId().isEmpty()) {
            return Optional.empty();
        }
        try {
            return users.lookup(m.teamId(), m.bossUserId().get())
                    .flatMap(UserDirectory.SlackUser::email);
        } catch (SlackCallException e) {
            return Optional.empty();
        }
    }
}
