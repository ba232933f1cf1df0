package com.bossreview.news;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * A piece of good or bad news a manager logged, and whether (when, to whom, how) the boss was told,
 * or whether it was dismissed as logged by mistake. {@code sharedAt} is the time the boss was told,
 * however that happened, so latency is always {@code sharedAt - loggedAt}.
 */
public record NewsItem(
        long id,
        String teamId,
        String userId,
        NewsKind kind,
        String body,
        Instant loggedAt,
        Optional<Instant> sharedAt,
        Optional<String> sharedWith,
        Optional<Instant> acknowledgedAt,
        Optional<ToldHow> toldHow,
        Optional<Instant> dismissedAt) {

    /** The one Jdbi maps rows with. */
    @JdbiConstructor
    public NewsItem {}

    /** An item as logged: not told, not dismissed. */
    public NewsItem(
            long id, String teamId, String userId, NewsKind kind, String body, Instant loggedAt) {
        this(
                id,
                teamId,
                userId,
                kind,
                body,
                loggedAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** Told the boss, in any way. */
    public boolean shared() {
        return sharedAt.isPresent();
    }

    public boolean dismissed() {
        return dismissedAt.isPresent();
    }

    /** Neither told nor dismissed: what reminders, lists and the card are about. */
    public boolean open() {
        return !shared() && !dismissed();
    }

    /** How it was told; a told row from before told_how existed was a DM. */
    public Optional<ToldHow> how() {
        return shared() ? Optional.of(toldHow.orElse(ToldHow.DM)) : Optional.empty();
    }
}
