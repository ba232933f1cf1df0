package com.bossreview.review;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.UserDirectory;
import com.slack.api.bolt.App;

/**
 * The weekly review: {@code review <day> <time>}, {@code booked} / {@code held} / {@code skip} and
 * their buttons.
 */
public final class ReviewListeners implements Listeners {
    private final ReviewService reviews;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final UserDirectory users;
    private final Clicks clicks;
    private final AfterAck afterAck;
    private final java.util.Optional<SlotBooker> booker;
    private final FeedLinks feeds;
    private final AfterHeld afterHeld;

    public ReviewListeners(
            ReviewService reviews,
            ManagerService managers,
            ZoneRefresher zones,
            UserDirectory users,
            Clicks clicks,
            AfterAck afterAck,
            FeedLinks feeds,
            java.util.Optional<SlotBooker> booker,
            AfterHeld afterHeld) {
        this.afterHeld = afterHeld;
        this.booker = booker;
        this.reviews = reviews;
        this.managers = managers;
        this.zones = zones;
        this.users = users;
        this.clicks = clicks;
        this.afterAck = afterAck;
        this.feeds = feeds;
    }

    @Override
    public void register(CommandRouter commands, App app) {
        commands.register(
                Subcommand.REVIEW,
                new ReviewCommand(reviews, managers, zones, users, afterAck, feeds, booker));
        commands.register(
                Subcommand.BOOKED,
                new MarkCommand(Subcommand.BOOKED, ReviewState.BOOKED, reviews, zones, held()));
        commands.register(
                Subcommand.HELD,
                new MarkCommand(Subcommand.HELD, ReviewState.HELD, reviews, zones, held()));
        commands.register(
                Subcommand.SKIP,
                new MarkCommand(Subcommand.SKIP, ReviewState.SKIPPED, reviews, zones, held()));
        MarkButtons buttons = new MarkButtons(reviews, managers, clicks, afterAck, held());
        app.blockAction(ReviewViews.BOOKED_ACTION, buttons);
        app.blockAction(ReviewViews.HELD_ACTION, buttons);
        app.blockAction(ReviewViews.SKIP_ACTION, buttons);
    }

    private HeldFollowUp held() {
        return new HeldFollowUp(afterHeld, afterAck);
    }
}
