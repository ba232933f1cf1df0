package com.bossreview.news;

/** The text of {@code /bossreview good|bad <text>}: checked before anything is stored. */
public final class NewsText {
    /** Enough for a headline and some context; the rest is for the conversation with the boss. */
    public static final int MAX_CHARS = 2000;

    public enum Problem {
        EMPTY,
        TOO_LONG
    }

    /** Either the body to store or the problem with it. */
    public sealed interface Checked permits Valid, Invalid {}

    public record Valid(String body) implements Checked {}

    public record Invalid(Problem problem, int length) implements Checked {}

    private NewsText() {}

    /**
     * Trims, and drops control characters other than line breaks and tabs (PostgreSQL cannot store
     * NUL at all). Emoji and every other character are kept as typed.
     */
    public static Checked check(String arguments) {
        return check(arguments, MAX_CHARS);
    }

    /**
     * As {@link #check(String)}, with another limit: for other text people type that is stored and
     * shown to the boss (agenda items, review feedback).
     */
    public static Checked check(String arguments, int maxChars) {
        StringBuilder clean = new StringBuilder(arguments == null ? 0 : arguments.length());
        if (arguments != null) {
            arguments
                    .codePoints()
                    .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                    .forEach(clean::appendCodePoint);
        }
        String body = clean.toString().strip();
        int length = body.codePointCount(0, body.length());
        if (length == 0) {
            return new Invalid(Problem.EMPTY, 0);
        }
        if (length > maxChars) {
            return new Invalid(Problem.TOO_LONG, length);
        }
        return new Valid(body);
    }
}
