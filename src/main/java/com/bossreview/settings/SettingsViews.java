package com.bossreview.settings;

import com.bossreview.forecast.Currency;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.Times;
import com.bossreview.workspace.WorkspaceDefaults;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The settings as the manager reads them. */
public final class SettingsViews {
    private SettingsViews() {}

    /** {@code 50k}, {@code 1.5m}, {@code 800}: as the manager would type it. */
    static String amount(java.math.BigDecimal a) {
        java.math.BigDecimal million = new java.math.BigDecimal(1_000_000);
        java.math.BigDecimal thousand = new java.math.BigDecimal(1_000);
        if (a.compareTo(million) >= 0
                && a.remainder(new java.math.BigDecimal(1_000)).signum() == 0) {
            return a.divide(million).stripTrailingZeros().toPlainString() + "m";
        }
        if (a.compareTo(thousand) >= 0 && a.remainder(java.math.BigDecimal.ONE).signum() == 0) {
            return a.divide(thousand).stripTrailingZeros().toPlainString() + "k";
        }
        return a.stripTrailingZeros().toPlainString();
    }

    /**
     * The settings in force, saying which come from the workspace's defaults ({@code own}: which
     * are the manager's own) and with the manager's CRM settings ({@code settings crm-…}).
     */
    public static String show(
            Manager m,
            Instant now,
            ManagerService.CrmSettings crm,
            ManagerDao.Own own,
            WorkspaceDefaults workspace) {
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
                + " on weekdays"
                + source(own.primeHours(), workspace.primeHours().isPresent())
                + "\n"
                + "• `fiscal-start` "
                + m.fiscalStartMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + source(own.fiscalStart(), workspace.fiscalStart().isPresent())
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
                + "• `crm-threshold` "
                + amount(crm.threshold())
                + " — CRM deals this big or bigger are news\n"
                + "• `crm-owners` "
                + (crm.owners().isEmpty()
                        ? "none — your team in the CRM only"
                        : Mrkdwn.escape(String.join(", ", crm.owners())) + " — beside your team")
                + "\n"
                + "• `crm-commit-stages` "
                + (crm.commitStages().isEmpty()
                        ? "category — open deals in forecast category Commit"
                        : Mrkdwn.escape(String.join(", ", crm.commitStages())))
                + " (plus closed won) make your CRM commit\n"
                + "• `currency` of a figure typed without $, € or £: "
                + own.currency()
                        .map(Currency::symbol)
                        .orElseGet(
                                () ->
                                        workspace
                                                .currency()
                                                .map(
                                                        c ->
                                                                "your previous figure's, else "
                                                                        + c.symbol()
                                                                        + " (workspace default)")
                                                .orElse("your previous figure's"))
                + "\n"
                + "Change one with `/bossreview settings <key> <value>`, e.g. `/bossreview settings tz Europe/Paris`."
                + (own.primeHours() || own.fiscalStart() || own.currency().isPresent()
                        ? " `/bossreview settings prime default` (or `fiscal-start default`,"
                                + " `currency default`) follows the workspace default again."
                        : "");
    }

    /** Where a value the manager may inherit comes from. */
    static String source(boolean own, boolean workspaceSetOne) {
        return own ? "" : workspaceSetOne ? " (workspace default)" : " (default)";
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
