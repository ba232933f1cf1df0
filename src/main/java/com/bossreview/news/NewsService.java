package com.bossreview.news;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Good and bad news: logged by the manager, shared with the boss on the manager's click (the boss's
 * answers are {@code boss/}'s). Sending is claimed in the database first and released if delivery
 * fails, so a message goes out at most once per click and nothing is recorded as sent that was not.
 */
public final class NewsService {
    /** Delivers a message to someone (a Slack DM in production); throwing means it was not delivered. */
    @FunctionalInterface
    public interface Delivery<X extends Exception> {
        void deliver(NewsItem item, String recipient) throws X;
    }

    public sealed interface ShareOutcome {
        record NotFound() implements ShareOutcome { }
        record NoBoss(NewsItem item) implements ShareOutcome { }
        record AlreadyShared(NewsItem item) implements ShareOutcome { }
        record Shared(NewsItem item) implements ShareOutcome { }
    }

    /** Plans the reminders of a piece of news in the transaction that stores it. */
    @FunctionalInterface
    public interface Reminders {
        void plan(Handle h, String team, String user, long newsId, boolean bad, Instant loggedAt);

        Reminders NONE = (h, team, user, newsId, bad, loggedAt) -> { };
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Reminders reminders;

    public NewsService(Jdbi jdbi, Clock clock, Reminders reminders) {
        this.reminders = reminders;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores news the manager logged; {@code body} has passed {@link NewsText#check}. */
    public NewsItem log(String team, String user, NewsKind kind, String body) {
        return jdbi.inTransaction(h -> {
            NewsDao dao = h.attach(NewsDao.class);
            Instant at = now();
            long id = dao.insert(team, user, kind, body, at);
            reminders.plan(h, team, user, id, kind == NewsKind.BAD, at);
            return dao.find(team, user, id).orElseThrow();
        });
    }

    public Optional<NewsItem> find(String team, String user, long id) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.find(team, user, id));
    }

    /** An item as the boss it was shared with sees it. */
    public Optional<NewsItem> findSharedWith(String team, String boss, long id) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.findSharedWith(team, boss, id));
    }

    /**
     * Shares the manager's own item {@code id} with {@code boss}: claims it, delivers, and releases the
     * claim again if delivery throws (the exception is then rethrown).
     */
    public <X extends Exception> ShareOutcome share(String team, String user, long id, Optional<String> boss,
                                                    Delivery<X> delivery) throws X {
        Optional<NewsItem> found = find(team, user, id);
        if (found.isEmpty()) {
            return new ShareOutcome.NotFound();
        }
        if (found.get().shared()) {
            return new ShareOutcome.AlreadyShared(found.get());
        }
        if (boss.isEmpty()) {
            return new ShareOutcome.NoBoss(found.get());
        }
        Instant at = now();
        if (jdbi.withExtension(NewsDao.class, dao -> dao.claimShare(team, user, id, boss.get(), at)) == 0) {
            return find(team, user, id).<ShareOutcome>map(ShareOutcome.AlreadyShared::new)
                    .orElseGet(ShareOutcome.NotFound::new);
        }
        NewsItem claimed = find(team, user, id).orElseThrow();
        try {
            delivery.deliver(claimed, boss.get());
        } catch (Exception e) {
            jdbi.useExtension(NewsDao.class, dao -> dao.releaseShare(team, user, id, boss.get(), at));
            throw e;
        }
        return new ShareOutcome.Shared(claimed);
    }

    /** From logging to telling the boss: the product's core metric. Zero for an item not shared yet. */
    public Duration timeToShare(NewsItem item) {
        return item.sharedAt().map(shared -> Duration.between(item.loggedAt(), shared)).orElse(Duration.ZERO);
    }

    public List<NewsItem> unshared(String team, String user) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.unshared(team, user));
    }

    public List<NewsItem> loggedSince(String team, String user, Instant since) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.loggedSince(team, user, since));
    }

    public List<NewsItem> all(String team, String user) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.all(team, user));
    }

    /** Microseconds, PostgreSQL's precision: what is stored is exactly what was computed and compared. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
