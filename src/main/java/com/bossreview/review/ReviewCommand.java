package com.bossreview.review;

import com.bossreview.command.SubcommandHandler;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Replies;
import com.bossreview.slack.UserDirectory;
import com.bossreview.time.Times;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code /bossreview review <day> <time>}: stored before the ack unless it is in prime hours. A
 * manager whose time zone was never read from Slack is told it in a follow-up once it is.
 */
final class ReviewCommand implements SubcommandHandler {
    private final ReviewService reviews;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final UserDirectory users;
    private final AfterAck afterAck;
    private final Optional<SlotBooker> booker;
    private final FeedLinks feeds;

    ReviewCommand(
            ReviewService reviews,
            ManagerService managers,
            ZoneRefresher zones,
            UserDirectory users,
            AfterAck afterAck,
            FeedLinks feeds,
            Optional<SlotBooker> booker) {
        this.booker = booker;
        this.reviews = reviews;
        this.managers = managers;
        this.zones = zones;
        this.users = users;
        this.afterAck = afterAck;
        this.feeds = feeds;
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String team = request.getPayload().getTeamId();
        String me = request.getPayload().getUserId();
        SlotText parsed = SlotText.parse(arguments);
        Optional<SlotBooker> calendar = booker.filter(b -> b.connected(team, me));
        if (parsed instanceof SlotText.Empty && calendar.isPresent()) {
            // A connected calendar: free slots to book with one click, read after the ack.
            var m = managers.getOrCreate(team, me);
            afterAck.run(
                    "review offers",
                    () -> {
                        var blocks = calendar.get().offers(m);
                        Replies.delivered(
                                blocks.isEmpty()
                                        ? Replies.respond(ctx, ReviewViews.noOffers())
                                        : ctx.respond(
                                                r ->
                                                        r.responseType("ephemeral")
                                                                .text(ReviewViews.OFFERS)
                                                                .blocks(blocks)));
                    },
                    reason -> Replies.respond(ctx, ReviewViews.noOffers()));
            return ctx.ack(":mag: Looking at your calendar for free slots…");
        }
        if (!(parsed instanceof SlotText.Slot wanted)) {
            return ctx.ack(ReviewViews.slotProblem(parsed));
        }
        SlotChoice choice = reviews.chooseSlot(team, me, wanted.day(), wanted.time());
        if (choice instanceof SlotChoice.InPrimeHours refused) {
            return ctx.ack(ReviewViews.inPrimeHours(refused));
        }
        SlotChoice.Stored stored = (SlotChoice.Stored) choice;
        managers.settingsChanged(team, me);
        boolean zoneKnown = stored.manager().zoneCheckedAt().isPresent();
        if (zoneKnown) {
            zones.touch(team, me); // re-reads a stale zone after the ack
        } else {
            afterAck.run(
                    "review slot time zone",
                    () -> confirmZone(ctx, team, me, stored.slot()),
                    reason ->
                            Replies.delivered(
                                    Replies.respond(ctx, ReviewViews.zoneUnknown(reason))));
        }
        if (calendar.isPresent() && zoneKnown) {
            afterAck.run(
                    "review booking",
                    () ->
                            Replies.delivered(
                                    Replies.respond(
                                            ctx,
                                            calendar.get().book(stored.manager(), stored.slot()))),
                    reason -> {});
            return ctx.ack(ReviewViews.slotStoredBooking(stored));
        }
        String text = ReviewViews.slotStored(stored, zoneKnown);
        Optional<URI> feed = feeds.link(team, me);
        return feed.isEmpty()
                ? ctx.ack(text)
                : ctx.ack(r -> r.text(text).blocks(ReviewViews.slotStoredBlocks(text, feed.get())));
    }

    private void confirmZone(SlashCommandContext ctx, String team, String me, ReviewSlot slot)
            throws Exception {
        Optional<UserDirectory.SlackUser> user = users.lookup(team, me);
        Optional<ZoneId> zone =
                user.flatMap(UserDirectory.SlackUser::timeZone).flatMap(Times::parseZone);
        if (zone.isEmpty()) {
            Replies.delivered(
                    Replies.respond(ctx, ReviewViews.zoneUnknown("your Slack profile has none")));
            return;
        }
        managers.zoneChecked(team, me, zone.get(), user.flatMap(UserDirectory.SlackUser::locale));
        Replies.check(ctx.respond(ReviewViews.zoneConfirmed(slot, zone.get().getId())));
    }
}
