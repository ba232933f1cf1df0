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

    /** The user id when the whole text is exactly one mention. */
    public static Optional<String> singleUser(String text) {
        Matcher m = MENTION.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
