package com.bossreview.status;

import com.bossreview.agenda.AgendaService;
import com.bossreview.agenda.AgendaViews;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.BlockJson;
import com.bossreview.slack.SlackApi;
import com.bossreview.time.IsoWeek;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.divider;

/** {@code /bossreview}, {@code status}, and the App Home tab (the same card, plus the agenda). */
public final class StatusCommands {
    private final StatusService status;
    private final AgendaService agendas;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final SlackApi slack;
    private final AfterAck afterAck;

    public StatusCommands(StatusService status, AgendaService agendas, ManagerService managers, ZoneRefresher zones,
                          SlackApi slack, AfterAck afterAck) {
        this.status = status;
        this.agendas = agendas;
        this.managers = managers;
        this.zones = zones;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    public void register(CommandRouter router, App app) {
        router.register(Subcommand.STATUS, this::status);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
    }

    private Response status(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (!args.isBlank()) {
            return ctx.ack(":thinking_face: `status` takes nothing after it. Usage: `" + Subcommand.STATUS.usage() + "`");
        }
        Optional<StatusCard> card = known(req.getPayload().getTeamId(), req.getPayload().getUserId());
        if (card.isEmpty()) {
            return BlockJson.ack("Welcome to bossreview", StatusViews.onboarding());
        }
        // The most frequent answer bossreview gives: written by BlockJson rather than through Bolt's Gson.
        return BlockJson.ack(StatusViews.fallback(card.get()), StatusViews.card(card.get()));
    }

    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        String team = payload.getTeamId();
        String user = payload.getEvent().getUser();
        if (!"home".equals(payload.getEvent().getTab())) {
            return ctx.ack();
        }
        afterAck.run("app home publish", () -> {
            List<LayoutBlock> blocks = home(team, user);
            slack.call(team, "views.publish", c -> c.viewsPublish(r -> r.userId(user)
                    .view(View.builder().type("home").blocks(blocks).build())));
        }, reason -> { /* logged by AfterAck; the tab keeps its last published view */ });
        return ctx.ack();
    }

    List<LayoutBlock> home(String team, String user) {
        Optional<StatusCard> card = known(team, user);
        if (card.isEmpty()) {
            return StatusViews.onboarding();
        }
        Manager m = card.get().manager();
        List<LayoutBlock> blocks = new ArrayList<>(StatusViews.card(card.get()));
        blocks.add(divider());
        blocks.addAll(AgendaViews.draft(agendas.build(m), IsoWeek.of(m.today(managers.now())),
                m.bossUserId().isPresent()));
        return blocks;
    }

    /**
     * The card if they have used bossreview before (read in one query); a first-time user (no row yet)
     * gets onboarding. A stale time zone is queued for a refresh after the ack, as on every command.
     */
    private Optional<StatusCard> known(String team, String user) {
        Optional<StatusCard> card = status.card(team, user);
        if (card.isPresent() && managers.zoneIsStale(card.get().manager())) {
            zones.touch(team, user);
        }
        return card;
    }
}
