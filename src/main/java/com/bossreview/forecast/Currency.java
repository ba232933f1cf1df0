package com.bossreview.forecast;

import java.util.Arrays;
import java.util.Optional;

/**
 * The currencies a manager may type in front of a figure. bossreview converts nothing: it keeps the
 * symbol the manager typed so that the boss reads the figure as it was meant ({@code £250,000}, not
 * {@code $250,000}). Stored by name.
 */
public enum Currency {
    USD("$"),
    EUR("€"),
    GBP("£");

    private final String symbol;

    Currency(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The currency of a leading symbol, e.g. {@code £}; empty for anything else. */
    static Optional<Currency> ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    /**
     * A currency as an admin names it in {@code settings workspace currency}: its symbol or its ISO
     * code, e.g. {@code €} or {@code eur}; empty for anything else.
     */
    public static Optional<Currency> named(String text) {
        String t = text.strip();
        return ofSymbol(t)
                .or(
                        () ->
                                Arrays.stream(values())
                                        .filter(c -> c.name().equalsIgnoreCase(t))
                                        .findFirst());
    }
}
