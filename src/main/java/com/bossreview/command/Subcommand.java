package com.bossreview.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every {@code /bossreview} subcommand of SPEC §2, with its usage line and one-line description.
 */
public enum Subcommand {
    STATUS(
            "status",
            "",
            "your status card: boss, review slot, this week, unshared news, forecast, streak, scorecard"),
    HELP("help", "", "this list"),
    SETUP("setup", "", "set boss, review slot, time zone, prime hours and nudges in one form"),
    BOSS("boss", "@user", "set who your boss is"),
    REVIEW(
            "review",
            "<day> <time>",
            "set your weekly review slot, outside prime sales hours (e.g. `review fri 17:00` or `review fri 5pm`)"),
    BOOKED("booked", "", "this week's review is booked"),
    HELD(
            "held",
            "",
            "this week's review took place (keeps your streak going); note what your boss said"),
    SKIP("skip", "", "skip this week's review (holiday etc.)"),
    GOOD("good", "<text>", "log good news and share it with your boss quickly"),
    BAD("bad", "<text>", "log bad news and tell your boss now, before someone else does"),
    NEWS(
            "news",
            "",
            "your news not told yet: share it, mark it told (by phone, in person), dismiss or edit it"),
    FORECAST(
            "forecast",
            "<amount> [note]",
            "record this quarter's forecast (`250k`, `1.2M`, `$300,000`)"),
    AGENDA(
            "agenda",
            "",
            "draft agenda for your next review, opening with your last feedback; Edit, and Send to"
                    + " boss"),
    ASK(
            "ask",
            "<text>",
            "put what your team needs from senior management on every agenda, until resolved"),
    CREDIT(
            "credit",
            "@rep <text>",
            "put a rep's win on every agenda, naming them to your boss, until resolved"),
    SOCIAL(
            "social",
            "<text>",
            "log social time with your boss (coffee, lunch); the monthly recap counts it"),
    PAUSE("pause", "<YYYY-MM-DD>", "no nudges until that date"),
    RESUME("resume", "", "nudges again"),
    SETTINGS(
            "settings",
            "[<key> <value>]",
            "show or change a setting: tz, prime, fiscal-start, currency, booking-nudge, "
                    + "bad-news-after, quarter-nudges, prep-lead, nudges, crm-threshold,"
                    + " crm-owners, crm-commit-stages"
                    + " (`prime default`, `fiscal-start default`, `currency default`: back to the"
                    + " workspace's);"
                    + " `settings workspace [<key> <value>]`: the workspace defaults a Slack"
                    + " admin sets (fiscal-start, prime, currency)"),
    CONNECT(
            "connect",
            "calendar|crm",
            "connect Google Calendar or Microsoft 365 (your review is booked and tracked from it),"
                    + " or Salesforce or HubSpot, read-only (`crm workspace`: an admin's, for"
                    + " everyone)"),
    DISCONNECT(
            "disconnect",
            "calendar|crm",
            "disconnect your calendar or CRM (its access is revoked; `crm workspace`: an admin's)"),
    DIGEST(
            "digest",
            "on|off",
            "for bosses: every Monday, a DM of what your managers sent you the week before,"
                    + " what you haven't answered first"),
    EXPORT("export", "", "everything stored about you, as a JSON file in a DM"),
    FORGET("forget", "", "delete all your data (asks first)");

    private final String word;
    private final String arguments;
    private final String description;

    Subcommand(String word, String arguments, String description) {
        this.word = word;
        this.arguments = arguments;
        this.description = description;
    }

    public String word() {
        return word;
    }

    public String description() {
        return description;
    }

    /** e.g. {@code /bossreview review <day> <time>} */
    public String usage() {
        return "/bossreview " + word + (arguments.isEmpty() ? "" : " " + arguments);
    }

    public static Optional<Subcommand> byWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.word.equals(w)).findFirst();
    }

    /** The subcommand a typo most likely meant, if one is close enough (at most two edits away). */
    public static Optional<Subcommand> closestTo(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Subcommand best = null;
        int bestDistance = 3;
        for (Subcommand s : values()) {
            int d = distance(w, s.word);
            if (d < bestDistance) {
                best = s;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
