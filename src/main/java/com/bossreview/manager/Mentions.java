package com.bossreview.manager;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User mentions as Slack escapes them in command text ({@code should_escape: true}): {@code
 * <@U123|name>}.
 */
public final class Mentions {
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,30})(\\|[^>]*)?>");

    private Mentions() {}

    /** A text that starts with a mention: whose, and what follows it (stripped). */
    public record Leading(String userId, String rest) {}

    /** The mention {@code text} starts with, and the rest; empty when it starts otherwise. */
    public static Optional<Leading> leading(String text) {
        Matcher m = MENTION.matcher(text.strip());
        return m.lookingAt()
                ? Optional.of(new Leading(m.group(1), text.strip().substring(m.end()).strip()))
                : Optional.empty();
    }

    /** The user id when the whole text is exactly one mention. */
    public static Optional<String> singleUser(String text) {
        Matcher m = MENTION.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
