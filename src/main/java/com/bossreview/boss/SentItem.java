package com.bossreview.boss;

import java.time.Instant;

/**
 * One thing a manager sent their boss, as the boss's App Home and weekly digest list it.
 *
 * @param what mrkdwn the feature wrote for the boss, already escaped and short, e.g. {@code :tada:
 *     Good news: Acme signed}
 * @param win good news: the boss's thanks for it offers the manager a coffee line
 */
public record SentItem(
        Subject subject, String managerId, Instant sentAt, String what, boolean win) {}
