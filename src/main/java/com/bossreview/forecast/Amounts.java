package com.bossreview.forecast;

import com.bossreview.command.Subcommand;
import com.bossreview.slack.Mrkdwn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forecast figures as managers type them: {@code 250k}, {@code 1.2M}, {@code $300,000}, {@code
 * 300000.50}, {@code 2.5bn}, {@code £250k}. One leading {@code $}, {@code €} or {@code £} is kept
 * as the figure's currency ({@link #read}); bossreview converts nothing.
 */
public final class Amounts {
    /** Above this a figure is taken for a typo (an extra zero or two), not a forecast. */
    public static final BigDecimal MAX = new BigDecimal("10000000000");

    static final int MAX_LENGTH = 32;
    static final String EXAMPLES = "`250k`, `1.2M`, `$300,000`, `300000.50`, `2.5bn`";

    private static final Pattern SHAPE =
            Pattern.compile(
                    "(?<number>[0-9][0-9,]*(?:\\.[0-9]+)?|\\.[0-9]+)\\s?(?<suffix>k|m|mm|b|bn)?",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUPED =
            Pattern.compile(
                    "[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[0-9]+,[0-9]{1,2}");
    private static final Pattern ALLOWED = Pattern.compile("[0-9.,$€£kKmMbBnN\\s]*");

    /** A figure that could not be read; {@link #problem()} says why in one sentence. */
    public static final class InvalidAmount extends IllegalArgumentException {
        private final String problem;

        InvalidAmount(String problem) {
            super(
                    ":warning: "
                            + problem
                            + " Nothing was saved.\nUsage: `"
                            + Subcommand.FORECAST.usage()
                            + "` — e.g. "
                            + EXAMPLES
                            + ".");
            this.problem = problem;
        }

        /** Just what was wrong, e.g. for a modal's field error. */
        public String problem() {
            return problem;
        }
    }

    private Amounts() {}

    /**
     * @return the amount with scale 2, whatever currency was typed
     * @throws InvalidAmount saying what was wrong, with the usage line and examples in its message
     */
    public static BigDecimal parse(String text) {
        return read(text).value();
    }

    /**
     * @return the amount with scale 2 and the currency of its leading symbol, if one was typed
     * @throws InvalidAmount saying what was wrong, with the usage line and examples in its message
     */
    public static Amount read(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidAmount("There's no amount — what's your forecast for this quarter?");
        }
        if (t.length() > MAX_LENGTH) {
            throw new InvalidAmount("That's too long to be an amount.");
        }
        String shown = "`" + Mrkdwn.inCode(t, 20) + "`";
        if (t.startsWith("-")
                || t.startsWith("−")
                || t.startsWith("(")
                || t.matches("^[$€£]\\s?[-−(].*")) {
            throw new InvalidAmount(
                    "A forecast can't be negative — give the whole figure for the quarter.");
        }
        if (t.startsWith("+") || t.matches("^[$€£]\\s?\\+.*")) {
            throw new InvalidAmount(
                    "Give the whole figure for the quarter, not a change (" + shown + ").");
        }
        if (!ALLOWED.matcher(t).matches()) {
            throw new InvalidAmount(
                    shown
                            + " isn't an amount: use digits, `,` between thousands, `.` for cents, "
                            + "an optional leading `$`, `€` or `£`, and `k`, `M` or `bn`.");
        }
        Optional<Currency> currency = Currency.ofSymbol(t.substring(0, 1));
        String body = t.replaceFirst("^[$€£]\\s?", "");
        if (body.chars().filter(c -> c == '.').count() > 1) {
            throw new InvalidAmount(shown + " has more than one decimal point.");
        }
        Matcher m = SHAPE.matcher(body);
        if (!m.matches()) {
            throw new InvalidAmount(
                    body.matches("(?i)[$€£]?\\s*(k|m|mm|b|bn)?")
                            ? shown + " has no number in it."
                            : body.matches(".*[0-9]\\s+[0-9].*")
                                    ? shown
                                            + " has a space in the number: write it like `300000` or `300,000`."
                                    : shown + " isn't an amount I can read.");
        }
        String number = m.group("number");
        if (!GROUPED.matcher(number).matches()) {
            throw new InvalidAmount(
                    DECIMAL_COMMA.matcher(number).matches()
                            ? shown
                                    + ": use a dot for decimals (`1.5M`); commas only separate thousands (`300,000`)."
                            : shown
                                    + ": commas must separate thousands, like `300,000` or `1,200,000`.");
        }
        BigDecimal amount =
                new BigDecimal(number.replace(",", "")).multiply(multiplier(m.group("suffix")));
        if (amount.signum() == 0) {
            throw new InvalidAmount(
                    "A forecast must be more than zero. If the quarter looks empty, say so with a "
                            + "small figure and a note — and tell your boss now.");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new InvalidAmount(shown + " is above 10 billion — that looks like a typo.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidAmount(shown + " has fractions of a cent: use at most 2 decimals.");
        }
        return new Amount(amount.setScale(2, RoundingMode.UNNECESSARY), currency);
    }

    /**
     * Whether {@code token} alone is a multiplier a manager may type apart from the number ({@code
     * 1.2 M}).
     */
    static boolean isSuffix(String token) {
        return token.toLowerCase(Locale.ROOT).matches("k|m|mm|b|bn");
    }

    private static BigDecimal multiplier(String suffix) {
        if (suffix == null) {
            return BigDecimal.ONE;
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "k" -> BigDecimal.valueOf(1_000);
            case "m", "mm" -> BigDecimal.valueOf(1_000_000);
            default -> BigDecimal.valueOf(1_000_000_000);
        };
    }
}
