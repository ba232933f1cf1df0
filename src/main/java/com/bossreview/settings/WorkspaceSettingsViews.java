package com.bossreview.settings;

import com.bossreview.forecast.Currency;
import com.bossreview.manager.Manager;
import com.bossreview.review.ReviewViews;
import com.bossreview.time.PrimeHours;
import com.bossreview.workspace.WorkspaceDefaults;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The workspace's defaults as anyone reads them, and what an admin's change did. */
final class WorkspaceSettingsViews {
    static final String REFUSED =
            ":no_entry: Only a Slack admin or owner can change the workspace defaults. Nothing was"
                    + " changed. `/bossreview settings <key> <value>` changes your own.";

    private static final String BUILT_IN = " (bossreview default)";

    private WorkspaceSettingsViews() {}

    static String show(WorkspaceDefaults d) {
        return "*Workspace defaults* — for every manager who hasn't set their own\n"
                + "• `fiscal-start` "
                + SettingsService.capitalized(d.fiscalStartInForce())
                + (d.fiscalStart().isEmpty() ? BUILT_IN : "")
                + "\n"
                + "• `prime` "
                + hours(d.primeHoursInForce())
                + " on weekdays"
                + (d.primeHours().isEmpty() ? BUILT_IN : "")
                + "\n"
                + "• `currency` "
                + d.currency()
                        .map(Currency::symbol)
                        .orElse("none — figures typed without a symbol are shown without one")
                + " — of a forecast typed without a symbol by a manager whose previous one had none\n"
                + d.lastSetBy()
                        .map(
                                c ->
                                        "_Last changed by <@"
                                                + c.userId()
                                                + "> on "
                                                + c.at().atZone(ZoneOffset.UTC).toLocalDate()
                                                + "._\n")
                        .orElse("")
                + "A Slack admin or owner changes one with `/bossreview settings workspace <key>"
                + " <value>`, e.g. `"
                + WorkspaceSetting.PRIME.example()
                + "`; `<key> default` goes back to bossreview's default.";
    }

    /** Names at most this many managers whose review the change put inside prime hours. */
    static final int MAX_NAMED = 10;

    static String primeSet(
            Optional<PrimeHours> prime,
            int following,
            List<Manager> told,
            Optional<PrimeHours.Clash> adminsOwn) {
        List<String> names = told.stream().map(m -> "<@" + m.userId() + ">").toList();
        return ":white_check_mark: The workspace's prime sales hours are now "
                + hours(prime.orElse(PrimeHours.DEFAULT))
                + " on weekdays"
                + (prime.isEmpty() ? BUILT_IN : "")
                + following(following)
                + (names.isEmpty()
                        ? ""
                        : "\n:warning: The new hours now cover the weekly review of "
                                + String.join(
                                        ", ", names.subList(0, Math.min(MAX_NAMED, names.size())))
                                + (names.size() > MAX_NAMED
                                        ? " and " + (names.size() - MAX_NAMED) + " more"
                                        : "")
                                + ": I've sent each a DM with the nearest free times to move it.")
                + adminsOwn.map(c -> "\n" + ReviewViews.slotNowInPrimeHours(c)).orElse("");
    }

    /** The DM to a manager whose review slot the workspace's new prime hours now cover. */
    static String primeMovedUnderYou(Manager m, PrimeHours.Clash clash, String admin) {
        return ":clock9: <@"
                + admin
                + "> changed your workspace's prime sales hours to "
                + hours(m.primeHours())
                + " on weekdays (you follow the workspace's; `/bossreview settings prime` sets your"
                + " own).\n"
                + ReviewViews.slotNowInPrimeHours(clash);
    }

    static String fiscalStartSet(Optional<Month> month, int following) {
        return ":white_check_mark: The workspace's fiscal year now starts in "
                + SettingsService.capitalized(month.orElse(Month.JANUARY))
                + (month.isEmpty() ? BUILT_IN : "")
                + following(following);
    }

    static String currencySet(Optional<Currency> currency) {
        return currency.map(
                                c ->
                                        ":white_check_mark: A forecast typed without a symbol is now in "
                                                + c.symbol()
                                                + ", unless the manager set their own (`settings"
                                                + " currency`) or their previous one had another.")
                        .orElse(
                                ":white_check_mark: The workspace has no default currency any more: a"
                                        + " forecast typed without a symbol takes the manager's previous"
                                        + " one's, else none.")
                + " Figures already recorded keep theirs.";
    }

    private static String following(int managers) {
        return ", for every manager who hasn't set their own ("
                + (managers == 1 ? "1 manager follows" : managers + " managers follow")
                + " it now; their nudges are planned again). Managers who set their own keep theirs.";
    }

    private static String hours(PrimeHours prime) {
        return prime.toString().replace(",", ", ");
    }

    static String unknownKey(String key) {
        return ":thinking_face: `"
                + SettingsService.shown(key)
                + "` isn't a workspace setting. Keys: "
                + Arrays.stream(WorkspaceSetting.values())
                        .map(s -> "`" + s.key() + "`")
                        .collect(Collectors.joining(", "))
                + ". Usage: `/bossreview settings workspace <key> <value>`.";
    }
}
