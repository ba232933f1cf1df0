package com.bossreview.status;

import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewService;

import java.time.Clock;

/** Gathers the status card of a manager. */
public final class StatusService {
    private final Clock clock;
    private final ReviewService reviews;
    private final NewsService news;
    private final ForecastService forecasts;

    public StatusService(Clock clock, ReviewService reviews, NewsService news, ForecastService forecasts) {
        this.clock = clock;
        this.reviews = reviews;
        this.news = news;
        this.forecasts = forecasts;
    }

    public StatusCard card(Manager m) {
        var now = clock.instant();
        var quarter = forecasts.currentQuarter(m);
        return new StatusCard(m, now, reviews.currentWeek(m), reviews.thisWeek(m),
                news.unshared(m.teamId(), m.userId()), forecasts.latest(m), quarter,
                quarter.daysLeft(m.today(now)), reviews.streak(m));
    }
}
