package com.bossreview.review;

/**
 * Where a week stands for a manager right now: only this week and last week can still be marked.
 */
public enum WeekWindow {
    CURRENT,
    PREVIOUS,
    OVER,
    NOT_YET;

    public boolean markable() {
        return this == CURRENT || this == PREVIOUS;
    }
}
