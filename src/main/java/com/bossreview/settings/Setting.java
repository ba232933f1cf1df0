package com.bossreview.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The keys of {@code /bossreview settings <key> <value>}. */
public enum Setting implements Usage {
    TZ("tz", "<IANA zone>", "Europe/Paris"),
    PRIME("prime", "<HH:MM-HH:MM>[,<HH:MM-HH:MM>]|default", "09:00-12:00,13:30-17:00"),
    FISCAL_START("fiscal-start", "<month>|default", "april"),
    CURRENCY("currency", "$|€|£|default", "€"),
    BOOKING_NUDGE("booking-nudge", "<day> <HH:MM>", "mon 08:30"),
    BAD_NEWS_AFTER("bad-news-after", "<minutes>", "30"),
    QUARTER_NUDGES("quarter-nudges", "<days,days,…>", "21,14,7"),
    PREP_LEAD("prep-lead", "<working days>", "1"),
    NUDGES("nudges", "on|off", "on"),
    CRM_THRESHOLD("crm-threshold", "<amount>", "50k"),
    CRM_OWNERS("crm-owners", "<e-mail or CRM id,…>|none", "amy@acme.com,raj@acme.com"),
    CRM_COMMIT_STAGES("crm-commit-stages", "<stage,…>|category", "contractsent,Negotiation/Review");

    private final String key;
    private final String format;
    private final String example;

    Setting(String key, String format, String example) {
        this.key = key;
        this.format = format;
        this.example = example;
    }

    public String key() {
        return key;
    }

    @Override
    public String usage() {
        return "/bossreview settings " + key + " " + format;
    }

    @Override
    public String example() {
        return "/bossreview settings " + key + " " + example;
    }

    public static Optional<Setting> byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst();
    }
}
