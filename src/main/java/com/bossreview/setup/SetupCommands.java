package com.bossreview.setup;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.bossreview.calendar.CalendarFeedButton;
import com.bossreview.calendar.CalendarFeeds;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.review.SlotBooker;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.Replies;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.SlackCallException;
import com.bossreview.slack.UserDirectory;
import com.bossreview.status.StatusViews;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /bossreview setup} and the Settings buttons open the setup modal; its submission saves
 * everything at once, and with a connected calendar books the slot or offers free ones ({@link
 * SetupBooking}).
 */
public final class SetupCommands implements Listeners {
    private static final Logger log = LoggerFactory.getLogger(SetupCommands.class);

    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final UserDirectory users;
    private final Messenger messenger;
    private final SlackApi slack;
    private final AfterAck afterAck;

    private final Clicks clicks;
    private final Clicks.HomeTab home;
    private final CalendarFeeds feeds;
    private final SetupBooking booking;

    public SetupCommands(
            ManagerService managers,
            ZoneRefresher zones,
            UserDirectory users,
            Messenger messenger,
            SlackApi slack,
            AfterAck afterAck,
            Clicks clicks,
            Clicks.HomeTab home,
            CalendarFeeds feeds,
            Optional<SlotBooker> booker) {
        this.managers = managers;
        this.zones = zones;
        this.users = users;
        this.messenger = messenger;
        this.slack = slack;
        this.afterAck = afterAck;
        this.clicks = clicks;
        this.home = home;
        this.feeds = feeds;
        this.booking = new SetupBooking(booker);
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(
                Subcommand.SETUP,
                (args, req, ctx) -> {
                    open(
                            req.getPayload().getTeamId(),
                            req.getPayload().getUserId(),
                            req.getPayload().getTriggerId(),
                            "",
                            text -> Replies.respond(ctx, text));
                    return ctx.ack();
                });
        app.blockAction(
                StatusViews.OPEN_SETUP,
                (req, ctx) -> {
                    Clicks.Click click = clicks.of(req, ctx);
                    open(
                            click.team(),
                            click.user(),
                            req.getPayload().getTriggerId(),
                            click.surface() == Clicks.Surface.HOME ? SetupViews.FROM_HOME : "",
                            click::note);
                    return ctx.ack();
                });
        app.viewSubmission(SetupViews.CALLBACK_ID, this::submitted);
    }

    /**
     * Opens the form after the ack. A manager whose zone was never read from Slack (a brand-new
     * user) gets it read first, so the form starts in their profile's zone rather than UTC;
     * views.open must still follow within the trigger's 3 seconds, and users.info answers in a
     * fraction of that.
     */
    private void open(
            String team, String user, String triggerId, String origin, Consumer<String> tell) {
        Manager known = managers.getOrCreate(team, user);
        afterAck.run(
                "setup views.open",
                () -> {
                    Manager manager = managers.zoneIsStale(known) ? profileRead(known) : known;
                    slack.openModal(team, triggerId, SetupViews.modal(manager, origin));
                },
                reason ->
                        tell.accept(
                                ":warning: I couldn't open the setup form ("
                                        + reason
                                        + "). "
                                        + "Try `/bossreview setup` again, or use `/bossreview settings`."));
    }

    /** The manager with their Slack profile's zone, or as stored when Slack cannot say just now. */
    private Manager profileRead(Manager known) {
        try {
            return zones.refreshNow(known.teamId(), known.userId()).orElse(known);
        } catch (SlackCallException e) {
            log.info(
                    "Setup form of {}/{} opens with the stored zone: {}",
                    known.teamId(),
                    known.userId(),
                    e.error());
            return known;
        }
    }

