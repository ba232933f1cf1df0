package com.bossreview.boss;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * "A win worth celebrating — coffee with your boss?": offered to a manager when their boss thanks
 * them for good news, at most once every {@link #EVERY}, so it stays a light touch (socialise,
 * don't try to become best friends).
 */
final class CoffeeOffers {
    static final Duration EVERY = Duration.ofDays(14);

    private final Jdbi jdbi;

    CoffeeOffers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether {@code manager} gets the offer now; if so it is recorded as made at {@code at}. */
    boolean claim(String team, String manager, Instant at) {
        return jdbi.withExtension(
                        CoffeeDao.class, dao -> dao.claim(team, manager, at, at.minus(EVERY)))
                == 1;
    }

    /** The DM carrying the offer made at {@code at} did not go out: as if it was never made. */
    void release(String team, String manager, Instant at) {
        jdbi.useTransaction(
                h -> {
                    CoffeeDao dao = h.attach(CoffeeDao.class);
                    if (dao.restore(team, manager, at) == 0) {
                        dao.delete(team, manager, at);
                    }
                });
    }
}
