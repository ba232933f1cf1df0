package com.bossreview.boss;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps a manager from flooding their boss through bossreview: at most {@link #PER_HOUR} DMs from
 * one manager to one boss in any rolling hour, and none at all once the boss stopped them. Counted
 * in PostgreSQL, so the limit holds across instances; each send is claimed before its DM goes out
 * and released if the DM fails.
 */
public final class BossGuard {
    /**
     * DMs from one manager to their boss per rolling hour: a busy day's news, forecast and agenda,
     * not a flood.
     */
    public static final int PER_HOUR = 10;

    static final Duration WINDOW = Duration.ofHours(1);

    /** Why a DM to the boss was not sent. */
    public sealed interface Refusal {
        String boss();

        /** The boss stopped this manager's DMs. */
        record Stopped(String boss) implements Refusal {}

        /** {@code sent} DMs in the last hour; the next may go at {@code nextAt}. */
        record Limited(String boss, int sent, Instant nextAt) implements Refusal {}
    }

    /**
     * What a stop or resume click did: changed the pair, or found it that way already (a double
     * click).
     */
    public enum Change {
        CHANGED,
        UNCHANGED
    }

    private final Jdbi jdbi;

    public BossGuard(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Claims a DM from {@code manager} to {@code boss} at {@code at}.
     *
     * @return the claim, to {@link #release} if the DM does not go out
     * @throws BossDmRefused when the boss stopped the manager's DMs or the hour's DMs are used up
     */
    long claim(String team, String manager, String boss, Instant at) throws BossDmRefused {
        BossGuardDao.Claim claim =
                jdbi.withExtension(
                        BossGuardDao.class, dao -> dao.claim(team, manager, boss, at, PER_HOUR));
        if (claim instanceof BossGuardDao.Claim.Claimed c) {
            return c.id();
        }
        if (claim instanceof BossGuardDao.Claim.Full full) {
            List<Instant> window = full.window();
            Instant nextAt = window.get(window.size() - PER_HOUR).plus(WINDOW);
            throw new BossDmRefused(new Refusal.Limited(boss, window.size(), nextAt));
        }
        throw new BossDmRefused(new Refusal.Stopped(boss));
    }

    void release(String team, long claim) {
        jdbi.useExtension(BossGuardDao.class, dao -> dao.release(team, claim));
    }

    /**
     * {@code boss} stops {@code manager}'s DMs; the caller has checked the boss got a DM from this
     * manager.
     */
    Change stop(String team, String boss, String manager, Instant at) {
        return jdbi.withExtension(BossGuardDao.class, dao -> dao.stop(team, manager, boss, at)) == 1
                ? Change.CHANGED
                : Change.UNCHANGED;
    }

    Change resume(String team, String boss, String manager) {
        return jdbi.withExtension(BossGuardDao.class, dao -> dao.resume(team, manager, boss)) == 1
                ? Change.CHANGED
                : Change.UNCHANGED;
    }
}
