package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a feature tells the engine about its nudges: which kinds are its own, when the periodic ones
 * fall, whether a claimed one is still worth sending and what it says. The engine knows no feature:
 * a new kind is a {@link NudgeKind} constant and a type registered in {@link NudgeTypes}.
 */
public interface NudgeType {
    /** The kinds this type plans, checks and renders. */
    Set<NudgeKind> kinds();

    /**
     * The kinds the materializer plans ({@link #plan}); after a settings change their pending rows
     * are deleted and planned again. Event-driven kinds are planned by their feature's service.
     */
    default Set<NudgeKind> periodic() {
        return Set.of();
    }

    /**
     * The kinds whose DM may carry the monthly socialising tip (taken for all of a claim at once,
     * before rendering).
     */
    default Set<NudgeKind> withSocialTip() {
        return Set.of();
    }

    /**
     * The periodic occurrences for one manager over the weeks and quarters of {@code window}; the
     * materializer keeps those due within it. None by default.
     */
    default List<Occurrence> plan(Manager m, PlanWindow window) {
        return List.of();
    }

    /**
     * The kinds sent to someone who need not be a manager (a boss's weekly digest): the engine
     * skips its manager checks for them and asks {@link Batch#skip(Nudge, Instant)} and {@link
     * Batch#render(Nudge, Instant)} instead.
     */
    default Set<NudgeKind> withoutManager() {
        return Set.of();
    }

    /**
     * The periodic occurrences of the {@link #withoutManager} kinds due after {@code from} and up
     * to {@code to}; the materializer plans them on every run, beside every manager's.
     */
    default List<Occurrence> planWithoutManager(Instant from, Instant to) {
        return List.of();
    }

    /**
     * The latest a snoozed nudge of {@code kind} for {@code period} may come back (a review prep
     * before the review, or not at all); empty when a snooze may last as long as it asks.
     */
    default Optional<SnoozeDeadline> snoozeDeadline(NudgeKind kind, NudgePeriod period, Manager m) {
        return Optional.empty();
    }

    /** The latest a snoozed nudge may come back, and what to say when that leaves no room. */
    record SnoozeDeadline(Instant latest, String tooClose) {}

    /**
     * Reads what checking these claimed rows of this type's kinds needs, in a few statements for
     * all of them rather than round trips per nudge (a measured bottleneck, BENCHMARKS.md).
     */
    Batch prepare(List<Nudge> claimed);

    /** What {@link #prepare} read, for checking and rendering the claim's nudges. */
    interface Batch {
        /**
         * Why {@code n} should no longer be sent, if so (stored as the row's outcome). The engine
         * has checked already that the manager exists, has nudges on, is not paused and has a boss.
         */
        Optional<String> skip(Nudge n, Manager m, Instant now);

        /** What {@code n} says, as of {@code now} (at send time, after {@link #skip}). */
        NudgeMessage render(Nudge n, Manager m, Instant now);

        /** {@link #skip(Nudge, Manager, Instant)} of a {@link #withoutManager} kind. */
        default Optional<String> skip(Nudge n, Instant now) {
            return Optional.of("needs a manager");
        }

        /** {@link #render(Nudge, Manager, Instant)} of a {@link #withoutManager} kind. */
        default NudgeMessage render(Nudge n, Instant now) {
            throw new IllegalStateException(n.kind() + " is rendered for a manager");
        }
    }
}
