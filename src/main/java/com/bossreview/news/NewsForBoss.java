package com.bossreview.news;

import com.bossreview.boss.Sent;
import com.bossreview.boss.SentItem;
import com.bossreview.boss.SentLookup;
import com.bossreview.boss.SentSource;
import com.bossreview.boss.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shared news as the boss it was shared with answers it ({@code news:<id>}) and lists it. */
public final class NewsForBoss implements SentLookup, SentSource {
    private static final int BRIEF = 150;

    private final NewsService news;

    public NewsForBoss(NewsService news) {
        this.news = news;
    }

    @Override
    public Optional<Sent> sentTo(String team, String boss, long id) {
        return news.findSharedWith(team, boss, id)
                .map(
                        item ->
                                new Sent(
                                        item.userId(),
                                        BossViews.about(item),
                                        item.kind() == NewsKind.GOOD));
    }

    @Override
    public List<SentItem> sentTo(
            String team, String boss, Instant since, Instant until, int limit) {
        return news.sentTo(team, boss, since, until, limit).stream()
                .map(
                        item ->
                                new SentItem(
                                        Subject.news(item.id()),
                                        item.userId(),
                                        item.sharedAt().orElseThrow(),
                                        (item.kind() == NewsKind.GOOD
                                                        ? ":tada: Good news: "
                                                        : ":rotating_light: Bad news: ")
                                                + NewsMrkdwn.brief(item.body(), BRIEF),
                                        item.kind() == NewsKind.GOOD))
                .toList();
    }
}
