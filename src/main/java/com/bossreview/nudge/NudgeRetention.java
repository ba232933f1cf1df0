package com.bossreview.nudge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the nudge history {@code BOSSREVIEW_NUDGE_RETENTION_DAYS} (default 90): sent, skipped and
 * failed rows older than that are deleted, a batch at a time so no statement holds locks for long.
 * At 100,000 managers the table would otherwise grow by about 20 million rows a year. A purged row
 * cannot be planned again: the planner only plans from the week it runs in.
 */
public final class NudgeRetention {
    private static final Logger log = LoggerFactory.getLogger(NudgeRetention.class);

    static final int BATCH = 10_000;

    /** Batches per run at most: a backlog is worked off over a few runs, not in one long one. */
    static final int MAX_BATCHES = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration keep;

    public NudgeRetention(Jdbi jdbi, Clock clock, int days) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.keep = Duration.ofDays(days);
    }

    /** Deletes what is past the retention period; returns how many rows. */
    public int purge() {
        Instant before = clock.instant().minus(keep);
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted =
                    jdbi.withExtension(NudgeDao.class, dao -> dao.purgeFinished(before, BATCH));
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Purged {} nudges finished before {}", total, before);
        }
        return total;
    }
}
