package com.bossreview.status;

import com.bossreview.forecast.Forecast;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsItem;
import com.bossreview.review.ReviewState;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything the status card shows, computed at one instant. */
public record StatusCard(Manager manager, Instant now, IsoWeek week, Optional<ReviewState> thisWeek,
                         List<NewsItem> unsharedNews, Optional<Forecast> forecast, FiscalQuarter quarter,
                         long daysToQuarterEnd, int streak) {
}
