package com.bossreview.status;

import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.Recorded;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsItem;
import com.bossreview.review.ReviewState;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the status card shows, computed at one instant.
 *
 * @param forecast the latest figure of the current quarter
 * @param lastTold the last figure of the current quarter the boss was told (may be {@code forecast}
 *     itself)
 */
public record StatusCard(
        Manager manager,
        Instant now,
        IsoWeek week,
        Optional<ReviewState> thisWeek,
        List<NewsItem> unsharedNews,
        Optional<Forecast> forecast,
        Optional<Forecast> lastTold,
        FiscalQuarter quarter,
        long daysToQuarterEnd,
        int streak) {

    /** The latest figure against what the boss was told. */
    public Optional<Recorded> forecastStory() {
        return forecast.map(
                f ->
                        new Recorded(
                                f,
                                lastTold.filter(t -> t.id() != f.id()),
                                quarter,
                                daysToQuarterEnd));
    }
}
