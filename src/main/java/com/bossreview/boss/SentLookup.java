package com.bossreview.boss;

import java.util.Optional;

/**
 * A feature's answer to "did this workspace send thing {@code id} of mine to {@code boss}?": empty
 * for anything not sent to exactly that person in exactly that workspace, which is how a click by
 * anyone else, or a forged value, is refused. Each feature that DMs the boss plugs one in.
 */
@FunctionalInterface
public interface SentLookup {
    Optional<Sent> sentTo(String team, String boss, long id);
}
