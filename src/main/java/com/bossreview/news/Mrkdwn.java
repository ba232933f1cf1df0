package com.bossreview.news;

import java.util.regex.Pattern;

/** User text shown in Slack mrkdwn: readable, but unable to mention, link or notify anyone. */
final class Mrkdwn {
    /** Slack's limit for a section's text is 3,000 characters; leave room for our own words. */
    static final int QUOTE_BUDGET = 2900;

    private static final Pattern NAMED_USER = Pattern.compile("<@[UW][A-Z0-9]+\\|([^>]*)>");
    private static final Pattern NAMED_CHANNEL = Pattern.compile("<#C[A-Z0-9]+\\|([^>]*)>");

    private Mrkdwn() {
    }

    /** {@code &}, {@code <}, {@code >} escaped; escaped mentions ({@code <@U1|maria>}) shown as plain {@code @maria}. */
    static String escape(String text) {
        String readable = NAMED_CHANNEL.matcher(NAMED_USER.matcher(text).replaceAll("@$1")).replaceAll("#$1");
        return readable.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The text as a mrkdwn block quote ({@code > } on every line), cut with … to fit {@code budget} characters. */
    static String quote(String text, int budget) {
        String[] lines = escape(text).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = (i == 0 ? "> " : "\n> ") + lines[i];
            if (out.length() + line.length() > budget - 1) {
                out.append(fit(line, budget - 1 - out.length())).append('…');
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

    /** At most {@code room} characters of an escaped line, never cutting an entity or a surrogate pair. */
    private static String fit(String line, int room) {
        if (room <= 0) {
            return "";
        }
        int end = Math.min(room, line.length());
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        int amp = line.lastIndexOf('&', end - 1);
        if (amp >= 0 && line.indexOf(';', amp) >= end) {
            end = amp;
        }
        return line.substring(0, end);
    }
}
