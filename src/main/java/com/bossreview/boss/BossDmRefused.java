package com.bossreview.boss;

import com.bossreview.slack.SlackCallException;
import com.bossreview.time.ClockStyle;
import java.time.ZoneId;

/**
 * A DM to the boss that {@link BossGuard} did not let out. It is a {@link SlackCallException} on
 * purpose: every sender already releases its own claim (news shared, forecast shared, agenda sent)
 * when sending one throws, so a refused DM is recorded nowhere and can be clicked again later.
 * {@link ShareWithBoss} catches it first, to tell the manager why.
 */
public final class BossDmRefused extends SlackCallException {
    private final BossGuard.Refusal refusal;

    BossDmRefused(BossGuard.Refusal refusal) {
        super(
                "bossreview",
                refusal instanceof BossGuard.Refusal.Stopped
                        ? "boss_stopped_dms"
                        : "boss_dm_limit");
        this.refusal = refusal;
    }

    public BossGuard.Refusal refusal() {
        return refusal;
    }

    /** What the manager is told, with the time in their zone and clock style. */
    public String toManager(ZoneId zone, ClockStyle style) {
        return BossGuardViews.refused(refusal, zone, style);
    }
}
