package com.bossreview.news;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Good and bad news: logged by the manager, shared with the boss on the manager's click. */
public final class NewsService {
    private final Jdbi jdbi;
    private final Clock clock;

    public NewsService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
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

    Instant now() {
        return clock.instant();
    }
}
