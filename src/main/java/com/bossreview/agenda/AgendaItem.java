package com.bossreview.agenda;

import java.time.Instant;
import java.util.Optional;

/**
 * Something the manager carries to the boss on every agenda until they resolve it: what the team
 * needs from senior management ({@link Kind#ASK}), or a rep's win ({@link Kind#CREDIT}, naming the
 * rep by Slack user id so that the boss's copy mentions them).
 */
public record AgendaItem(
        long id,
        Kind kind,
        Optional<String> repUserId,
        String body,
        Instant addedAt,
        Optional<Instant> resolvedAt) {

    public enum Kind {
        ASK,
        CREDIT
    }

    public boolean open() {
        return resolvedAt.isEmpty();
    }
}
