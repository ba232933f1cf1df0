package com.bossreview.forecast;

import java.time.Instant;

/** What came of a manager's click on "Tell boss now" before anything is sent. */
public sealed interface ShareClaim {
    /** No forecast of this manager in this workspace has that id (forged, deleted, someone else's). */
    record NotFound() implements ShareClaim { }

    /** The manager has not said who their boss is. */
    record NoBoss() implements ShareClaim { }

    /** Already sent (or being sent, on a double click). */
    record AlreadyShared(String boss, Instant at) implements ShareClaim { }

    /** This click won: send it now, or {@link ForecastService#releaseShare} if sending fails. */
    record Claimed(Recorded recorded, String boss, Instant claimedAt) implements ShareClaim { }
}
