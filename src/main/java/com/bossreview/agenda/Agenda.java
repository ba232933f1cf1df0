package com.bossreview.agenda;

import com.bossreview.forecast.Recorded;
import com.bossreview.news.NewsItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The draft agenda of the next weekly review: what happened since the last review held, and
 * questions that ask the boss for feedback.
 *
 * @param forecastChanges figures recorded since the last review, oldest first, each with what the
 *     boss was told
 */
public record Agenda(
        Optional<Instant> lastReviewHeld,
        List<NewsItem> news,
        List<Recorded> forecastChanges,
        List<String> questions) {
    public boolean hasContent() {
        return !news.isEmpty() || !forecastChanges.isEmpty();
    }
}
