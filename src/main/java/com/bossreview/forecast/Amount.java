package com.bossreview.forecast;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A figure as the manager typed it: the value (scale 2) and the currency symbol in front of it, if
 * any. A figure without a symbol takes the currency of the manager's previous figure when it is
 * stored, else their workspace's default currency.
 */
public record Amount(BigDecimal value, Optional<Currency> currency) {}
