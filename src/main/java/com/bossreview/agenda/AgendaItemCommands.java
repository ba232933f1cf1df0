package com.bossreview.agenda;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.Mentions;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.news.NewsText;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /bossreview ask <text>}, {@code /bossreview credit @rep <text>} and the Resolved button of
 * their items (on the draft agenda, App Home and the reply to the command).
 */
public final class AgendaItemCommands implements Listeners {
    private final AgendaItems items;
    private final AgendaService agendas;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final Clicks clicks;
    private final AfterAck afterAck;
    private final Clock clock;

    public AgendaItemCommands(
            AgendaItems items,
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            Clicks clicks,
            AfterAck afterAck,
            Clock clock) {
        this.items = items;
        this.agendas = agendas;
        this.managers = managers;
        this.zones = zones;
        this.clicks = clicks;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    @Override
    public void register(CommandRouter commands, App app) {
        commands.register(Subcommand.ASK, this::ask);
        commands.register(Subcommand.CREDIT, this::credit);
        app.blockAction(AgendaItemViews.RESOLVE, this::resolve);
    }

    private Response ask(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        NewsText.Checked checked = NewsText.check(args, AgendaItems.MAX_CHARS);
        if (checked instanceof NewsText.Invalid invalid) {
            return ctx.ack(refusal(Subcommand.ASK, invalid));
        }
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        zones.touch(team, user);
        return added(ctx, items.ask(team, user, ((NewsText.Valid) checked).body()));
    }

    private Response credit(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (args.isBlank()) {
            return ctx.ack(AgendaItemViews.empty(Subcommand.CREDIT));
        }
        Optional<Mentions.Leading> rep = Mentions.leading(args);
        if (rep.isEmpty()) {
            return ctx.ack(AgendaItemViews.notAMention());
        }
        NewsText.Checked checked = NewsText.check(rep.get().rest(), AgendaItems.MAX_CHARS);
        if (checked instanceof NewsText.Invalid invalid) {
            return ctx.ack(refusal(Subcommand.CREDIT, invalid));
        }
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        zones.touch(team, user);
        return added(
                ctx,
                items.credit(team, user, rep.get().userId(), ((NewsText.Valid) checked).body()));
    }

    private static String refusal(Subcommand subcommand, NewsText.Invalid invalid) {
        return invalid.problem() == NewsText.Problem.EMPTY
                ? AgendaItemViews.empty(subcommand)
                : AgendaItemViews.tooLong(subcommand, invalid.length());
    }

    private static Response added(SlashCommandContext ctx, AgendaItem item) {
        return ctx.ack(
                r ->
                        r.responseType("ephemeral")
                                .text(AgendaItemViews.addedText(item))
                                .blocks(AgendaItemViews.added(item)));
    }

    private Response resolve(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        OptionalLong id = ButtonValue.id(ButtonValue.clicked(req));
        String block = req.getPayload().getActions().get(0).getBlockId();
        AgendaItems.Resolution outcome =
                id.isEmpty()
                        ? new AgendaItems.Resolution.NotFound()
                        : items.resolve(click.team(), click.user(), id.getAsLong());
        afterAck.run("agenda item resolve", () -> answer(click, block, outcome), reason -> {});
        return ctx.ack();
    }

    private void answer(Clicks.Click click, String block, AgendaItems.Resolution outcome) {
        switch (outcome) {
            case AgendaItems.Resolution.Resolved r -> {
                String text = AgendaItemViews.resolvedText(r.item());
                boolean onDraft =
                        block != null
                                && block.startsWith(AgendaItemViews.DRAFT_BLOCK)
                                && !block.equals(AgendaItemViews.ADDED_BLOCK);
                click.replace(
                        text, onDraft ? withDraft(click, text) : AgendaItemViews.notice(text));
            }
            case AgendaItems.Resolution.AlreadyResolved a ->
                    click.note(AgendaItemViews.alreadyResolved(a.item()));
            case AgendaItems.Resolution.NotFound _ -> click.note(AgendaItemViews.notFound());
        }
    }

    /** The draft shown again, without the item, under the answer. */
    private List<LayoutBlock> withDraft(Clicks.Click click, String text) {
        List<LayoutBlock> blocks = new ArrayList<>(AgendaItemViews.notice(text));
        Optional<Manager> m = managers.find(click.team(), click.user());
        m.ifPresent(
                manager ->
                        blocks.addAll(
                                AgendaViews.draft(
                                        agendas.build(manager),
                                        IsoWeek.of(manager.today(clock.instant())),
                                        manager.bossUserId().isPresent())));
        return blocks;
    }
}
