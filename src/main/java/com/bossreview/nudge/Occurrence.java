package com.bossreview.nudge;

import java.time.Instant;
import java.util.Optional;

/**
 * A nudge that should happen: who, what, for which period, when. Unique per (team, user, kind,
 * period).
 */
public record Occurrence(
        String teamId,
        String userId,
        NudgeKind kind,
        NudgePeriod period,
        Instant dueAt,
        Optional<Long> refId) {}
