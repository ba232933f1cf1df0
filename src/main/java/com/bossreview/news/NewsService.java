package com.bossreview.news;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Good and bad news: logged by the manager, shared with the boss on the manager's click (the boss's
 * answers are {@code boss/}'s). Sending is claimed in the database first and released if delivery
 * fails, so a message goes out at most once per click and nothing is recorded as sent that was not.
 * News also counts as told when the manager says they told the boss outside Slack, or when an
 * agenda containing it is sent; news logged by mistake is dismissed.
 */
public final class NewsService {
    /**
     * Delivers a message to someone (a Slack DM in production); throwing means it was not
     * delivered.
     */
    @FunctionalInterface
    public interface Delivery<X extends Exception> {
        void deliver(NewsItem item, String recipient) throws X;
    }

    public sealed interface ShareOutcome {
        record NotFound() implements ShareOutcome {}

        record NoBoss(NewsItem item) implements ShareOutcome {}

        /** Told already, in any way ({@link NewsItem#how()}). */
        record AlreadyShared(NewsItem item) implements ShareOutcome {}

        record Dismissed(NewsItem item) implements ShareOutcome {}

        record Shared(NewsItem item) implements ShareOutcome {}
    }

    /** What came of marking an item told outside Slack, dismissing it or editing it. */
    public sealed interface Change {
        record Done(NewsItem item) implements Change {}

        /** Told already, in any way: nothing changed. */
        record AlreadyTold(NewsItem item) implements Change {}

        record AlreadyDismissed(NewsItem item) implements Change {}

        /** Not the clicker's, or no such item. */
        record NotFound() implements Change {}
    }

    /**
     * Plans the reminders of a piece of news in the transaction that stores it: called inside that
     * transaction, on its thread, so that statements made through the same {@link Jdbi} join it.
     */
    @FunctionalInterface
    public interface Reminders {
        void plan(String team, String user, long newsId, boolean bad, Instant loggedAt);

        Reminders NONE = (team, user, newsId, bad, loggedAt) -> {};
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
        return jdbi.inTransaction(
                h -> {
                    NewsDao dao = h.attach(NewsDao.class);
                    Instant at = now();
                    long id = dao.insert(team, user, kind, body, at);
                    reminders.plan(team, user, id, kind == NewsKind.BAD, at);
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

    /** The news DMed to {@code boss} in [{@code since}, {@code until}), newest first. */
    public List<NewsItem> sentTo(
            String team, String boss, Instant since, Instant until, int limit) {
        return jdbi.withExtension(
                NewsDao.class, dao -> dao.sentTo(team, boss, since, until, limit));
    }

    /**
     * Shares the manager's own item {@code id} with {@code boss}: claims it, delivers, and releases
     * the claim again if delivery throws (the exception is then rethrown).
     */
    public <X extends Exception> ShareOutcome share(
            String team, String user, long id, Optional<String> boss, Delivery<X> delivery)
            throws X {
        Optional<NewsItem> found = find(team, user, id);
        if (found.isEmpty()) {
            return new ShareOutcome.NotFound();
        }
        if (found.get().dismissed()) {
            return new ShareOutcome.Dismissed(found.get());
        }
        if (found.get().shared()) {
            return new ShareOutcome.AlreadyShared(found.get());
        }
        if (boss.isEmpty()) {
            return new ShareOutcome.NoBoss(found.get());
        }
        Instant at = now();
        if (jdbi.withExtension(NewsDao.class, dao -> dao.claimShare(team, user, id, boss.get(), at))
                == 0) {
            return find(team, user, id)
                    .<ShareOutcome>map(
                            item ->
                                    item.dismissed()
                                            ? new ShareOutcome.Dismissed(item)
                                            : new ShareOutcome.AlreadyShared(item))
                    .orElseGet(ShareOutcome.NotFound::new);
        }
        NewsItem claimed = find(team, user, id).orElseThrow();
        try {
            delivery.deliver(claimed, boss.get());
        } catch (Exception e) {
            jdbi.useExtension(
                    NewsDao.class, dao -> dao.releaseShare(team, user, id, boss.get(), at));
            throw e;
        }
        return new ShareOutcome.Shared(claimed);
    }

    /**
     * The manager told the boss outside Slack (phone, in person): the item counts as told now, with
     * latency, and its reminders end. Nothing is sent to anyone. Without a boss set it is still
     * recorded as told, to nobody in particular: the manager knows whom they called.
     */
    public Change markToldOutside(String team, String user, long id, Optional<String> boss) {
        Instant at = now();
        return change(
                team, user, id, dao -> dao.markToldOutside(team, user, id, boss.orElse(null), at));
    }

    /**
     * News logged by mistake: out of reminders, lists, the card and agendas; kept for the export.
     */
    public Change dismiss(String team, String user, long id) {
        Instant at = now();
        return change(team, user, id, dao -> dao.dismiss(team, user, id, at));
    }

    /**
     * Corrects an open item's text ({@code body} has passed {@link NewsText#check}); told news is
     * on record as told.
     */
    public Change edit(String team, String user, long id, String body) {
        return change(team, user, id, dao -> dao.edit(team, user, id, body));
    }

    /**
     * An agenda containing {@code items} reached {@code boss} at {@code at}: those still open count
     * as told then ('AGENDA'), which ends their reminders. Items told or dismissed meanwhile are
     * left as they are.
     *
     * @return how many items this marked
     */
    public int markToldByAgenda(
            String team, String user, List<NewsItem> items, String boss, Instant at) {
        List<Long> ids = items.stream().filter(NewsItem::open).map(NewsItem::id).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.withExtension(
                NewsDao.class, dao -> dao.markToldByAgenda(team, user, ids, boss, at));
    }

    /**
     * One state change on an open item, decided under the row's lock so a concurrent click sees its
     * result.
     */
    private Change change(String team, String user, long id, ToIntFunction<NewsDao> update) {
        return jdbi.inTransaction(
                h -> {
                    NewsDao dao = h.attach(NewsDao.class);
                    Optional<NewsItem> before = dao.findForUpdate(team, user, id);
                    if (before.isEmpty()) {
                        return new Change.NotFound();
                    }
                    if (before.get().dismissed()) {
                        return new Change.AlreadyDismissed(before.get());
                    }
                    if (before.get().shared()) {
                        return new Change.AlreadyTold(before.get());
                    }
                    if (update.applyAsInt(dao)
                            != 1) { // the row is locked above and neither told nor dismissed
                        throw new IllegalStateException("news " + id + " was not changed");
                    }
                    return new Change.Done(dao.find(team, user, id).orElseThrow());
                });
    }

    /**
     * From logging to telling the boss: the product's core metric. Zero for an item not shared yet.
     */
    public Duration timeToShare(NewsItem item) {
        return item.sharedAt()
                .map(shared -> Duration.between(item.loggedAt(), shared))
                .orElse(Duration.ZERO);
    }

    /** Neither told nor dismissed, oldest first. */
    public List<NewsItem> open(String team, String user) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.open(team, user));
    }

    public List<NewsItem> loggedSince(String team, String user, Instant since) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.loggedSince(team, user, since));
    }

    public List<NewsItem> all(String team, String user) {
        return jdbi.withExtension(NewsDao.class, dao -> dao.all(team, user));
    }

    /**
     * Microseconds, PostgreSQL's precision: what is stored is exactly what was computed and
     * compared.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
