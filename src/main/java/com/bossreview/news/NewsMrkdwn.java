package com.bossreview.news;

import com.bossreview.slack.Mrkdwn;
import java.util.regex.Pattern;

/**
 * News as typed, shown in Slack mrkdwn ({@link Mrkdwn#escape}d): quoted, or briefly; the mentions
 * Slack escaped in the command ({@code <@U1|maria>}) read as plain names.
 */
final class NewsMrkdwn {
    /** Slack's limit for a section's text is 3,000 characters; leave room for our own words. */
    static final int QUOTE_BUDGET = 2900;

    private static final Pattern NAMED_USER = Pattern.compile("<@[UW][A-Z0-9]+\\|([^>]*)>");
    private static final Pattern NAMED_CHANNEL = Pattern.compile("<#C[A-Z0-9]+\\|([^>]*)>");

    private NewsMrkdwn() {}

    /**
     * {@code &}, {@code <}, {@code >} escaped; escaped mentions ({@code <@U1|maria>}) shown as
     * plain {@code @maria}.
     */
    static String escape(String text) {
        String readable =
                NAMED_CHANNEL.matcher(NAMED_USER.matcher(text).replaceAll("@$1")).replaceAll("#$1");
        return Mrkdwn.escape(readable);
    }

    /**
     * The text as a mrkdwn block quote ({@code > } on every line), cut with … to fit {@code budget}
     * characters.
     */
    static String quote(String text, int budget) {
        String[] lines = escape(text).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = (i == 0 ? "> " : "\n> ") + lines[i];
            if (out.length() + line.length() > budget - 1) {
                out.append(line, 0, Mrkdwn.cutAt(line, budget - 1 - out.length())).append('…');
                return out.toString();
            }
            out.append(line);
        }
        return out.toString();
    }

    /** One line of at most {@code max} code points (plus …), for naming news briefly. */
    static String brief(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return escape(oneLine);
        }
        return escape(oneLine.substring(0, oneLine.offsetByCodePoints(0, max)).strip()) + "…";
    }
}
