package com.bossreview.status;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.bossreview.agenda.AgendaService;
import com.bossreview.agenda.AgendaViews;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.news.NewsListViews;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.SlackCallException;
import com.bossreview.time.IsoWeek;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The App Home tab: the status card, the open news and the agenda, with their buttons. Published
 * when the tab is opened, and again after every click on it (Slack sends no {@code response_url}
 * there), with the answer on top.
 */
public final class HomePage implements Clicks.HomeTab {
    private final StatusService status;
    private final AgendaService agendas;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final SlackApi slack;

    /** A feature's own part of the tab, under the card (a connected calendar). */
    @FunctionalInterface
    public interface Section {
        List<LayoutBlock> blocks(Manager m);
    }

    private final List<Section> sections;

    /**
     * A part of the tab for anyone who opens it, manager or not (what managers sent to a boss):
     * after the manager's own part, in at most {@code room} blocks; empty when it has nothing.
     */
    @FunctionalInterface
    public interface ForAnyone {
        List<LayoutBlock> blocks(String team, String user, int room);
    }

    /** Slack's limit of blocks in a Home view. */
    static final int MAX_BLOCKS = 100;

    private final List<ForAnyone> forAnyone;

    /** A feature's lines on the card itself, above its buttons (the scorecard). */
    @FunctionalInterface
    public interface CardSection {
        List<LayoutBlock> blocks(StatusCard card);
    }

    private final List<CardSection> cardSections;

    public HomePage(
            StatusService status,
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            SlackApi slack) {
        this(status, agendas, managers, zones, slack, List.of());
    }

    public HomePage(
            StatusService status,
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            SlackApi slack,
            List<Section> sections) {
        this(status, agendas, managers, zones, slack, sections, List.of());
    }

    public HomePage(
            StatusService status,
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            SlackApi slack,
            List<Section> sections,
            List<ForAnyone> forAnyone) {
        this(status, agendas, managers, zones, slack, sections, forAnyone, List.of());
    }

    public HomePage(
            StatusService status,
            AgendaService agendas,
            ManagerService managers,
            ZoneRefresher zones,
            SlackApi slack,
            List<Section> sections,
            List<ForAnyone> forAnyone,
            List<CardSection> cardSections) {
        this.sections = List.copyOf(sections);
        this.forAnyone = List.copyOf(forAnyone);
        this.cardSections = List.copyOf(cardSections);
        this.status = status;
        this.agendas = agendas;
        this.managers = managers;
        this.zones = zones;
        this.slack = slack;
    }

    @Override
    public void publish(String team, String user, String notice) throws SlackCallException {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (notice != null && !notice.isBlank()) {
            blocks.add(section(s -> s.text(markdownText(notice))));
            blocks.add(divider());
        }
        blocks.addAll(blocks(team, user));
        slack.call(
                team,
                "views.publish",
                c ->
                        c.viewsPublish(
                                r ->
                                        r.userId(user)
                                                .view(
                                                        View.builder()
                                                                .type("home")
                                                                .blocks(blocks)
                                                                .build())));
    }

    /** The tab as opened: no notice. */
    public void publish(String team, String user) throws SlackCallException {
        publish(team, user, null);
    }

    List<LayoutBlock> blocks(String team, String user) {
        Optional<StatusCard> card = card(team, user);
        List<LayoutBlock> blocks = new ArrayList<>();
        card.ifPresent(c -> blocks.addAll(managerBlocks(c)));
        List<LayoutBlock> onboarding = card.isEmpty() ? StatusViews.onboarding() : List.of();
        for (ForAnyone part : forAnyone) {
            // The notice on top and a divider before each part and before the onboarding count too.
            int room = MAX_BLOCKS - 2 - blocks.size() - 2 - onboarding.size();
            List<LayoutBlock> more = part.blocks(team, user, room);
            if (!more.isEmpty()) {
                if (!blocks.isEmpty()) {
                    blocks.add(divider());
                }
                blocks.addAll(more);
            }
        }
        if (!onboarding.isEmpty()) {
            if (!blocks.isEmpty()) {
                blocks.add(divider());
            }
            blocks.addAll(onboarding);
        }
        return blocks;
    }

    private List<LayoutBlock> managerBlocks(StatusCard card) {
        Manager m = card.manager();
        List<LayoutBlock> blocks = new ArrayList<>(cardBlocks(card));
        sections.forEach(s -> blocks.addAll(s.blocks(m)));
        blocks.add(divider());
        // The card's open news, read in its one query, with each item's buttons.
        blocks.addAll(NewsListViews.home(card.unsharedNews(), card.now()));
        blocks.add(divider());
        blocks.addAll(
                AgendaViews.draft(
                        agendas.build(m),
                        IsoWeek.of(m.today(managers.now())),
                        m.bossUserId().isPresent()));
        return blocks;
    }

    /** The status card with the features' lines on it: {@code /bossreview status} and the tab. */
    List<LayoutBlock> cardBlocks(StatusCard card) {
        List<LayoutBlock> more = new ArrayList<>();
        cardSections.forEach(s -> more.addAll(s.blocks(card)));
        return StatusViews.card(card, more);
    }

    /**
     * The card if they have used bossreview before (read in one query); a first-time user (no row
     * yet) gets onboarding. A stale time zone is queued for a refresh after the ack, as on every
     * command.
     */
    Optional<StatusCard> card(String team, String user) {
        Optional<StatusCard> card = status.card(team, user);
        if (card.isPresent() && managers.zoneIsStale(card.get().manager())) {
            zones.touch(team, user);
        }
        return card;
    }
}
