package com.bossreview.scorecard;

import com.bossreview.boss.BossReply;
import com.bossreview.forecast.Forecast;
import com.bossreview.news.NewsItem;
import com.bossreview.review.ReviewState;
import com.bossreview.time.IsoWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the owners of the rows read for one manager's scorecard, from the start of the earliest span
 * asked about (the quarter's first day) up to now.
 *
 * @param badNews bad news logged, not dismissed, oldest first
 * @param crmChanges when the CRM change behind a drafted item happened, by news id
 * @param figures every forecast figure of the quarter, in recording order
 * @param weeks the stored review states
 * @param agendasSent when each agenda went to the boss
 * @param replies the boss's answers, with when
 */
public record ScoreInputs(
        List<NewsItem> badNews,
        Map<Long, Instant> crmChanges,
        List<Forecast> figures,
        Map<IsoWeek, ReviewState> weeks,
        List<Instant> agendasSent,
        List<Reply> replies) {

    public ScoreInputs {
        badNews = List.copyOf(badNews);
        crmChanges = Map.copyOf(crmChanges);
        figures = List.copyOf(figures);
        weeks = Map.copyOf(weeks);
        agendasSent = List.copyOf(agendasSent);
        replies = List.copyOf(replies);
    }

    public record Reply(BossReply reply, Instant at) {}

    public static ScoreInputs none() {
        return new ScoreInputs(List.of(), Map.of(), List.of(), Map.of(), List.of(), List.of());
    }
}
