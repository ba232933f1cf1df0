package com.bossreview.news;

import java.time.Instant;
import java.util.Optional;

/** A piece of good or bad news a manager logged, and whether (and when) the boss was told. */
public record NewsItem(long id, String teamId, String userId, NewsKind kind, String body, Instant loggedAt,
                       Optional<Instant> sharedAt, Optional<String> sharedWith, Optional<Instant> acknowledgedAt) {
    public boolean shared() {
        return sharedAt.isPresent();
    }
}
