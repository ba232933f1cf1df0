package com.bossreview.boss;

import java.time.Instant;
import java.util.List;

/**
 * A feature's list of what it sent to a boss: only what went to exactly that person in exactly that
 * workspace through bossreview (never a draft, never news told outside Slack). Each feature that
 * DMs the boss plugs one in beside its {@link SentLookup}.
 */
@FunctionalInterface
public interface SentSource {
    /**
     * Sent at or after {@code since} and before {@code until}, newest first, at most {@code limit}.
     */
    List<SentItem> sentTo(String team, String boss, Instant since, Instant until, int limit);
}
