package com.bossreview.settings;

import com.bossreview.manager.Manager;
import com.bossreview.time.Times;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The settings as the manager reads them. */
public final class SettingsViews {
    private SettingsViews() {}

    public static String show(Manager m, Instant now) {
        return "*Your bossreview settings*\n"
                + "• Boss: "
                + m.bossUserId()
                        .map(b -> "<@" + b + ">")
                        .orElse("not set — `/bossreview boss @user`")
                + "\n"
                + "• Weekly review: "
                + m.slotText().orElse("not set — `/bossreview review fri 17:00`")
                + "\n"
                + "• `tz` "
                + m.zone().getId()
                + (m.zoneExplicit() ? " (set by you)" : " (from your Slack profile)")
                + "\n"
                + "• `prime` "
                + m.primeHours().toString().replace(",", ", ")
                + " on weekdays\n"
                + "• `fiscal-start` "
                + m.fiscalStartMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + "\n"
                + "• `booking-nudge` "
                + Times.format(m.bookingNudgeDay())
                + " "
                + m.show(m.bookingNudgeTime())
                + "\n"
                + "• `bad-news-after` "
                + m.badNewsAfter().toMinutes()
                + " minutes\n"
                + "• `quarter-nudges` "
                + m.quarterNudgeDays().stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining(","))
                + " days before quarter end\n"
                + "• `prep-lead` "
                + m.prepLeadDays()
                + " — review prep "
                + prepLead(m.prepLeadDays())
                + "\n"
                + "• `nudges` "
                + (m.nudgesEnabled() ? "on" : "off")
                + m.pausedUntil()
                        .filter(d -> m.isPaused(now))
                        .map(d -> " (paused until " + d + ")")
                        .orElse("")
                + "\n"
                + "Change one with `/bossreview settings <key> <value>`, e.g. `/bossreview settings tz Europe/Paris`.";
    }

    /** When the review prep comes, for {@code days} working days of lead. */
    static String prepLead(int days) {
        return switch (days) {
            case 0 -> "on the review day";
            case 1 -> "the working day before the review";
            default -> days + " working days before the review";
        };
    }

    public static String unknownKey(String key) {
        return ":thinking_face: `"
                + SettingsService.shown(key)
                + "` isn't a setting. Keys: "
                + Arrays.stream(Setting.values())
                        .map(s -> "`" + s.key() + "`")
                        .collect(Collectors.joining(", "))
                + ". Usage: `/bossreview settings <key> <value>`.";
    }
}
