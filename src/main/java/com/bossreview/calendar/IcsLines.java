package com.bossreview.calendar;

import java.nio.charset.StandardCharsets;

/**
 * iCalendar content lines as RFC 5545 §3.1 wants them: each ends with CRLF, and a line longer than
 * 75 octets (of UTF-8, not characters) is folded: broken before a character and continued on the
 * next line after one space. Folding never splits a multi-octet character, since clients unfold by
 * dropping the CRLF and the space and must get the same bytes back.
 */
final class IcsLines {
    /**
     * RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
     */
    static final int MAX_OCTETS = 75;

    static final String CRLF = "\r\n";

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is already in its iCalendar form (a date, a rule, a number). */
    IcsLines add(String nameAndParameters, String value) {
        out.append(fold(nameAndParameters + ":" + value)).append(CRLF);
        return this;
    }

    /** A property of value type TEXT (§3.3.11), escaped. */
    IcsLines text(String name, String text) {
        return add(name, escape(text));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, line breaks as {@code \n};
     * other control characters are not allowed in TEXT, so they are dropped.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * One content line folded into pieces of at most {@link #MAX_OCTETS} octets, the leading space
     * of a continuation counted; joined by CRLF, without the final one.
     */
    static String fold(String line) {
        StringBuilder b = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int n = Character.charCount(cp);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                b.append(CRLF).append(' ');
                octets = 1;
            }
            b.appendCodePoint(cp);
            octets += size;
            i += n;
        }
        return b.toString();
    }
}
