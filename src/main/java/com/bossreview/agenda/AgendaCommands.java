package com.bossreview.agenda;

import com.bossreview.boss.BossDms;
import com.bossreview.boss.ShareWithBoss;
import com.bossreview.boss.Subject;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
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
 * {@code /bossreview agenda} and its {@code send_agenda} button. Once the boss has the agenda, it
 * goes into the week's review event as well when the manager's calendar is connected ({@link
 * ReviewEvent}); the DM stands whatever the calendar does.
 */
public final class AgendaCommands implements Listeners {
    private final AgendaService agendas;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final ShareWithBoss shareWithBoss;
    private final AfterAck afterAck;
    private final Clock clock;
    private final Clicks clicks;
    private final Optional<ReviewEvent> reviewEvent;

    public AgendaCommands(
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            BossDms bossDms,
            AfterAck afterAck,
            Clock clock,
            Clicks clicks,
            Optional<ReviewEvent> reviewEvent) {
        this.agendas = agendas;
        this.managers = managers;
        this.zones = zones;
        this.shareWithBoss = new ShareWithBoss(bossDms);
        this.afterAck = afterAck;
        this.clock = clock;
        this.clicks = clicks;
        this.reviewEvent = reviewEvent;
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(Subcommand.AGENDA, this::agenda);
        app.blockAction(AgendaViews.SEND_AGENDA, this::send);
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
        String value = ButtonValue.clicked(req);
        Optional<Manager> m = managers.find(click.team(), click.user());
        if (m.isEmpty() || !isThisOrNextWeek(value, m.get())) {
            afterAck.run("send_agenda refusal", () -> click.note(AgendaViews.outOfDate()), r -> {});
            return ctx.ack();
        }
        afterAck.run(
                "send_agenda",
                () -> {
                    Optional<AgendaService.SendOutcome> shared =
                            shareWithBoss.share(
                                    click,
                                    m,
                                    "agenda " + value,
                                    dm ->
                                            agendas.send(
                                                    m.get(),
                                                    value,
                                                    (agenda, boss, sentId) ->
                                                            dm.send(
                                                                    boss,
                                                                    Subject.agenda(sentId),
                                                                    AgendaViews.forBossText(
                                                                            click.user()),
                                                                    AgendaViews.forBoss(
                                                                            agenda, click.user()))),
                                    AgendaViews::notSent);
                    if (shared.isEmpty()) {
                        return;
                    }
                    AgendaService.SendOutcome outcome = shared.get();
                    if (outcome instanceof AgendaService.SendOutcome.Sent sent) {
                        // Only the click that claimed the week gets here: added once per week.
                        boolean inCalendar =
                                reviewEvent
                                        .map(
                                                e ->
                                                        e.addAgenda(
                                                                m.get(),
                                                                IsoWeek.parse(value),
                                                                AgendaViews.calendarText(
                                                                        sent.agenda())))
                                        .orElse(false);
                        click.replace(
                                AgendaViews.sentText(sent.boss(), inCalendar),
                                AgendaViews.sent(sent.boss(), inCalendar));
                    } else if (outcome instanceof AgendaService.SendOutcome.AlreadySent already) {
                        click.note(AgendaViews.alreadySent(already.boss(), already.at(), m.get()));
                    } else {
                        click.note(AgendaViews.noBoss());
                    }
                },
                reason ->
                        click.note(AgendaViews.notSent(m.get().bossUserId().orElse(null), reason)));
        return ctx.ack();
    }

    private boolean isThisOrNextWeek(String value, Manager m) {
        IsoWeek now = IsoWeek.of(m.today(clock.instant()));
        return value != null
                && (value.equals(now.toString())
                        || value.equals(now.next().toString())
                        || value.equals(now.previous().toString()));
    }
}
