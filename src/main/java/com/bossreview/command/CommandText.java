package com.bossreview.command;

import java.util.Locale;

/** {@code /bossreview} text split into the subcommand word and the rest (kept as typed). */
public record CommandText(String word, String arguments) {
    /** Longer texts are refused before anything else reads them. */
    public static final int MAX_LENGTH = 3000;

    public static CommandText parse(String text) {
        String t = text == null ? "" : text.strip();
        int space = firstWhitespace(t);
        if (space < 0) {
            return new CommandText(t.toLowerCase(Locale.ROOT), "");
        }
        return new CommandText(
                t.substring(0, space).toLowerCase(Locale.ROOT), t.substring(space).strip());
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
