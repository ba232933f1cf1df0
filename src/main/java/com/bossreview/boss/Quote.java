package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.section;

import com.bossreview.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a boss typed, shown to a manager as a mrkdwn block quote that cannot mention, link or notify
 * anyone: {@code & < >} escaped (so no {@code <@U…>}, {@code <!here>} or {@code <http://…|…>}), and
 * the text object {@code verbatim} (so Slack does not turn bare URLs, {@code #channels} or
 * {@code @here} into links).
 */
final class Quote {
    /**
     * Slack refuses a section text over 3,000 characters; escaping can make 1,000 typed ones 5,000.
     */
    static final int SECTION_BUDGET = 2900;

    private Quote() {}

    /**
     * The text quoted ({@code > } on every line), in as many sections as it takes, none over the
     * budget.
     */
    static List<LayoutBlock> sections(String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : chunks(text)) {
            MarkdownTextObject quote =
                    MarkdownTextObject.builder().text(chunk).verbatim(true).build();
            blocks.add(section(s -> s.text(quote)));
        }
        return blocks;
    }

    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Mrkdwn.escape(text.strip()).split("\n", -1)) {
            for (String piece : pieces("> " + line)) {
                if (current.length() > 0
                        && current.length() + 1 + piece.length() > SECTION_BUDGET) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.length() > 0 ? "\n" : "").append(piece);
            }
        }
        chunks.add(current.toString());
        return chunks;
    }

    /**
     * A quoted line cut into pieces that fit a section, each still quoted, never inside an entity
     * or a surrogate pair.
     */
    private static List<String> pieces(String quotedLine) {
        List<String> pieces = new ArrayList<>();
        String rest = quotedLine;
        while (rest.length() > SECTION_BUDGET) {
            int end = Mrkdwn.cutAt(rest, SECTION_BUDGET);
            pieces.add(rest.substring(0, end));
            rest = "> " + rest.substring(end);
        }
        pieces.add(rest);
        return pieces;
    }
}
