package com.bossreview.boss;

import com.bossreview.slack.SlackApi;
import java.util.Optional;

/**
 * {@code boss_ask}: opens the question form ({@code views.open} with the click's trigger_id, after
 * the ack) for the boss the thing was sent to; anyone else is refused without a form. The DM keeps
 * its buttons: a boss may ask again, or still say thanks.
 */
final class AskAction implements BossButton.Answer {
    private final BossReplies replies;
    private final SlackApi slack;

    AskAction(BossReplies replies, SlackApi slack) {
        this.replies = replies;
        this.slack = slack;
    }

    @Override
    public void answer(BossButton.Clicked clicked) throws Exception {
        Optional<Sent> sent = clicked.sentToClicker(replies, BossReplyViews.notYours());
        if (sent.isEmpty()) {
            return;
        }
        slack.openModal(
                clicked.team(),
                clicked.trigger(),
                AskViews.askModal(clicked.subject().orElseThrow(), sent.get()));
    }
}
