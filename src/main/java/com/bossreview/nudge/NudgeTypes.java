package com.bossreview.nudge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered {@link NudgeType}s, by kind: built once in the composition root. */
public final class NudgeTypes {
    private final List<NudgeType> types;
    private final Map<NudgeKind, NudgeType> byKind = new LinkedHashMap<>();

    public NudgeTypes(List<NudgeType> types) {
        this.types = List.copyOf(types);
        for (NudgeType t : this.types) {
            for (NudgeKind k : t.kinds()) {
                if (byKind.putIfAbsent(k, t) != null) {
                    throw new IllegalArgumentException("nudge kind " + k + " registered twice");
                }
            }
            if (!t.kinds().containsAll(t.periodic())
                    || !t.kinds().containsAll(t.withSocialTip())
                    || !t.kinds().containsAll(t.withoutManager())) {
                throw new IllegalArgumentException(t + " names kinds it does not declare");
            }
        }
    }

    public static NudgeTypes of(NudgeType... types) {
        return new NudgeTypes(List.of(types));
    }

    List<NudgeType> all() {
        return types;
    }

    /** The type of {@code kind}; empty for a kind no registered type declares. */
    Optional<NudgeType> of(NudgeKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The stored names of every periodic kind (planned by the materializer). */
    List<String> periodicNames() {
        List<String> names = new ArrayList<>();
        types.forEach(t -> t.periodic().forEach(k -> names.add(k.name())));
        return names;
    }

    /** Whether {@code kind} is sent without a manager (see {@link NudgeType#withoutManager}). */
    boolean withoutManager(NudgeKind kind) {
        return of(kind).filter(t -> t.withoutManager().contains(kind)).isPresent();
    }

    boolean withSocialTip(NudgeKind kind) {
        return of(kind).filter(t -> t.withSocialTip().contains(kind)).isPresent();
    }
}
