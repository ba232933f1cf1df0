package com.bossreview.boss;

import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import com.slack.api.model.block.LayoutBlock;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every DM to a boss goes through here, so every one of them looks the same from the boss's side: the
 * introduction when it is the first bossreview DM this boss ever gets in the workspace, the feature's own
 * message, and the three answer buttons (Thanks, Let's talk, Ask a question) naming what was sent.
 */
public final class BossDms {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Messenger messenger;

    public BossDms(Jdbi jdbi, Clock clock, Messenger messenger) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.messenger = messenger;
    }

    /**
     * Sends {@code manager}'s message about {@code subject} to {@code boss}. The introduction is claimed in the
     * database first (of two managers sending to one boss at once, one introduces) and released if Slack does
     * not take the message, which is then thrown as before.
     *
     * @return the message's {@code ts}
     */
    public String send(String team, String manager, String boss, Subject subject, String text,
                       List<LayoutBlock> blocks) throws SlackCallException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean first = jdbi.withExtension(BossIntroDao.class, dao -> dao.claim(team, boss, manager, at)) == 1;
        try {
            return messenger.dm(team, boss, text, BossReplyViews.dm(first ? manager : null, subject, blocks));
        } catch (SlackCallException | RuntimeException e) {
            if (first) {
                jdbi.useExtension(BossIntroDao.class, dao -> dao.release(team, boss, manager, at));
            }
            throw e;
        }
    }
}
