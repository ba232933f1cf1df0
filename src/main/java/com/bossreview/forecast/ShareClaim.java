package com.bossreview.forecast;

import java.time.Instant;

/** What came of a manager's click on "Share with boss" / "Tell boss now" before anything is sent. */
public sealed interface ShareClaim {
    /** No forecast of this manager in this workspace has that id (forged, deleted, someone else's). */
    record NotFound() implements ShareClaim { }

    /** The manager has not said who their boss is. */
    record NoBoss() implements ShareClaim { }

    /** Already told (by DM or in an agenda), or being sent on a double click. */
    record AlreadyShared(String boss, Instant at, ToldVia via) implements ShareClaim { }

    /**
     * A newer figure of the same quarter exists: the boss would be told a figure the manager has already
     * replaced, so nothing is sent; {@code latest} is the one to share (if the boss does not know it yet).
     */
    record NotLatest(Recorded latest, String boss) implements ShareClaim { }

    /** The figure is the one the boss was last told: a DM would tell them nothing. */
    record AlreadyKnown(Recorded recorded, String boss) implements ShareClaim { }

    /** This click won: send it now, or {@link ForecastService#releaseShare} if sending fails. */
    record Claimed(Recorded recorded, String boss, Instant claimedAt) implements ShareClaim { }
}
