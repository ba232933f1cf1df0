package com.bossreview.forecast;

import com.bossreview.command.Subcommand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of {@code /bossreview forecast <amount> [note]}: the first word is the amount (a
 * lone currency symbol or multiplier next to it is taken with it, so {@code $ 300,000} and {@code
 * 1.2 M} work), the rest, as typed, is the note.
 *
 * @param currency the currency symbol typed in front of the amount, if any
 */
public record ForecastInput(BigDecimal amount, Optional<Currency> currency, Optional<String> note) {
    public static final int NOTE_MAX_LENGTH = 500;
    private static final Pattern WORD = Pattern.compile("\\S+");

    /**
     * @throws IllegalArgumentException with a message for the manager (what was wrong, usage,
     *     examples)
     */
    public static ForecastInput parse(String arguments) {
        String text = arguments == null ? "" : arguments.strip();
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < 3) {
            words.add(new int[] {m.start(), m.end()});
        }
        if (words.isEmpty()) {
            Amount none = Amounts.read(""); // refused: there is no amount
            return new ForecastInput(none.value(), none.currency(), Optional.empty());
        }
        int used = 1;
        if (word(text, words, 0).matches("[$€£]") && words.size() > 1) {
            used = 2;
        }
        if (words.size() > used && Amounts.isSuffix(word(text, words, used))) {
            used++;
        }
        int end = words.get(used - 1)[1];
        Amount amount = Amounts.read(text.substring(0, end).replaceAll("\\s+", " "));
        return new ForecastInput(amount.value(), amount.currency(), note(text.substring(end)));
    }

    /** The optional note, stripped; refused past {@link #NOTE_MAX_LENGTH} characters. */
    public static Optional<String> note(String text) {
        String note = text == null ? "" : text.strip();
        int length = note.codePointCount(0, note.length());
        if (length > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException(
                    ":warning: Your note is "
                            + length
                            + " characters; keep it to "
                            + NOTE_MAX_LENGTH
                            + ". Nothing was saved.\nUsage: `"
                            + Subcommand.FORECAST.usage()
                            + "` — e.g. `forecast 250k Acme slipped to next quarter`.");
        }
        return note.isEmpty() ? Optional.empty() : Optional.of(note);
    }

    private static String word(String text, List<int[]> words, int i) {
        return text.substring(words.get(i)[0], words.get(i)[1]);
    }
}
