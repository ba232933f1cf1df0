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
import java.time.ZoneId;
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

    public SnoozeAction(Jdbi jdbi, Clock clock, AfterAck afterAck, Clicks clicks) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.afterAck = afterAck;
        this.clicks = clicks;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        String team = req.getPayload().getTeam().getId();
        String user = req.getPayload().getUser().getId();
        OptionalLong clicked =
                ButtonValue.id(ButtonValue.clicked(req)); // a positive row id, or nothing
        Optional<Long> id =
                clicked.isPresent() ? Optional.of(clicked.getAsLong()) : Optional.empty();
        Optional<Manager> manager =
                jdbi.withExtension(ManagerDao.class, dao -> dao.find(team, user));
        // A review prep comes back before the review or not at all.
        Optional<Instant> review =
                manager.flatMap(
                        m ->
                                id.flatMap(
                                                nudgeId ->
                                                        jdbi.withExtension(
                                                                PlanDao.class,
                                                                dao ->
                                                                        dao.prepPeriod(
                                                                                team, user,
                                                                                nudgeId)))
                                        .flatMap(
                                                period ->
                                                        period.base() instanceof NudgePeriod.Week w
                                                                ? NudgePlanner.reviewStart(
                                                                        m, w.week())
                                                                : Optional.empty()));
        Optional<Instant> prepDue =
                manager.flatMap(
                        m ->
                                review.flatMap(
                                        start ->
                                                NudgePlanner.snoozedPrepUntil(
                                                        m, clock.instant(), SNOOZE_FOR, start)));
        boolean tooClose = review.isPresent() && prepDue.isEmpty();
        Instant due =
                prepDue.orElseGet(
                        () ->
                                manager.map(
                                                m ->
                                                        NudgePlanner.snoozedUntil(
                                                                m, clock.instant(), SNOOZE_FOR))
                                        .orElse(clock.instant().plus(SNOOZE_FOR)));
        // Only the clicker's own nudge; the new period is keyed on the minute, so a double click
        // snoozes once.
        Optional<ZoneId> snoozed =
                manager.isEmpty() || tooClose
                        ? Optional.empty()
                        : id.flatMap(
                                nudgeId ->
                                        jdbi.inTransaction(
                                                h -> {
                                                    PlanDao nudges = h.attach(PlanDao.class);
                                                    nudges.period(team, user, nudgeId)
                                                            .ifPresent(
                                                                    period ->
                                                                            nudges.snooze(
                                                                                    team,
                                                                                    user,
                                                                                    nudgeId,
                                                                                    period.snoozedAt(
                                                                                                    due
                                                                                                                    .getEpochSecond()
                                                                                                            / 60)
                                                                                            .key(),
                                                                                    due));
                                                    boolean mine =
                                                            nudges.countOwn(team, user, nudgeId)
                                                                    == 1;
                                                    return mine
                                                            ? h.attach(ManagerDao.class)
                                                                    .zone(team, user)
                                                                    .map(ZoneId::of)
                                                            : Optional.empty();
                                                }));
        String text =
                snoozed.map(
                                zone ->
                                        ":zzz: Snoozed — I'll remind you at "
                                                + manager.map(
                                                                m ->
                                                                        m.show(
                                                                                due.atZone(zone)
                                                                                        .toLocalTime()))
                                                        .orElseThrow()
                                                + ".")
                        .orElse(
                                tooClose
                                        ? ":hourglass_flowing_sand: Your review starts at "
                                                + manager.get()
                                                        .show(
                                                                review.get()
                                                                        .atZone(
                                                                                manager.get()
                                                                                        .zone())
                                                                        .toLocalTime())
                                                + " — too close to snooze. Send the agenda now or skip."
                                        : ":no_entry: That reminder isn't yours or no longer exists. Nothing was snoozed.");
        Clicks.Click click = clicks.of(req, ctx);
        afterAck.run(
                "snooze reply",
                () -> {
                    if (snoozed.isPresent()) {
                        click.replace(text, List.of(section(s -> s.text(markdownText(text)))));
                    } else {
                        click.note(text); // the nudge and its Send to boss button stay
                    }
                },
                reason -> {});
        return ctx.ack();
    }
}
