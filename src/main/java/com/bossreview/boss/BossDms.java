package com.bossreview.boss;

import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Every DM to a boss goes through here, so every one of them looks the same from the boss's side:
 * the introduction when it is the first bossreview DM this boss ever gets in the workspace, the
 * feature's own message, the three answer buttons (Thanks, Let's talk, Ask a question) naming what
 * was sent, and the boss's quiet control to stop DMs from this manager. It is also where {@link
 * BossGuard} keeps a manager from flooding their boss: a DM the boss stopped, or one over the
 * hour's limit, is refused before anything goes out. Features send through {@link ShareWithBoss},
 * which also tells the manager when a DM did not go out.
 */
public final class BossDms {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Messenger messenger;
    private final BossGuard guard;

    public BossDms(Jdbi jdbi, Clock clock, Messenger messenger) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.messenger = messenger;
        this.guard = new BossGuard(jdbi);
    }

    /**
     * Sends {@code manager}'s message about {@code subject} to {@code boss}. One of the hour's DMs
     * is claimed first, then the introduction (of two managers sending to one boss at once, one
     * introduces); both are released if Slack does not take the message, which is then thrown as
     * before.
     *
     * @return the message's {@code ts}
     * @throws BossDmRefused when the boss stopped this manager's DMs or the hour's are used up:
     *     nothing was sent
     */
    String send(
            String team,
            String manager,
            String boss,
            Subject subject,
            String text,
            List<LayoutBlock> blocks)
            throws SlackCallException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long claim = guard.claim(team, manager, boss, at);
        boolean first = false;
        try {
            first =
                    jdbi.withExtension(
                                    BossIntroDao.class, dao -> dao.claim(team, boss, manager, at))
                            == 1;
            List<LayoutBlock> dm =
                    new ArrayList<>(BossReplyViews.dm(first ? manager : null, subject, blocks));
            dm.add(BossGuardViews.control(manager, subject));
            return messenger.dm(team, boss, text, dm);
        } catch (SlackCallException | RuntimeException e) {
            if (first) {
                jdbi.useExtension(BossIntroDao.class, dao -> dao.release(team, boss, manager, at));
            }
            guard.release(team, claim);
            throw e;
        }
    }
}
