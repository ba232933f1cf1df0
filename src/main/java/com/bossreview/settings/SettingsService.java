package com.bossreview.settings;

import com.bossreview.forecast.Currency;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.review.ReviewViews;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.PrimeHours;
import com.bossreview.time.Times;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates and stores one setting at a time, and pauses. Invalid input throws {@link InvalidInput}
 * and changes nothing.
 */
public final class SettingsService {
    static final int MAX_PAUSE_DAYS = 366;

    private final ManagerService managers;

    public SettingsService(ManagerService managers) {
        this.managers = managers;
    }

    /**
     * Parses {@code value} for {@code setting} and stores it; returns a sentence saying what is now
     * set.
     */
    public String apply(String team, String user, Setting setting, String value)
            throws InvalidInput {
        String v = value.strip();
        switch (setting) {
            case TZ -> {
                ZoneId zone =
                        Times.parseZone(v)
                                .orElseThrow(
                                        () ->
                                                invalid(
                                                        setting,
                                                        "'"
                                                                + shown(v)
                                                                + "' isn't a time zone name. Use an IANA name like Europe/Paris or America/New_York."));
                managers.update(
                        team,
                        user,
                        dao -> dao.setZoneExplicitly(team, user, zone.getId(), managers.now()));
                return "Time zone set to "
                        + zone.getId()
                        + ". I'll keep it even if your Slack profile says otherwise.";
            }
            case PRIME -> {
                boolean inherit = followsWorkspace(v);
                String own = inherit ? null : parsePrime(setting, v).toString();
                managers.update(team, user, dao -> dao.setPrimeHours(team, user, own));
                Manager m = managers.getOrCreate(team, user);
                PrimeHours prime = m.primeHours();
                return (inherit
                                ? "Your prime sales hours follow the workspace default again: "
                                : "Prime sales hours set to ")
                        + prime.toString().replace(",", ", ")
                        + " on weekdays."
                        + m.reviewSlot()
                                .flatMap(slot -> prime.reviewClash(slot.day(), slot.time()))
                                .map(booked -> "\n" + ReviewViews.slotNowInPrimeHours(booked))
                                .orElse("");
            }
            case FISCAL_START -> {
                if (followsWorkspace(v)) {
                    managers.update(team, user, dao -> dao.setFiscalStart(team, user, null));
                    return "Your fiscal year follows the workspace default again: it starts in "
                            + capitalized(managers.getOrCreate(team, user).fiscalStartMonth())
                            + ".";
                }
                Month month = parseMonth(setting, v);
                managers.update(
                        team, user, dao -> dao.setFiscalStart(team, user, month.getValue()));
                return "Your fiscal year now starts in " + capitalized(month) + ".";
            }
            case BOOKING_NUDGE -> {
                String[] parts = v.split("\\s+");
                DayOfWeek day = parts.length == 2 ? Times.parseDay(parts[0]).orElse(null) : null;
                if (day == null) {
                    throw invalid(setting, "Give a day and a time, like mon 08:30.");
                }
                LocalTime time = parseTime(setting, parts[1]);
                managers.update(
                        team, user, dao -> dao.setBookingNudge(team, user, day.getValue(), time));
                return "I'll nudge you to book your weekly review on "
                        + Times.format(day)
                        + "s at "
                        + Times.format(time)
                        + ".";
            }
            case BAD_NEWS_AFTER -> {
                int minutes = parseInt(setting, v, 1, 1440);
                managers.update(team, user, dao -> dao.setBadNewsAfter(team, user, minutes));
                return "If you log bad news and don't share it, I'll remind you after "
                        + minutes
                        + " minutes.";
            }
            case QUARTER_NUDGES -> {
                List<Integer> days = parseDays(setting, v);
                String stored = days.stream().map(String::valueOf).collect(Collectors.joining(","));
                managers.update(team, user, dao -> dao.setQuarterNudgeDays(team, user, stored));
                return "I'll ask you to update your forecast "
                        + stored.replace(",", ", ")
                        + " days before quarter end.";
            }
            case PREP_LEAD -> {
                int days = parseInt(setting, v, 0, Manager.MAX_PREP_LEAD_DAYS);
                managers.update(team, user, dao -> dao.setPrepLead(team, user, days));
                return days == 0
                        ? "I'll send your review prep on the review day: in the morning, or an hour before an early review."
                        : "I'll send your review prep "
                                + SettingsViews.prepLead(days)
                                + ", in the morning before prime sales hours, so your agenda reaches your boss ahead of time.";
            }
            case NUDGES -> {
                boolean on =
                        switch (v.toLowerCase(Locale.ROOT)) {
                            case "on", "yes", "true" -> true;
                            case "off", "no", "false" -> false;
                            default -> throw invalid(setting, "Say on or off.");
                        };
                managers.update(team, user, dao -> dao.setNudgesEnabled(team, user, on));
                return on
                        ? "Nudges are on."
                        : "Nudges are off. Turn them back on any time with `/bossreview settings nudges on`.";
            }
            case CRM_THRESHOLD -> {
                java.math.BigDecimal amount = parseAmount(setting, v);
                managers.update(team, user, dao -> dao.setCrmThreshold(team, user, amount));
                return "I'll tell you about CRM deals of "
                        + SettingsViews.amount(amount)
                        + " or more (in each deal's currency) that are lost, slip out of the quarter,"
                        + " are cut or are won.";
            }
            case CRM_OWNERS -> {
                List<String> owners = parseList(setting, v, "none", MAX_CRM_OWNERS);
                managers.update(team, user, dao -> dao.setCrmOwners(team, user, stored(owners)));
                return owners.isEmpty()
                        ? "I'll watch your team's CRM deals only: the reps who report to you in the CRM."
                        : "I'll watch the CRM deals of "
                                + String.join(", ", owners)
                                + " as well as your team's (from the next sync; e-mails and ids"
                                + " the CRM does not know are skipped).";
            }
            case CRM_COMMIT_STAGES -> {
                List<String> stages = parseList(setting, v, "category", MAX_CRM_OWNERS);
                managers.update(
                        team, user, dao -> dao.setCrmCommitStages(team, user, stored(stages)));
                return stages.isEmpty()
                        ? "Your CRM commit is the open deals in forecast category Commit, plus closed won."
                        : "Your CRM commit is the open deals in stage "
                                + String.join(", ", stages)
                                + ", plus closed won (from the next sync).";
            }
            case CURRENCY -> {
                if (followsWorkspace(v)) {
                    managers.update(team, user, dao -> dao.setCurrency(team, user, null));
                    return "A figure typed without $, € or £ takes your previous figure's currency"
                            + " again, else the workspace default.";
                }
                Currency currency = parseCurrency(setting, v);
                managers.update(team, user, dao -> dao.setCurrency(team, user, currency.name()));
                return "A figure you type without $, € or £ is now in "
                        + currency.symbol()
                        + ". Figures already recorded keep theirs.";
            }
            default -> throw new IllegalStateException(setting.name());
        }
    }

