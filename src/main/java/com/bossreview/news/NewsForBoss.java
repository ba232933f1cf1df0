package com.bossreview.news;

import com.bossreview.boss.Sent;
import com.bossreview.boss.SentLookup;
import java.util.Optional;

/** Shared news as the boss it was shared with answers it ({@code news:<id>}). */
public final class NewsForBoss implements SentLookup {
    private final NewsService news;

    public NewsForBoss(NewsService news) {
        this.news = news;
    }

    @Override
    public Optional<Sent> sentTo(String team, String boss, long id) {
        return news.findSharedWith(team, boss, id)
                .map(item -> new Sent(item.userId(), BossViews.about(item)));
    }
}
