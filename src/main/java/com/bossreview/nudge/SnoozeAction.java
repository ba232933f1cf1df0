package com.bossreview.nudge;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/** {@code snooze}: the same nudge again in two hours, as a new occurrence of the same period. */
public final class SnoozeAction implements BlockActionHandler {
    public static final String SNOOZE = NudgeViews.SNOOZE;
    static final Duration SNOOZE_FOR = Duration.ofHours(2);

    private final Jdbi jdbi;
    private final Clock clock;
    private final AfterAck afterAck;
    private final Clicks clicks;
    private final NudgeTypes types;

    public SnoozeAction(
            Jdbi jdbi, Clock clock, AfterAck afterAck, Clicks clicks, NudgeTypes types) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.afterAck = afterAck;
        this.clicks = clicks;
        this.types = types;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        String team = req.getPayload().getTeam().getId();
        String user = req.getPayload().getUser().getId();
        OptionalLong id = ButtonValue.id(ButtonValue.clicked(req)); // a positive row id, or nothing
        String text = id.isPresent() ? snooze(team, user, id.getAsLong()) : NOT_YOURS;
        boolean snoozed = text.startsWith(SNOOZED);
        Clicks.Click click = clicks.of(req, ctx);
        afterAck.run(
                "snooze reply",
                () -> {
                    if (snoozed) {
                        click.replace(text, List.of(section(s -> s.text(markdownText(text)))));
                    } else {
                        click.note(text); // the nudge and its Send to boss button stay
                    }
                },
                reason -> {});
        return ctx.ack();
    }

    private static final String SNOOZED = ":zzz: Snoozed";
    private static final String NOT_YOURS =
            ":no_entry: That reminder isn't yours or no longer exists. Nothing was snoozed.";

    /**
     * Snoozes the manager's own nudge {@code id}; what to say. A nudge whose type sets a deadline
     * (a review prep before the review) comes back by then or is not snoozed.
     */
    private String snooze(String team, String user, long id) {
        Optional<Manager> manager =
                jdbi.withExtension(ManagerDao.class, dao -> dao.find(team, user));
        Optional<PlanDao.Own> own =
                manager.flatMap(
                        m -> jdbi.withExtension(PlanDao.class, dao -> dao.own(team, user, id)));
        if (manager.isEmpty() || own.isEmpty()) {
            return NOT_YOURS;
        }
        Manager m = manager.get();
        Instant now = clock.instant();
        Optional<NudgeType.SnoozeDeadline> deadline =
                types.of(own.get().kind())
                        .flatMap(t -> t.snoozeDeadline(own.get().kind(), own.get().period(), m));
        Instant due;
        if (deadline.isPresent()) {
            Optional<Instant> before =
                    NudgePlanner.snoozedBefore(m, now, SNOOZE_FOR, deadline.get().latest());
            if (before.isEmpty()) {
                return deadline.get().tooClose();
            }
            due = before.get();
        } else {
            due = NudgePlanner.snoozedUntil(m, now, SNOOZE_FOR);
        }
        // The new period is keyed on the minute, so a double click snoozes once.
        NudgePeriod period = own.get().period().snoozedAt(due.getEpochSecond() / 60);
        jdbi.useExtension(PlanDao.class, dao -> dao.snooze(team, user, id, period.key(), due));
        return SNOOZED
                + " — I'll remind you at "
                + m.show(due.atZone(m.zone()).toLocalTime())
                + ".";
    }
}
