package com.bossreview.boss;

import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code boss_stop} / {@code boss_resume}: the boss stops (or resumes) DMs from the manager who
 * sent the DM the button is on. Who that manager is comes from what was sent to the clicker, never
 * from the button, so only the boss the DM went to can change it; anyone else, or a forged value,
 * is refused and nothing changes. The DM is rewritten to show the new state; a double click finds
 * it that way already and shows the same.
 */
final class GuardAction implements BossButton.Answer {
    private static final Logger log = LoggerFactory.getLogger(GuardAction.class);

    private final boolean stop;
    private final BossReplies replies;
    private final BossGuard guard;
    private final Clock clock;

    GuardAction(boolean stop, BossReplies replies, BossGuard guard, Clock clock) {
        this.stop = stop;
        this.replies = replies;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public void answer(BossButton.Clicked clicked) {
        Optional<Sent> sent = clicked.sentToClicker(replies, BossGuardViews.notYours());
        if (sent.isEmpty()) {
            return;
        }
        String team = clicked.team();
        String boss = clicked.boss();
        String manager = sent.get().managerId();
        Subject subject = clicked.subject().orElseThrow();
        BossGuard.Change change =
                stop
                        ? guard.stop(
                                team, boss, manager, clock.instant().truncatedTo(ChronoUnit.MICROS))
                        : guard.resume(team, boss, manager);
        log.info(
                "{}/{} {} DMs from {} ({})",
                team,
                boss,
                stop ? "stopped" : "resumed",
                manager,
                change);
        String text =
                stop ? BossGuardViews.stoppedText(manager) : BossGuardViews.resumedText(manager);
        LayoutBlock control =
                stop
                        ? BossGuardViews.stoppedControl(manager, subject)
                        : BossGuardViews.control(manager, subject);
        clicked.click().replace(text, BossGuardViews.withControl(clicked.shown(), control));
    }
}
