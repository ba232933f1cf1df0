package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a claimed nudge should still be said, and what it says. The checks every nudge shares
 * (manager gone, nudges off, paused, no boss) and the layout are here; the rest is asked of the
 * nudge's {@link NudgeType}. Everything a claim needs from the database is read in a few statements
 * for the whole claim rather than several round trips per nudge (measured: that was the wave's
 * bottleneck, BENCHMARKS.md): the managers here, the rest by each type's {@link NudgeType#prepare}.
 */
final class NudgeContent {
    static final Duration SOCIAL_TIP_EVERY = Duration.ofDays(30);

    /** Why a nudge is not sent; stored as the row's outcome. */
    record Skip(String reason) {}

    private final Jdbi jdbi;
    private final NudgeTypes types;

    NudgeContent(Jdbi jdbi, NudgeTypes types) {
        this.jdbi = jdbi;
        this.types = types;
    }

    /** A claim's managers, and what each type read for its nudges. */
    static final class Batch {
        private final Map<ManagerKey, Manager> managers = new HashMap<>();
        private final Map<NudgeType, NudgeType.Batch> byType = new HashMap<>();
        private Set<ManagerKey> socialTips = Set.of();

        Optional<Manager> manager(Nudge n) {
            return Optional.ofNullable(managers.get(n.manager()));
        }

        boolean socialTip(Nudge n) {
            return socialTips.contains(n.manager());
        }
    }

    Batch prefetch(List<Nudge> claimed) {
        Batch b = new Batch();
        String[] teams = claimed.stream().map(Nudge::teamId).toArray(String[]::new);
        String[] users = claimed.stream().map(Nudge::userId).toArray(String[]::new);
        jdbi.useHandle(
                h ->
                        h.attach(ManagerDao.class)
                                .findAll(teams, users)
                                .forEach(m -> b.managers.put(ManagerKey.of(m), m)));
        Map<NudgeType, List<Nudge>> byType = new LinkedHashMap<>();
        for (Nudge n : claimed) {
            types.of(n.kind())
                    .ifPresent(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(n));
        }
        byType.forEach((t, nudges) -> b.byType.put(t, t.prepare(nudges)));
        return b;
    }

    /** Whether {@code n} goes to a manager (whose nudges Slack's "account gone" turns off). */
    boolean forManager(Nudge n) {
        return !types.withoutManager(n.kind());
    }

    /** Why {@code n} should no longer be sent, if it should not. */
    Optional<Skip> skip(Nudge n, Batch b, Instant now) {
        if (types.withoutManager(n.kind())) {
            return b.byType.get(types.of(n.kind()).orElseThrow()).skip(n, now).map(Skip::new);
        }
        Optional<Manager> manager = b.manager(n);
        if (manager.isEmpty()) {
            return skip("manager gone");
        }
        Manager m = manager.get();
        if (!m.nudgesEnabled()) {
            return skip("nudges off");
        }
        if (m.isPaused(now)) {
            return skip("paused");
        }
        if (m.bossUserId().isEmpty()) {
            return skip("no boss");
        }
        Optional<NudgeType> type = types.of(n.kind());
        if (type.isEmpty()) {
            return skip("unknown kind " + n.kind());
        }
        return b.byType.get(type.get()).skip(n, m, now).map(Skip::new);
    }

    private static Optional<Skip> skip(String reason) {
        return Optional.of(new Skip(reason));
    }

    /**
     * Takes this month's socialising tip, in one statement, for every manager about to get a nudge
     * whose type offers it who has not had one for a month.
     */
    void takeSocialTips(List<Nudge> toSend, Batch b, Instant now) {
        List<Nudge> offered = toSend.stream().filter(n -> types.withSocialTip(n.kind())).toList();
        if (offered.isEmpty()) {
            return;
        }
        Set<ManagerKey> due = new HashSet<>();
        jdbi.withExtension(
                        ManagerDao.class,
                        dao ->
                                dao.takeSocialTips(
                                        offered.stream().map(Nudge::teamId).toArray(String[]::new),
                                        offered.stream().map(Nudge::userId).toArray(String[]::new),
                                        now,
                                        now.minus(SOCIAL_TIP_EVERY)))
                .forEach(k -> due.add(new ManagerKey(k.teamId(), k.userId())));
        b.socialTips = due;
    }

    /** The DM for {@code n}, as of {@code now}. */
    NudgeViews.Message render(Nudge n, Batch b, Instant now) {
        NudgeType type = types.of(n.kind()).orElseThrow();
        if (types.withoutManager(n.kind())) {
            return NudgeViews.render(n, b.byType.get(type).render(n, now), false);
        }
        Manager m = b.manager(n).orElseThrow();
        return NudgeViews.render(n, b.byType.get(type).render(n, m, now), b.socialTip(n));
    }
}
