package com.bossreview.agenda;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.command.Subcommand;
import com.bossreview.slack.ButtonValue;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks and credits: their sections of the agenda, their Resolved buttons, and the replies to {@code
 * ask}, {@code credit} and a click on Resolved.
 */
public final class AgendaItemViews {
    public static final String RESOLVE = "resolve_agenda_item";

    /** Per section, so that the agenda stays inside Slack's limits. */
    static final int MAX_SHOWN = 10;

    /**
     * Where a Resolved button is: on a draft agenda (then the draft is shown again without the
     * item) or on the reply to {@code ask} / {@code credit}.
     */
    static final String DRAFT_BLOCK = "agenda_item_";

    static final String ADDED_BLOCK = "agenda_item_added";

    private AgendaItemViews() {}

    static String heading(AgendaItem.Kind kind) {
        return switch (kind) {
            case ASK -> "For senior management";
            case CREDIT -> "Credit where due";
        };
    }

    /** One item as the agenda writes it: a credit opens with the rep, as a mention. */
    static String line(AgendaItem item, AgendaViews.Format f) {
        return item.repUserId().map(rep -> "<@" + rep + "> ").orElse("") + f.escape(item.body());
    }

    static List<AgendaItem> ofKind(List<AgendaItem> items, AgendaItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    /** The section of one kind, the oldest first; empty when there is none. */
    static String part(List<AgendaItem> items, AgendaItem.Kind kind, AgendaViews.Format f) {
        List<AgendaItem> mine = ofKind(items, kind);
        if (mine.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(f.heading(heading(kind)));
        mine.stream().limit(MAX_SHOWN).forEach(i -> sb.append("\n• ").append(line(i, f)));
        if (mine.size() > MAX_SHOWN) {
            sb.append("\n• …and ").append(mine.size() - MAX_SHOWN).append(" more");
        }
        return sb.toString();
    }

    /** For the manager's draft: each open item with its Resolved button. */
    static List<LayoutBlock> draft(List<AgendaItem> items, AgendaItem.Kind kind) {
        List<AgendaItem> mine = ofKind(items, kind);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (mine.isEmpty()) {
            return blocks;
        }
        blocks.add(section(s -> s.text(markdownText("*" + heading(kind) + "*"))));
        mine.stream()
                .limit(MAX_SHOWN)
                .forEach(
                        i ->
                                blocks.add(
                                        withButton(
                                                DRAFT_BLOCK + i.id(),
                                                i,
                                                "• " + line(i, AgendaViews.Format.MRKDWN))));
        if (mine.size() > MAX_SHOWN) {
            blocks.add(
                    section(
                            s ->
                                    s.text(
                                            markdownText(
                                                    "…and "
                                                            + (mine.size() - MAX_SHOWN)
                                                            + " more: resolve some to see them."))));
        }
        return blocks;
    }

    private static LayoutBlock withButton(String blockId, AgendaItem item, String text) {
        return section(
                s ->
                        s.blockId(blockId)
                                .text(markdownText(text))
                                .accessory(
                                        button(
                                                b ->
                                                        b.actionId(RESOLVE)
                                                                .value(ButtonValue.ofId(item.id()))
                                                                .text(plainText("Resolved")))));
    }

    static String addedText(AgendaItem item) {
        return switch (item.kind()) {
            case ASK ->
                    ":loudspeaker: Added for senior management. Every agenda carries it until you"
                            + " click Resolved.";
            case CREDIT ->
                    ":trophy: Credit noted. Every agenda carries it, naming <@"
                            + item.repUserId().orElseThrow()
                            + ">, until you click Resolved.";
        };
    }

    /** The reply to {@code ask} / {@code credit}: the item as the agenda shows it, resolvable. */
    static List<LayoutBlock> added(AgendaItem item) {
        return List.of(
                section(s -> s.text(markdownText(addedText(item)))),
                withButton(ADDED_BLOCK, item, "• " + line(item, AgendaViews.Format.MRKDWN)));
    }

    /** An answer as the blocks of the message it replaces. */
    static List<LayoutBlock> notice(String text) {
        return List.of(section(s -> s.text(markdownText(text))));
    }

    static String usage(Subcommand subcommand, String problem) {
        return ":thinking_face: " + problem + " Usage: `" + subcommand.usage() + "`";
    }

    static String empty(Subcommand subcommand) {
        return usage(
                subcommand,
                subcommand == Subcommand.CREDIT
                        ? "Name the rep as a mention (`@name`) and say what they won."
                        : "Say what your team needs from senior management.");
    }

    static String notAMention() {
        return usage(
                Subcommand.CREDIT,
                "Start with the rep as a Slack mention (type `@` and pick them), so your boss"
                        + " learns who it was. Nothing was noted.");
    }

    static String tooLong(Subcommand subcommand, int length) {
        return usage(
                subcommand,
                "That's "
                        + String.format(Locale.ENGLISH, "%,d", length)
                        + " characters; an agenda item can be at most "
                        + AgendaItems.MAX_CHARS
                        + ". Nothing was noted.");
    }

    static String resolvedText(AgendaItem item) {
        return ":white_check_mark: Resolved, off your agenda: "
                + line(item, AgendaViews.Format.MRKDWN);
    }

    static String alreadyResolved(AgendaItem item) {
        return ":white_check_mark: That was already resolved; nothing changed: "
                + line(item, AgendaViews.Format.MRKDWN);
    }

    static String notFound() {
        return ":no_entry: I can't find that agenda item of yours. Nothing was changed.";
    }
}
