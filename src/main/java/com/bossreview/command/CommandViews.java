package com.bossreview.command;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.bossreview.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Help, unknown-command and not-yet replies for {@code /bossreview}. */
public final class CommandViews {
    private CommandViews() {}

    public static String helpText() {
        StringBuilder sb = new StringBuilder();
        for (Subcommand s : Subcommand.values()) {
            sb.append("`").append(s.usage()).append("` — ").append(s.description()).append('\n');
        }
        return sb.toString().strip();
    }

    public static List<LayoutBlock> help() {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("bossreview: manage up, one habit at a time"))));
        blocks.add(section(s -> s.text(markdownText(helpText()))));
        blocks.add(divider());
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        "Your boss is your champion with senior management. Weekly review, good news quickly, "
                                                                + "bad news immediately, no last-minute forecast downgrades.")))));
        return blocks;
    }

    public static String unknown(String word, Optional<Subcommand> suggestion) {
        return ":thinking_face: `"
                + Mrkdwn.inCode(word, 30)
                + "` isn't a bossreview command."
                + suggestion.map(s -> " Did you mean `" + s.usage() + "`?").orElse("")
                + "\nUsage: `/bossreview <command>` — see `/bossreview help` for the list.";
    }

    public static String notAvailableYet(Subcommand s) {
        return ":construction: `"
                + s.usage()
                + "` isn't available in this version of bossreview yet, "
                + "so nothing was changed. `/bossreview help` lists what is coming.";
    }

    public static String tooLong() {
        return ":warning: That's longer than bossreview accepts ("
                + CommandText.MAX_LENGTH
                + " characters). Nothing was saved — try a shorter version.";
    }
}
