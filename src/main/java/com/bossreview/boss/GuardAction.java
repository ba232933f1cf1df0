package com.bossreview.boss;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code boss_stop} / {@code boss_resume}: the boss stops (or resumes) DMs from the manager who sent the DM the
 * button is on. Who that manager is comes from what was sent to the clicker, never from the button, so only the
 * boss the DM went to can change it; anyone else, or a forged value, is refused and nothing changes. The DM is
 * rewritten to show the new state; a double click finds it that way already and shows the same.
 */
final class GuardAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(GuardAction.class);

    private final boolean stop;
    private final BossReplies replies;
    private final BossGuard guard;
    private final Clock clock;
    private final Clicks clicks;
    private final AfterAck afterAck;

    GuardAction(boolean stop, BossReplies replies, BossGuard guard, Clock clock, Clicks clicks, AfterAck afterAck) {
        this.stop = stop;
        this.replies = replies;
        this.guard = guard;
        this.clock = clock;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Clicks.Click click = clicks.of(request, ctx);
        String value = payload.getActions().get(0).getValue();
        List<LayoutBlock> shown = payload.getMessage() == null || payload.getMessage().getBlocks() == null
                ? List.of() : payload.getMessage().getBlocks();
        afterAck.run(stop ? "boss stop" : "boss resume", () -> change(click, value, shown),
                reason -> click.note(BossGuardViews.failed(reason)));
        return ctx.ack();
    }

    private void change(Clicks.Click click, String value, List<LayoutBlock> shown) {
        String team = click.team();
        String boss = click.user();
        Optional<Subject> subject = Subject.parse(value);
        Optional<Sent> sent = subject.flatMap(s -> replies.find(team, boss, s));
        if (sent.isEmpty()) {
            log.info("Refused {} of {}/{}: not sent to them", stop ? "boss_stop" : "boss_resume", team, boss);
            click.note(BossGuardViews.notYours());
            return;
        }
        String manager = sent.get().managerId();
        BossGuard.Change change = stop
                ? guard.stop(team, boss, manager, clock.instant().truncatedTo(ChronoUnit.MICROS))
                : guard.resume(team, boss, manager);
        log.info("{}/{} {} DMs from {} ({})", team, boss, stop ? "stopped" : "resumed", manager, change);
        String text = stop ? BossGuardViews.stoppedText(manager) : BossGuardViews.resumedText(manager);
        LayoutBlock control = stop ? BossGuardViews.stoppedControl(manager, subject.get())
                : BossGuardViews.control(manager, subject.get());
        click.replace(text, BossGuardViews.withControl(shown, control));
    }
}
