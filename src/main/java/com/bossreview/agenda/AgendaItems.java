package com.bossreview.agenda;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A manager's asks for senior management and credits for their reps: added by command, carried on
 * every agenda while open, resolved by the manager's click. The manager resolves them, not the
 * boss's answer to an agenda: only the manager knows when senior management has acted on an ask, or
 * when a rep's win has been heard enough.
 */
public final class AgendaItems {
    /** An ask or a credit is a line on the agenda, not a memo. */
    public static final int MAX_CHARS = 500;

    private final Jdbi jdbi;
    private final Clock clock;

    public AgendaItems(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public AgendaItem ask(String team, String user, String body) {
        return add(team, user, AgendaItem.Kind.ASK, null, body);
    }

    public AgendaItem credit(String team, String user, String rep, String body) {
        return add(team, user, AgendaItem.Kind.CREDIT, rep, body);
    }

    private AgendaItem add(
            String team, String user, AgendaItem.Kind kind, String rep, String body) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jdbi.withExtension(
                AgendaItemDao.class, dao -> dao.add(team, user, kind, rep, body, at));
    }

    /** The open items, oldest first: what every agenda carries. */
    public List<AgendaItem> open(String team, String user) {
        return jdbi.withExtension(AgendaItemDao.class, dao -> dao.open(team, user));
    }

    /** What came of a click on Resolved. */
    public sealed interface Resolution {
        record Resolved(AgendaItem item) implements Resolution {}

        record AlreadyResolved(AgendaItem item) implements Resolution {}

        /** No such item of this manager: a forged value, or their data was deleted. */
        record NotFound() implements Resolution {}
    }

    public Resolution resolve(String team, String user, long id) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jdbi.inTransaction(
                h -> {
                    AgendaItemDao dao = h.attach(AgendaItemDao.class);
                    Optional<AgendaItem> resolved = dao.resolve(team, user, id, at);
                    if (resolved.isPresent()) {
                        return new Resolution.Resolved(resolved.get());
                    }
                    return dao.find(team, user, id)
                            .<Resolution>map(Resolution.AlreadyResolved::new)
                            .orElseGet(Resolution.NotFound::new);
                });
    }
}