    /** A currency by its symbol or ISO code ({@code €}, {@code eur}). */
    static Currency parseCurrency(Usage setting, String v) throws InvalidInput {
        return Currency.named(v)
                .orElseThrow(
                        () ->
                                invalid(
                                        setting,
                                        "'"
                                                + shown(v)
                                                + "' isn't a currency bossreview shows. Use $, € or £"
                                                + " (or USD, EUR, GBP)."));
    }

    /** No nudges until {@code date} (exclusive of nothing: nudges resume that morning). */
    public LocalDate pause(String team, String user, ZoneId zone, String text) throws InvalidInput {
        LocalDate today = managers.now().atZone(zone).toLocalDate();
        LocalDate until;
        try {
            until = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    "'"
                            + shown(text.strip())
                            + "' isn't a date. Usage: `/bossreview pause <YYYY-MM-DD>`, "
                            + "e.g. `/bossreview pause "
                            + today.plusWeeks(2)
                            + "`.");
        }
        if (!until.isAfter(today)) {
            throw new InvalidInput(
                    until + " isn't in the future. Usage: `/bossreview pause <YYYY-MM-DD>`.");
        }
        if (until.isAfter(today.plusDays(MAX_PAUSE_DAYS))) {
            throw new InvalidInput(
                    "That's more than a year away. Pause for at most a year, "
                            + "or turn nudges off with `/bossreview settings nudges off`.");
        }
        managers.update(team, user, dao -> dao.setPausedUntil(team, user, until));
        return until;
    }

    public void resume(Manager m) {
        managers.update(
                m.teamId(), m.userId(), dao -> dao.setPausedUntil(m.teamId(), m.userId(), null));
    }

    /** {@code default}: back to the workspace's value (or bossreview's, if it has none). */
    static boolean followsWorkspace(String value) {
        return value.equalsIgnoreCase("default");
    }

    static PrimeHours parsePrime(Usage setting, String v) throws InvalidInput {
        try {
            return PrimeHours.parse(v);
        } catch (IllegalArgumentException e) {
            throw invalid(
                    setting,
                    "'" + shown(v) + "' isn't a list of time ranges (" + e.getMessage() + ").");
        }
    }

    static Month parseMonth(Usage setting, String v) throws InvalidInput {
        return Times.parseMonth(v)
                .orElseThrow(
                        () ->
                                invalid(
                                        setting,
                                        "'"
                                                + shown(v)
                                                + "' isn't a month. Use a name like april or a number from 1 to 12."));
    }

    private static LocalTime parseTime(Setting setting, String text) throws InvalidInput {
        try {
            return Times.parseTime(text);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, e.getMessage() + ".");
        }
    }

    private static int parseInt(Setting setting, String text, int min, int max)
            throws InvalidInput {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(setting, "Give a whole number from " + min + " to " + max + ".");
    }

    private static List<Integer> parseDays(Setting setting, String text) throws InvalidInput {
        Set<Integer> days = new LinkedHashSet<>();
        for (String part : text.split("\\s*,\\s*")) {
            days.add(parseInt(setting, part.strip(), 1, 90));
        }
        if (days.size() > 5) {
            throw invalid(setting, "At most 5 reminders per quarter.");
        }
        List<Integer> sorted = new ArrayList<>(days);
        sorted.sort((a, b) -> b - a);
        return sorted;
    }

    /** {@code 50000}, {@code 50k}, {@code 1.5m}: at most a trillion. */
    static java.math.BigDecimal parseAmount(Setting setting, String text) throws InvalidInput {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{1,13}(?:\\.\\d{1,3})?)([km]?)")
                        .matcher(text.toLowerCase(Locale.ROOT).replace(",", "").replace("_", ""));
        if (!m.matches()) {
            throw invalid(
                    setting, "'" + shown(text) + "' isn't an amount. Try 50k, 250000 or 1.5m.");
        }
        java.math.BigDecimal amount =
                new java.math.BigDecimal(m.group(1))
                        .scaleByPowerOfTen(
                                switch (m.group(2)) {
                                    case "k" -> 3;
                                    case "m" -> 6;
                                    default -> 0;
                                });
        if (amount.compareTo(java.math.BigDecimal.TEN.pow(12)) > 0) {
            throw invalid(setting, "That's more than any deal. Try 50k, 250000 or 1.5m.");
        }
        return amount.stripTrailingZeros();
    }

    /** The most items of a CRM list setting. */
    static final int MAX_CRM_OWNERS = 50;

    /**
     * A comma-separated list ({@code crm-owners}, {@code crm-commit-stages}); {@code none} (the
     * word that clears it) gives an empty list. Items are kept as typed, without duplicates.
     */
    private static List<String> parseList(Setting setting, String text, String none, int max)
            throws InvalidInput {
        String t = Mrkdwn.unlink(text).strip();
        if (t.equalsIgnoreCase(none)) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        for (String item : t.split(",")) {
            String i = item.strip();
            if (i.isEmpty()) {
                continue;
            }
            if (i.length() > 120 || i.chars().anyMatch(Character::isISOControl)) {
                throw invalid(setting, "'" + shown(i) + "' isn't a name I can store.");
            }
            items.add(i);
        }
        if (items.isEmpty()) {
            throw invalid(setting, "Give one or more, separated by commas, or `" + none + "`.");
        }
        if (items.size() > max) {
            throw invalid(setting, "At most " + max + ", please.");
        }
        return List.copyOf(items);
    }

    private static String stored(List<String> items) {
        return items.isEmpty() ? null : String.join(",", items);
    }

    static InvalidInput invalid(Usage setting, String why) {
        return new InvalidInput(
                why + " Usage: `" + setting.usage() + "`, e.g. `" + setting.example() + "`.");
    }

    /** User text echoed back in a reply, inside quotes or backticks. */
    static String shown(String text) {
        return Mrkdwn.inCode(text, 40);
    }

    static String capitalized(Month m) {
        String name = m.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
