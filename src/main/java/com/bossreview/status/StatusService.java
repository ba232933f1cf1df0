package com.bossreview.status;

import com.bossreview.forecast.Forecast;
import com.bossreview.manager.Manager;
import com.bossreview.review.ReviewService;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Gathers the status card of a manager in one round trip ({@link StatusDao}): the manager row with
 * every stored week (this week's state and the streak come from them), the open news, and the
 * latest forecast and the last one told to the boss of each fiscal quarter (the current quarter
 * depends on the manager's zone and fiscal-year start, so it is picked here). It answers on every
 * {@code /bossreview} and App Home open, so it takes one pooled connection for one statement
 * instead of one connection per part of the card.
 */
public final class StatusService {
    private final StatusDao cards;
    private final Clock clock;

    public StatusService(DataSource dataSource, Clock clock) {
        this.cards = new StatusDao(dataSource);
        this.clock = clock;
    }

    /**
     * The manager's card, or empty for someone who never used bossreview (no manager row; nothing
     * is stored).
     */
    public Optional<StatusCard> card(String team, String user) {
        Instant now = clock.instant();
        return cards.card(team, user).map(row -> card(row, now));
    }

    private static StatusCard card(StatusDao.CardRow row, Instant now) {
        Manager m = row.manager();
        LocalDate today = m.today(now);
        IsoWeek week = IsoWeek.of(today);
        FiscalQuarter quarter = FiscalQuarter.containing(today, m.fiscalStartMonth());
        return new StatusCard(
                m,
                now,
                week,
                Optional.ofNullable(row.weeks().get(week)),
                row.unsharedNews(),
                of(row.latestForecasts(), quarter),
                of(row.toldForecasts(), quarter),
                quarter,
                quarter.daysLeft(today),
                ReviewService.streak(row.weeks(), week));
    }

    /** The figure of {@code quarter} among one per quarter. */
    private static Optional<Forecast> of(List<Forecast> perQuarter, FiscalQuarter quarter) {
        for (Forecast f : perQuarter) {
            if (f.isIn(quarter)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
