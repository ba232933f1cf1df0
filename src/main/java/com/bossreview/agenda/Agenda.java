package com.bossreview.agenda;

import com.bossreview.feedback.Feedback;
import com.bossreview.forecast.Recorded;
import com.bossreview.news.NewsItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The draft agenda of the next weekly review: what the boss said last time and what the manager
 * would do, what happened since the last review held, the team's open asks and credits, and
 * questions that ask the boss for feedback.
 *
 * @param feedback the newest review's feedback, which the agenda opens with
 * @param forecastChanges figures recorded since the last review, oldest first, each with what the
 *     boss was told
 * @param items the open asks and credits, oldest first
 */
public record Agenda(
        Optional<Instant> lastReviewHeld,
        Optional<Feedback> feedback,
        List<NewsItem> news,
        List<Recorded> forecastChanges,
        List<AgendaItem> items,
        List<String> questions) {
    public boolean hasContent() {
        return !news.isEmpty() || !forecastChanges.isEmpty();
    }
}
