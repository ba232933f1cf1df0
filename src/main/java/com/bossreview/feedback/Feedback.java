package com.bossreview.feedback;

import java.time.Instant;
import java.util.Optional;

/**
 * What the manager noted after a review held: what the boss said and what they will do (at least
 * one of the two), and who was their boss then.
 *
 * @param week the held review's ISO week ({@code 2026-W48})
 */
public record Feedback(
        String week,
        Optional<String> bossUserId,
        Optional<String> bossSaid,
        Optional<String> willDo,
        Instant writtenAt) {}
