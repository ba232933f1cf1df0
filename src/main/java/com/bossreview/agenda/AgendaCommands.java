package com.bossreview.agenda;

import com.bossreview.boss.BossDms;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackApi;
import com.bossreview.time.IsoWeek;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code /bossreview agenda}, its {@code send_agenda} button and its Edit and send modal ({@link
 * EditAgenda}); both send through {@link AgendaSending}.
 */
public final class AgendaCommands implements Listeners {
    private final AgendaService agendas;
    private final ZoneRefresher zones;
    private final AgendaSending sending;
    private final EditAgenda edit;
    private final AfterAck afterAck;
    private final Clock clock;
    private final Clicks clicks;

    public AgendaCommands(
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            BossDms bossDms,
            AfterAck afterAck,
            Clock clock,
            Clicks clicks,
            SlackApi slack,
            Optional<ReviewEvent> reviewEvent) {
        this.agendas = agendas;
        this.zones = zones;
        this.sending = new AgendaSending(agendas, managers, bossDms, afterAck, clock, reviewEvent);
        this.afterAck = afterAck;
        this.clock = clock;
        this.clicks = clicks;
        this.edit = new EditAgenda(agendas, sending, clicks, slack, afterAck);
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(Subcommand.AGENDA, this::agenda);
        app.blockAction(AgendaViews.SEND_AGENDA, this::send);
        edit.register(router, app);
    }

    private Response agenda(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (!args.isBlank()) {
            return ctx.ack(
                    ":thinking_face: `agenda` takes nothing after it. Usage: `"
                            + Subcommand.AGENDA.usage()
                            + "`");
        }
        Manager m = zones.touch(req.getPayload().getTeamId(), req.getPayload().getUserId());
        Agenda agenda = agendas.build(m);
        List<LayoutBlock> blocks =
                AgendaViews.draft(
                        agenda, IsoWeek.of(m.today(clock.instant())), m.bossUserId().isPresent());
        return ctx.ack(r -> r.text("Agenda for your next weekly review").blocks(blocks));
    }

    private Response send(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        String week = ButtonValue.clicked(req);
        Optional<Manager> m = sending.sendable(click.team(), click.user(), week);
        if (m.isEmpty()) {
            afterAck.run(
                    "send_agenda refusal", () -> click.note(AgendaSendViews.outOfDate()), r -> {});
        } else {
            sending.sendAfterAck(click, m.get(), week, Optional.empty());
        }
        return ctx.ack();
    }
}
