package com.bossreview.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys of {@code /bossreview settings workspace <key> <value>}: a Slack admin's defaults for
 * every manager of the workspace who has not set their own.
 */
enum WorkspaceSetting implements Usage {
    FISCAL_START("fiscal-start", "<month>|default", "april"),
    PRIME("prime", "<HH:MM-HH:MM>[,<HH:MM-HH:MM>]|default", "08:30-12:00,13:00-17:30"),
    CURRENCY("currency", "$|€|£|default", "€");

    static final String WORD = "workspace";

    private final String key;
    private final String format;
    private final String example;

    WorkspaceSetting(String key, String format, String example) {
        this.key = key;
        this.format = format;
        this.example = example;
    }

    String key() {
        return key;
    }

    @Override
    public String usage() {
        return "/bossreview settings " + WORD + " " + key + " " + format;
    }

    @Override
    public String example() {
        return "/bossreview settings " + WORD + " " + key + " " + example;
    }

    static Optional<WorkspaceSetting> byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }
}
