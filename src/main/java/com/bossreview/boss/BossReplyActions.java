package com.bossreview.boss;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackApi;
import com.slack.api.bolt.App;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The boss's buttons on every DM to the boss (answers, stop/resume), and the question form, on the
 * Bolt app.
 */
public final class BossReplyActions implements Listeners {
    private final BossReplies replies;
    private final Messenger messenger;
    private final SlackApi slack;
    private final Clicks clicks;
    private final AfterAck afterAck;
    private final BossGuard guard;
    private final Clock clock;

    public BossReplyActions(
            BossReplies replies,
            BossGuard guard,
            Clock clock,
            Messenger messenger,
            SlackApi slack,
            Clicks clicks,
            AfterAck afterAck) {
        this.replies = replies;
        this.guard = guard;
        this.clock = clock;
        this.messenger = messenger;
        this.slack = slack;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter commands, App app) {
        app.blockAction(BossReplyViews.THANKS, answer(BossReply.THANKS, Subject::parse));
        app.blockAction(BossReplyViews.LETS_TALK, answer(BossReply.LETS_TALK, Subject::parse));
        // DMs already in bosses' Slack still carry "Thanks — let's talk" with a bare news id: it
        // meant Let's talk.
        app.blockAction(
                BossReplyViews.LEGACY_ACK_NEWS,
                answer(BossReply.LETS_TALK, Subject::parseLegacyNews));
        app.blockAction(
                BossReplyViews.ASK,
                new BossButton(
                        "boss question form",
                        Subject::parse,
                        new AskAction(replies, slack),
                        BossReplyViews::formFailed,
                        clicks,
                        afterAck));
        app.viewSubmission(
                BossReplyViews.ASK_MODAL, new AskSubmission(replies, messenger, afterAck));
        app.blockAction(BossGuardViews.STOP, guard(true));
        app.blockAction(BossGuardViews.RESUME, guard(false));
    }

    private BossButton answer(BossReply reply, Function<String, Optional<Subject>> parse) {
        return new BossButton(
                "boss answer",
                parse,
                new AnswerAction(reply, replies, messenger),
                BossReplyViews::failed,
                clicks,
                afterAck);
    }

    private BossButton guard(boolean stop) {
        return new BossButton(
                stop ? "boss stop" : "boss resume",
                Subject::parse,
                new GuardAction(stop, replies, guard, clock),
                BossGuardViews::failed,
                clicks,
                afterAck);
    }
}
