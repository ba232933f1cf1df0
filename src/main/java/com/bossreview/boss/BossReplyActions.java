package com.bossreview.boss;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackApi;
import com.slack.api.bolt.App;

/** The boss's buttons on every DM to the boss, and the question form, registered on the Bolt app. */
public final class BossReplyActions {
    private final BossReplies replies;
    private final Messenger messenger;
    private final SlackApi slack;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public BossReplyActions(BossReplies replies, Messenger messenger, SlackApi slack, Clicks clicks, AfterAck afterAck) {
        this.replies = replies;
        this.messenger = messenger;
        this.slack = slack;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    public void register(App app) {
        app.blockAction(BossReplyViews.THANKS,
                new AnswerAction(BossReply.THANKS, Subject::parse, replies, messenger, clicks, afterAck));
        app.blockAction(BossReplyViews.LETS_TALK,
                new AnswerAction(BossReply.LETS_TALK, Subject::parse, replies, messenger, clicks, afterAck));
        // DMs already in bosses' Slack still carry "Thanks — let's talk" with a bare news id: it meant Let's talk.
        app.blockAction(BossReplyViews.LEGACY_ACK_NEWS,
                new AnswerAction(BossReply.LETS_TALK, Subject::parseLegacyNews, replies, messenger, clicks, afterAck));
        app.blockAction(BossReplyViews.ASK, new AskAction(replies, slack, clicks, afterAck));
        app.viewSubmission(BossReplyViews.ASK_MODAL, new AskSubmission(replies, messenger, afterAck));
    }
}
