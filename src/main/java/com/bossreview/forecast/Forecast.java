package com.bossreview.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** One forecast figure a manager recorded for a fiscal quarter. */
public record Forecast(long id, String teamId, String userId, int fiscalYear, int quarter, BigDecimal amount,
                       Optional<String> note, Instant recordedAt, Optional<Instant> sharedAt,
                       Optional<String> sharedWith) {
}
