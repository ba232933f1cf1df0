package com.bossreview.boss;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A boss's click on a button of a DM sent to them (Thanks, Let's talk, Ask a question, Stop /
 * Resume these DMs): read before the ack (who clicked where, what the button names, the message as
 * the boss sees it) and answered after it by the button's {@link Answer}; a failure there is told
 * to the boss in the answer's own words.
 */
final class BossButton implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(BossButton.class);

    /** What one button does once the click is acked. */
    @FunctionalInterface
    interface Answer {
        void answer(Clicked clicked) throws Exception;
    }

    /**
     * One click: the button's action id, what its value names ({@code subject}, empty for a forged
     * or unreadable one), the clicked message's blocks as the boss sees them (so an answered copy
     * keeps what each feature wrote) and the trigger a form can be opened with.
     */
    record Clicked(
            Clicks.Click click,
            String action,
            Optional<Subject> subject,
            List<LayoutBlock> shown,
            String trigger) {
        String team() {
            return click.team();
        }

        String boss() {
            return click.user();
        }

        /**
         * What the button names, if it was sent to the clicker (the boss), whatever the value says;
         * otherwise the clicker is told {@code notYours}, and it is empty.
         */
        Optional<Sent> sentToClicker(BossReplies replies, String notYours) {
            Optional<Sent> sent = subject.flatMap(s -> replies.find(team(), boss(), s));
            if (sent.isEmpty()) {
                log.info("Refused {} of {}/{}: not sent to them", action, team(), boss());
                click.note(notYours);
            }
            return sent;
        }
    }

    private final String what;
    private final Function<String, Optional<Subject>> parse;
    private final Answer answer;
    private final Function<String, String> failed;
    private final Clicks clicks;
    private final AfterAck afterAck;

    /**
     * @param what the work after the ack, for the log
     * @param parse reads the button's value ({@link Subject#parse}, or the legacy bare news id)
     * @param failed the boss's answer when the work fails, given a short reason
     */
    BossButton(
            String what,
            Function<String, Optional<Subject>> parse,
            Answer answer,
            Function<String, String> failed,
            Clicks clicks,
            AfterAck afterAck) {
        this.what = what;
        this.parse = parse;
        this.answer = answer;
        this.failed = failed;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Clicks.Click click = clicks.of(request, ctx);
        List<LayoutBlock> shown =
                payload.getMessage() == null || payload.getMessage().getBlocks() == null
                        ? List.of()
                        : payload.getMessage().getBlocks();
        Clicked clicked =
                new Clicked(
                        click,
                        payload.getActions().get(0).getActionId(),
                        parse.apply(ButtonValue.clicked(request)),
                        shown,
                        payload.getTriggerId());
        afterAck.run(
                what, () -> answer.answer(clicked), reason -> click.note(failed.apply(reason)));
        return ctx.ack();
    }
}
