package com.bossreview.slack;

/**
 * What people typed, shown inside Slack mrkdwn as typed but unable to mention, link or notify
 * anyone. Slack reads only {@code &}, {@code <} and {@code >} as control characters there; escaped,
 * no {@code <@U…>}, {@code <!here>} or {@code <http://…|…>} survives.
 */
public final class Mrkdwn {
    private Mrkdwn() {}

    private static final java.util.regex.Pattern LINK =
            java.util.regex.Pattern.compile("<(?:mailto:)?([^<>|@!#][^<>|]*)(?:\\|([^<>]*))?>");

    /**
     * Command text as typed, where Slack (the command's {@code should_escape}) turned an e-mail
     * into {@code <mailto:a@b.com|a@b.com>} or a URL into {@code <https://…>}: the shown text, or
     * the address when none is shown, and {@code &amp; &lt; &gt;} back as {@code & < >}. Mentions
     * ({@code <@U…>}, {@code <#C…>}, {@code <!here>}) are left as they are.
     */
    public static String unlink(String text) {
        String plain =
                LINK.matcher(text)
                        .replaceAll(
                                m ->
                                        java.util.regex.Matcher.quoteReplacement(
                                                m.group(2) != null ? m.group(2) : m.group(1)));
        return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

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
