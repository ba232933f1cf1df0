package com.bossreview.agenda;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.Replies;
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

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** {@code /bossreview agenda} and its {@code send_agenda} button. */
public final class AgendaCommands {
    private final AgendaService agendas;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final Messenger messenger;
    private final AfterAck afterAck;
    private final Clock clock;

    public AgendaCommands(AgendaService agendas, ManagerService managers, ZoneRefresher zones, Messenger messenger,
                          AfterAck afterAck, Clock clock) {
        this.agendas = agendas;
        this.managers = managers;
        this.zones = zones;
        this.messenger = messenger;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    public void register(CommandRouter router, App app) {
        router.register(Subcommand.AGENDA, this::agenda);
        app.blockAction(AgendaViews.SEND_AGENDA, this::send);
    }

    private Response agenda(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (!args.isBlank()) {
            return ctx.ack(":thinking_face: `agenda` takes nothing after it. Usage: `" + Subcommand.AGENDA.usage() + "`");
        }
        Manager m = zones.touch(req.getPayload().getTeamId(), req.getPayload().getUserId());
        Agenda agenda = agendas.build(m);
        List<LayoutBlock> blocks = AgendaViews.draft(agenda, IsoWeek.of(m.today(clock.instant())), m.bossUserId().isPresent());
        return ctx.ack(r -> r.text("Agenda for your next weekly review").blocks(blocks));
    }

    private Response send(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String team = payload.getTeam().getId();
        String user = payload.getUser().getId();
        String value = payload.getActions().get(0).getValue();
        Optional<Manager> m = managers.find(team, user);
        if (m.isEmpty() || !isThisOrNextWeek(value, m.get())) {
            afterAck.run("send_agenda refusal", () -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(":no_entry: That agenda button is out of date. Run `/bossreview agenda` for a fresh one.")), r -> { });
            return ctx.ack();
        }
        Optional<String> boss = m.get().bossUserId();
        if (boss.isEmpty()) {
            afterAck.run("send_agenda without boss", () -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(":bust_in_silhouette: Set your boss first with `/bossreview boss @user`.")), r -> { });
            return ctx.ack();
        }
        afterAck.run("send_agenda", () -> {
            Agenda agenda = agendas.build(m.get());
            messenger.dm(team, boss.get(), "Agenda from <@" + user + "> for your next weekly review",
                    AgendaViews.forBoss(agenda, user));
            agendas.recordSent(m.get(), boss.get(), AgendaViews.text(agenda));
            ctx.respond(r -> r.replaceOriginal(true).text("Agenda sent to your boss").blocks(List.of(
                    section(s -> s.text(markdownText(":white_check_mark: Agenda sent to <@" + boss.get() + ">. "
                            + "Walk in with one piece of news and one question — you're set."))))));
        }, reason -> Replies.note(ctx, ":warning: I couldn't send the agenda to <@" + boss.get() + "> (" + reason
                + "). Nothing was sent — please try the button again."));
        return ctx.ack();
    }

    private boolean isThisOrNextWeek(String value, Manager m) {
        IsoWeek now = IsoWeek.of(m.today(clock.instant()));
        return value != null && (value.equals(now.toString()) || value.equals(now.next().toString())
                || value.equals(now.previous().toString()));
    }
}
