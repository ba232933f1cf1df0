package com.bossreview.boss;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.ModalInput;
import com.bossreview.slack.SlackCallException;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code boss_ask_modal} submitted: an empty or too long question keeps the form open with the
 * reason; else the form closes and, after the ack, the manager gets the question quoted and the
 * boss a confirmation in their DM with the app (or, if the manager could not be reached, their
 * question back to ask again).
 */
final class AskSubmission implements ViewSubmissionHandler {
    private static final Logger log = LoggerFactory.getLogger(AskSubmission.class);

    private final BossReplies replies;
    private final Messenger messenger;
    private final AfterAck afterAck;

    AskSubmission(BossReplies replies, Messenger messenger, AfterAck afterAck) {
        this.replies = replies;
        this.messenger = messenger;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        String team = request.getPayload().getTeam().getId();
        String boss = request.getPayload().getUser().getId();
        String question =
                ModalInput.typed(
                                request,
                                BossReplyViews.QUESTION_BLOCK,
                                BossReplyViews.QUESTION_ACTION)
                        .strip();
        Optional<String> problem = BossReplies.questionProblem(question);
        if (problem.isPresent()) {
            return ctx.ackWithErrors(Map.of(BossReplyViews.QUESTION_BLOCK, problem.get()));
        }
        Optional<Subject> subject =
                Subject.parse(request.getPayload().getView().getPrivateMetadata());
        if (subject.isEmpty() || replies.find(team, boss, subject.get()).isEmpty()) {
            log.info("Refused a question of {}/{}: not sent to them", team, boss);
            return ctx.ackWithErrors(
                    Map.of(
                            BossReplyViews.QUESTION_BLOCK,
                            "This isn't yours to answer, or it no longer exists. Nothing was sent."));
        }
        afterAck.run(
                "boss question",
                () -> ask(team, boss, subject.get(), question),
                reason -> tellBossQuietly(team, boss, AskViews.askNotSent(null, reason, question)));
        return ctx.ack();
    }

    private void ask(String team, String boss, Subject subject, String question)
            throws SlackCallException {
        BossReplies.Outcome outcome;
        try {
            outcome =
                    replies.answerByDm(
                            messenger, team, boss, subject, BossReply.ASK, Optional.of(question));
        } catch (SlackCallException e) {
            log.warn(
                    "Question of {}/{} about {} not delivered: {}",
                    team,
                    boss,
                    subject.value(),
                    e.error());
            tellBoss(
                    team,
                    boss,
                    AskViews.askNotSent(replies.sender(team, boss, subject), e.error(), question));
            return;
        }
        if (outcome instanceof BossReplies.Outcome.Answered a) {
            log.info(
                    "Question of {}/{} about {} told to {}",
                    team,
                    boss,
                    subject.value(),
                    a.sent().managerId());
            tellBoss(team, boss, AskViews.asked(a.sent().managerId(), question));
        } else {
            // Gone between the form's check and now (deleted, forgotten): say so rather than stay
            // silent.
            messenger.dm(team, boss, BossReplyViews.notYours(), null);
        }
    }

    private void tellBoss(String team, String boss, BossReplyViews.Message m)
            throws SlackCallException {
        messenger.dm(team, boss, m.text(), m.blocks());
    }

    private void tellBossQuietly(String team, String boss, BossReplyViews.Message m) {
        try {
            tellBoss(team, boss, m);
        } catch (SlackCallException e) {
            log.warn(
                    "The boss {}/{} was not told their question failed: {}", team, boss, e.error());
        }
    }
}
