package com.bossreview.review;

import com.bossreview.Deps;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.App;

/** The weekly review: {@code review <day> <time>}, {@code booked} / {@code held} / {@code skip} and their buttons. */
public final class ReviewFeature {
    private final Deps deps;
    private final ReviewService reviews;

    public ReviewFeature(Deps deps) {
        this.deps = deps;
        this.reviews = new ReviewService(deps.jdbi(), deps.clock());
    }

    public ReviewService service() {
        return reviews;
    }

    public void register(CommandRouter router, App app, Clicks clicks) {
        router.register(Subcommand.REVIEW, new ReviewCommand(reviews, deps.managers(), deps.zones(), deps.users(),
                deps.afterAck()));
        router.register(Subcommand.BOOKED, new MarkCommand(Subcommand.BOOKED, ReviewState.BOOKED, reviews, deps.zones()));
        router.register(Subcommand.HELD, new MarkCommand(Subcommand.HELD, ReviewState.HELD, reviews, deps.zones()));
        router.register(Subcommand.SKIP, new MarkCommand(Subcommand.SKIP, ReviewState.SKIPPED, reviews, deps.zones()));
        MarkButtons buttons = new MarkButtons(reviews, deps.managers(), clicks, deps.afterAck());
        app.blockAction(ReviewViews.BOOKED_ACTION, buttons);
        app.blockAction(ReviewViews.HELD_ACTION, buttons);
        app.blockAction(ReviewViews.SKIP_ACTION, buttons);
    }
}
