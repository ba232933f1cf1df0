package com.bossreview.boss;

import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code boss_thanks}, {@code boss_lets_talk} (and the old {@code boss_ack_news}, a Let's talk):
 * the boss's closing answer. The manager is told which it was, once; the boss's message loses its
 * buttons and shows it.
 */
final class AnswerAction implements BossButton.Answer {
    private static final Logger log = LoggerFactory.getLogger(AnswerAction.class);

    private final BossReply reply;
    private final BossReplies replies;
    private final Messenger messenger;

    AnswerAction(BossReply reply, BossReplies replies, Messenger messenger) {
        this.reply = reply;
        this.replies = replies;
        this.messenger = messenger;
    }

    @Override
    public void answer(BossButton.Clicked clicked) {
        String team = clicked.team();
        String boss = clicked.boss();
        if (clicked.subject().isEmpty()) {
            log.info("Refused {} of {}/{}: not a subject", reply, team, boss);
            clicked.click().note(BossReplyViews.notYours());
            return;
        }
        Subject subject = clicked.subject().get();
        BossReplies.Outcome outcome;
        try {
            outcome = replies.answerByDm(messenger, team, boss, subject, reply, Optional.empty());
        } catch (SlackCallException e) {
            log.warn(
                    "{} of {}/{} to {} not delivered: {}",
                    reply,
                    team,
                    boss,
                    subject.value(),
                    e.error());
            clicked.click()
                    .note(BossReplyViews.notSent(replies.sender(team, boss, subject), e.error()));
            return;
        }
        if (outcome instanceof BossReplies.Outcome.Answered a) {
            log.info(
                    "{} of {}/{} to {} told to {}",
                    reply,
                    team,
                    boss,
                    subject.value(),
                    a.sent().managerId());
            clicked.click()
                    .replace(
                            BossReplyViews.answeredText(
                                    reply, subject.kind(), a.sent().managerId()),
                            BossReplyViews.answered(
                                    clicked.shown(), reply, subject.kind(), a.sent().managerId()));
        } else if (outcome instanceof BossReplies.Outcome.AlreadyAnswered a) {
            clicked.click()
                    .note(
                            BossReplyViews.alreadyAnswered(
                                    a.reply(), subject.kind(), a.sent().managerId()));
        } else {
            log.info(
                    "Refused {} of {}/{} to {}: not sent to them",
                    reply,
                    team,
                    boss,
                    subject.value());
            clicked.click().note(BossReplyViews.notYours());
        }
    }
}