    private Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        String team = req.getPayload().getTeam().getId();
        String user = req.getPayload().getUser().getId();
        SetupForm.Result result =
                SetupForm.parse(req.getPayload().getView().getState().getValues(), user);
        if (result instanceof SetupForm.Result.Invalid invalid) {
            return ctx.ackWithErrors(invalid.errors());
        }
        SetupForm form = ((SetupForm.Result.Valid) result).form();
        Optional<Manager> before = managers.find(team, user);
        if (form.slot().isEmpty()) {
            // Day and time left blank keep the booked slot: it must still clear the prime hours
            // sent with it.
            Optional<ReviewSlot> kept =
                    before.flatMap(Manager::reviewSlot)
                            .filter(
                                    slot ->
                                            form.prime()
                                                    .reviewClash(slot.day(), slot.time())
                                                    .isPresent());
            if (kept.isPresent()) {
                return ctx.ackWithErrors(
                        Map.of(
                                SetupViews.PRIME,
                                "Your weekly review, "
                                        + kept.get()
                                        + ", would be inside these hours. Pick a new review day and time above, or other hours."));
            }
        }
        // The zone the form started with (the Slack profile's) is not the manager's own choice: it
        // keeps following
        // the profile. Only a zone they changed in the form is pinned.
        boolean followsProfile =
                before.map(m -> !m.zoneExplicit() && m.zone().equals(form.zone())).orElse(false);
        // A slot the form came with and went back unchanged was chosen before: not booked again.
        boolean slotChosenNow =
                form.slot().isPresent() && !form.slot().equals(before.flatMap(Manager::reviewSlot));
        managers.update(
                team,
                user,
                dao -> {
                    if (!followsProfile) {
                        dao.setZoneExplicitly(team, user, form.zone().getId(), managers.now());
                    }
                    // Like the zone: values that went back as the form showed them stay where
                    // they came from (the workspace's defaults keep applying to them).
                    if (before.map(m -> !m.primeHours().equals(form.prime())).orElse(true)) {
                        dao.setPrimeHours(team, user, form.prime().toString());
                    }
                    if (before.map(m -> m.fiscalStartMonth() != form.fiscalStart()).orElse(true)) {
                        dao.setFiscalStart(team, user, form.fiscalStart().getValue());
                    }
                    dao.setNudgesEnabled(team, user, form.nudges());
                    form.slot()
                            .ifPresent(
                                    s ->
                                            dao.setReviewSlot(
                                                    team, user, s.day().getValue(), s.time()));
                });
        boolean fromHome =
                SetupViews.FROM_HOME.equals(req.getPayload().getView().getPrivateMetadata());
        afterAck.run(
                "setup boss check",
                () -> {
                    String text = confirmBoss(team, user, form.boss());
                    List<LayoutBlock> blocks = new ArrayList<>();
                    blocks.add(section(s -> s.text(markdownText(text))));
                    Optional<List<LayoutBlock>> calendar =
                            managers.find(team, user)
                                    .flatMap(m -> booking.confirmation(m, slotChosenNow));
                    if (calendar.isPresent()) { // booked, or free slots offered
                        blocks.addAll(calendar.get());
                    } else if (form.slot().isPresent()) { // the link to put it in a calendar
                        feeds.link(team, user)
                                .map(CalendarFeedButton::block)
                                .ifPresent(blocks::add);
                    }
                    messenger.dm(team, user, text, blocks);
                    if (fromHome) { // the card on the tab still shows the old settings
                        home.publish(team, user, text);
                    }
                },
                reason -> {
                    /* AfterAck logged it; the settings are saved either way */
                });
        return ctx.ack();
    }

    /** The boss is checked against Slack after the modal closed; returns the confirmation to DM. */
    private String confirmBoss(String team, String user, Optional<String> boss)
            throws SlackCallException {
        String saved = ":white_check_mark: Setup saved. `/bossreview` shows your status any time.";
        if (boss.isEmpty()) {
            return saved;
        }
        var found = users.lookup(team, boss.get());
        if (found.isEmpty()
                || !found.get().memberOf(team)
                || found.get().bot()
                || found.get().deleted()) {
            return saved
                    + "\n:warning: But <@"
                    + boss.get()
                    + "> can't be your boss (a bot, deactivated, or not in "
                    + "this workspace), so your boss was not changed.";
        }
        managers.setBoss(team, user, boss.get());
        return saved + " <@" + boss.get() + "> is your boss.";
    }
}
