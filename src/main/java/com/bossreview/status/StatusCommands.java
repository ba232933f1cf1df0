package com.bossreview.status;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.BlockJson;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.util.Optional;

/** {@code /bossreview}, {@code status}, and the App Home tab (the same card, plus the agenda). */
public final class StatusCommands implements Listeners {
    private final HomePage home;
    private final AfterAck afterAck;

    public StatusCommands(HomePage home, AfterAck afterAck) {
        this.home = home;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(Subcommand.STATUS, this::status);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
    }

    private Response status(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (!args.isBlank()) {
            return ctx.ack(
                    ":thinking_face: `status` takes nothing after it. Usage: `"
                            + Subcommand.STATUS.usage()
                            + "`");
        }
        Optional<StatusCard> card =
                home.card(req.getPayload().getTeamId(), req.getPayload().getUserId());
        if (card.isEmpty()) {
            return BlockJson.ack("Welcome to bossreview", StatusViews.onboarding());
        }
        // The most frequent answer bossreview gives: written by BlockJson rather than through
        // Bolt's Gson.
        return BlockJson.ack(StatusViews.fallback(card.get()), home.cardBlocks(card.get()));
    }

    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        String team = payload.getTeamId();
        String user = payload.getEvent().getUser();
        if (!"home".equals(payload.getEvent().getTab())) {
            return ctx.ack();
        }
        afterAck.run(
                "app home publish",
                () -> home.publish(team, user),
                reason -> {
                    /* logged by AfterAck; the tab keeps its last published view */
                });
        return ctx.ack();
    }
}
