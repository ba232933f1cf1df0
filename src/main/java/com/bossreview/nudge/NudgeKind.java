package com.bossreview.nudge;

/** The nudges of SPEC §3. */
public enum NudgeKind {
    BOOK_REVIEW,
    BOOK_REVIEW_FOLLOWUP,
    REVIEW_PREP,
    DID_IT_HAPPEN,
    BAD_NEWS,
    GOOD_NEWS,
    FORECAST,
    /**
     * A forecast below what the boss was told, still untold: reminded like bad news ({@code ref_id}
     * = forecast).
     */
    FORECAST_DOWNGRADE;

    /** The weekly review's nudges: their period is a {@link NudgePeriod.Week}. */
    public boolean weekly() {
        return this == BOOK_REVIEW
                || this == BOOK_REVIEW_FOLLOWUP
                || this == REVIEW_PREP
                || this == DID_IT_HAPPEN;
    }
}
