package com.bossreview.slack;

/**
 * What people typed, shown inside Slack mrkdwn as typed but unable to mention, link or notify
 * anyone. Slack reads only {@code &}, {@code <} and {@code >} as control characters there; escaped,
 * no {@code <@U…>}, {@code <!here>} or {@code <http://…|…>} survives.
 */
public final class Mrkdwn {
    private Mrkdwn() {}

    /** {@code &}, {@code <}, {@code >} as entities. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Words echoed back inside backticks: at most {@code max} code points (then …), escaped, and
     * with any backtick made a {@code '} so that it cannot end the code span.
     */
    public static String inCode(String text, int max) {
        String cut =
                text.codePointCount(0, text.length()) > max
                        ? text.substring(0, text.offsetByCodePoints(0, max)) + "…"
                        : text;
        return escape(cut).replace("`", "'");
    }

    /**
     * Where to cut escaped text so that it keeps at most {@code room} characters without splitting
     * an entity (such as {@code &}{@code amp;}) or a surrogate pair: {@code room} itself, or a
     * little before it.
     */
    public static int cutAt(String escaped, int room) {
        int end = Math.max(0, Math.min(room, escaped.length()));
        if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
            end--;
        }
        int amp = escaped.lastIndexOf('&', end - 1);
        if (amp >= 0 && escaped.indexOf(';', amp) >= end) {
            end = amp;
        }
        return end;
    }
}
