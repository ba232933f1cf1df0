package com.bossreview.forecast;

import java.time.Instant;

/**
 * What came of a manager's click on "Share with boss" / "Tell boss now" ({@link
 * ForecastService#share}).
 */
public sealed interface ShareOutcome {
    /**
     * No forecast of this manager in this workspace has that id (forged, deleted, someone else's).
     */
    record NotFound() implements ShareOutcome {}

    /** The manager has not said who their boss is. */
    record NoBoss() implements ShareOutcome {}

    /** Already told (by DM or in an agenda), or being sent on a double click. */
    record AlreadyShared(String boss, Instant at, ToldVia via) implements ShareOutcome {}

    /**
     * A newer figure of the same quarter exists: the boss would be told a figure the manager has
     * already replaced, so nothing is sent; {@code latest} is the one to share (if the boss does
     * not know it yet).
     */
    record NotLatest(Recorded latest, String boss) implements ShareOutcome {}

    /** The figure is the one the boss was last told: a DM would tell them nothing. */
    record AlreadyKnown(Recorded recorded, String boss) implements ShareOutcome {}

    /** This click won: claimed at {@code at}, and sent (while it is being sent, only claimed). */
    record Shared(Recorded recorded, String boss, Instant at) implements ShareOutcome {}
}
