package com.bossreview.review;

/** What happened to one week's review. A week with no row was neither booked nor marked. */
public enum ReviewState {
    BOOKED,
    HELD,
    SKIPPED
}
