package com.bossreview.nudge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claimed rows this instance is sure it did not send but could not give back because the database
 * was away, and the times of claims whose transaction failed (what they took, if anything, was
 * handed to nobody): given back on the next housekeeping that reaches the database, instead of
 * waiting for the lease.
 */
final class Stranded {
    private static final Logger log = LoggerFactory.getLogger(Stranded.class);

    private final Jdbi jdbi;
    private final String instanceId;

    /** id → the claim time it was taken with. */
    private final Map<Long, Instant> orphans = new ConcurrentHashMap<>();

    /** Those of {@link #orphans} whose failed call may have reached Slack (a timeout). */
    private final Set<Long> maybeSent = ConcurrentHashMap.newKeySet();

    private final Set<Instant> failedClaims = ConcurrentHashMap.newKeySet();

    Stranded(Jdbi jdbi, String instanceId) {
        this.jdbi = jdbi;
        this.instanceId = instanceId;
    }

    /**
     * A row to give back once the database answers; only if it still carries {@code claimedAt}: if
     * its release did reach the database after all and the row was claimed again since, that newer
     * claim is left alone.
     */
    void orphan(long id, Instant claimedAt, boolean mayHaveReachedSlack) {
        if (mayHaveReachedSlack) {
            maybeSent.add(id);
        }
        orphans.put(id, claimedAt);
    }

    /** A claim whose commit failed: it may have reached the server before the connection broke. */
    void failedClaim(Instant claimedAt) {
        failedClaims.add(claimedAt);
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /** Gives back what waits; throws (keeping it) when the database does not answer. */
    void release() {
        if (orphans.isEmpty() && failedClaims.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Instant>> taken = List.copyOf(orphans.entrySet());
        long[] ids = taken.stream().mapToLong(Map.Entry::getKey).toArray();
        long[] at = taken.stream().mapToLong(e -> micros(e.getValue())).toArray();
        long[] maybe = maybeSent.stream().mapToLong(Long::longValue).toArray();
        List<Instant> claimTimes = List.copyOf(failedClaims);
        long[] claimMicros = claimTimes.stream().mapToLong(Stranded::micros).toArray();
        int released =
                jdbi.withExtension(
                        NudgeDao.class,
                        dao ->
                                dao.releaseUnsent(ids, at, maybe, instanceId)
                                        + dao.releaseClaimedAt(claimMicros, instanceId));
        taken.forEach(e -> orphans.remove(e.getKey(), e.getValue()));
        maybeSent.removeAll(Arrays.stream(maybe).boxed().toList());
        claimTimes.forEach(failedClaims::remove);
        if (released > 0) {
            log.info(
                    "{} claimed nudges not sent while the database was away went back to the queue",
                    released);
        }
    }
}
