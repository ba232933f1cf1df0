package com.bossreview.boss;

import com.bossreview.manager.Manager;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackCallException;
import com.bossreview.time.ClockStyle;
import com.slack.api.model.block.LayoutBlock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's click that sends something of theirs to their boss (news, a forecast): claim, send,
 * release. The feature claims the thing in its own table, so that a double click sends one DM; the
 * DM goes out through {@link BossDms}; the feature releases its claim when sending throws, so that
 * the button works again later. What stopped a DM is told to the manager here, one way for every
 * feature: the boss's guard (stopped, or the hour's limit, with the time in the manager's zone and
 * clock style) or Slack's error.
 */
public final class ShareWithBoss {
    private static final Logger log = LoggerFactory.getLogger(ShareWithBoss.class);

    /** The DM about {@code subject} to {@code boss}, once the feature has claimed it. */
    @FunctionalInterface
    public interface Dm {
        void send(String boss, Subject subject, String text, List<LayoutBlock> blocks)
                throws SlackCallException;
    }

    /**
     * The feature's claim → send → release, sending with {@code dm}; its outcome is the feature's
     * to answer.
     */
    @FunctionalInterface
    public interface Share<R> {
        R share(Dm dm) throws SlackCallException;
    }

    /** The feature's words for a DM Slack did not take (nothing was marked as shared). */
    @FunctionalInterface
    public interface NotSent {
        String text(String boss, String reason);
    }

    private final BossDms dms;

    public ShareWithBoss(BossDms dms) {
        this.dms = dms;
    }

    /**
     * Runs {@code share} for the clicker, a manager ({@code manager} is their record, if they have
     * one).
     *
     * @param what the thing shared, for the log only (e.g. {@code news 12})
     * @return the feature's outcome; empty when the DM did not go out: the claim is released and
     *     the manager told why
     */
    public <R> Optional<R> share(
            Clicks.Click click,
            Optional<Manager> manager,
            String what,
            Share<R> share,
            NotSent notSent) {
        String team = click.team();
        String user = click.user();
        String[] boss = {"-"};
        try {
            return Optional.of(
                    share.share(
                            (to, subject, text, blocks) -> {
                                boss[0] = to;
                                dms.send(team, user, to, subject, text, blocks);
                            }));
        } catch (BossDmRefused r) {
            log.info("{} of {}/{} not sent to {}: {}", what, team, user, boss[0], r.error());
            click.note(
                    r.toManager(
                            manager.map(Manager::zone).orElse(ZoneOffset.UTC),
                            manager.map(Manager::clock).orElse(ClockStyle.H24)));
        } catch (SlackCallException e) {
            log.warn("{} of {}/{} was not sent to {}: {}", what, team, user, boss[0], e.error());
            click.note(notSent.text(boss[0], e.error()));
        }
        return Optional.empty();
    }
}
