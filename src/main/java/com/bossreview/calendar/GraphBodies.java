package com.bossreview.calendar;

import java.util.Locale;

/**
 * Text appended to a Graph event's {@code body} ({@code itemBody}: {@code contentType} text or
 * html). Outlook keeps bodies as whole HTML documents, so HTML goes in before {@code </body>} when
 * there is one; the text is escaped and its line breaks kept.
 */
final class GraphBodies {
    private GraphBodies() {}

    static String append(String contentType, String content, String text) {
        if (!"html".equals(contentType.toLowerCase(Locale.ROOT))) {
            return content.isEmpty() ? text : content + "\n\n" + text;
        }
        String paragraph = "<p>" + escape(text).replace("\n", "<br>") + "</p>";
        int end = content.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0
                ? content + paragraph
                : content.substring(0, end) + paragraph + content.substring(end);
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
