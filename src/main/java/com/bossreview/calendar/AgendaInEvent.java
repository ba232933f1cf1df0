package com.bossreview.calendar;

import com.bossreview.agenda.ReviewEvent;
import com.bossreview.manager.Manager;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agenda sent to the boss, appended to the week's review event (issue 15): the one-off event
 * when the week was rebooked ({@code calendar_week.once_event_id}), else the series' occurrence
 * planned that week, wherever it was moved. Nothing when the week's review is cancelled or over
 * already: an agenda in a past event helps nobody. A calendar that fails costs the agenda nothing:
 * it was sent already, and the manager is simply not told it is in the event.
 */
public final class AgendaInEvent implements ReviewEvent {
    private static final Logger log = LoggerFactory.getLogger(AgendaInEvent.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final CalendarConnections connections;
    private final Function<CalendarProvider, CalendarApi> apis;
    private final CalendarSync.Notices notices;

    public AgendaInEvent(
            Jdbi jdbi,
            Clock clock,
            CalendarConnections connections,
            Function<CalendarProvider, CalendarApi> apis,
            CalendarSync.Notices notices) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.connections = connections;
        this.apis = apis;
        this.notices = notices;
    }

    @Override
    public boolean addAgenda(Manager m, IsoWeek week, String text) {
        Optional<CalendarConnections.Connection> connection;
        try {
            connection =
                    connections
                            .find(m.teamId(), m.userId())
                            .filter(CalendarConnections.Connection::working);
        } catch (RuntimeException e) {
            log.warn("Agenda of {}/{} not added: {}", m.teamId(), m.userId(), e.toString());
            return false;
        }
        if (connection.isEmpty()) {
            return false;
        }
        try {
            CalendarConnections.Access access = connections.access(m.teamId(), m.userId());
            CalendarApi api = apis.apply(access.provider());
            Optional<String> event = eventOf(m, week, api, access.token());
            if (event.isEmpty()) {
                return false;
            }
            api.appendToDescription(access.token(), event.get(), text);
            return true;
        } catch (CalendarConnections.RevokedNow e) {
            notices.revoked(m, connection.get().provider());
            return false;
        } catch (CalendarException e) {
            log.info(
                    "Agenda of {}/{} not added to the calendar event: {}",
                    m.teamId(),
                    m.userId(),
                    e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn(
                    "Agenda of {}/{} not added to the calendar event: {}",
                    m.teamId(),
                    m.userId(),
                    e.toString());
            return false;
        }
    }

    /** The id of the event (or occurrence) that is the week's review, if it is still to come. */
    private Optional<String> eventOf(Manager m, IsoWeek week, CalendarApi api, String token) {
        Instant now = clock.instant();
        Optional<CalendarDao.Week> said =
                jdbi.withExtension(
                        CalendarDao.class,
                        dao -> dao.weekOf(m.teamId(), m.userId(), week.year(), week.week()));
        if (said.isPresent() && said.get().onceEventId() != null) {
            return said.get().startsAt().plus(PrimeHours.REVIEW_LENGTH).isAfter(now)
                    ? Optional.of(said.get().onceEventId())
                    : Optional.empty();
        }
        Optional<String> series =
                jdbi.withExtension(CalendarDao.class, dao -> dao.find(m.teamId(), m.userId()))
                        .map(CalendarDao.Row::seriesId);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        Instant from = week.monday().atStartOfDay(m.zone()).toInstant();
        Instant to = week.next().monday().atStartOfDay(m.zone()).toInstant();
        return api.occurrenceIn(token, series.get(), from, to)
                .filter(o -> o.end().isAfter(now))
                .map(CalendarApi.Occurrence::id);
    }
}
