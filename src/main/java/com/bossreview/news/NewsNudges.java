package com.bossreview.news;

import com.bossreview.manager.Manager;
import com.bossreview.nudge.Chains;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.nudge.Nudge;
import com.bossreview.nudge.NudgeKind;
import com.bossreview.nudge.NudgeMessage;
import com.bossreview.nudge.NudgePeriod;
import com.bossreview.nudge.NudgePlanner;
import com.bossreview.nudge.NudgeType;
import com.bossreview.nudge.NudgeViews;
import com.bossreview.nudge.Occurrence;
import com.bossreview.nudge.Occurrences;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.Times;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * News not told yet (SPEC §3): bad news reminded every two hours until told, good news once the
 * next working morning. Planned when the news is logged ({@link #reminders}), not periodically.
 */
public final class NewsNudges implements NudgeType {
    public static final NudgeKind BAD_NEWS = NudgeKind.of("BAD_NEWS");
    public static final NudgeKind GOOD_NEWS = NudgeKind.of("GOOD_NEWS");

    static final Duration GOOD_NEWS_STALE = Duration.ofDays(3);

    /** {@code Friday 27 Nov}. */
    private static final DateTimeFormatter DAY_AND_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMM", Locale.ENGLISH);

    private final Jdbi jdbi;
    private final NewsService news;

    public NewsNudges(Jdbi jdbi, NewsService news) {
        this.jdbi = jdbi;
        this.news = news;
    }

    /** How {@link NewsService} plans the reminders of news it logs, in the logging transaction. */
    public static NewsService.Reminders reminders(Occurrences store) {
        return (team, user, newsId, bad, loggedAt) ->
                store.planFor(
                        team,
                        user,
                        m ->
                                bad
                                        ? badNews(m, newsId, loggedAt)
                                        : List.of(goodNews(m, newsId, loggedAt)));
    }

    /**
     * Bad news not shared: {@code bad-news-after} after logging, then every two hours, at most
     * three times; a reminder falling outside 07:00–21:00 local waits for 07:00.
     */
    public static List<Occurrence> badNews(Manager m, long newsId, Instant loggedAt) {
        return NudgePlanner.urgentChain(m, BAD_NEWS, NudgePeriod.Subject.NEWS, newsId, loggedAt);
    }

    /** Good news not shared: the next working morning, before prime sales hours. */
    public static Occurrence goodNews(Manager m, long newsId, Instant loggedAt) {
        LocalDate day = loggedAt.atZone(m.zone()).toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return new Occurrence(
                m.teamId(),
                m.userId(),
                GOOD_NEWS,
                new NudgePeriod.Once(NudgePeriod.Subject.NEWS, newsId),
                NudgePlanner.outsidePrime(m, LocalTimes.at(day, NudgePlanner.morning(m), m.zone())),
                Optional.of(newsId));
    }

    @Override
    public Set<NudgeKind> kinds() {
        return Set.of(BAD_NEWS, GOOD_NEWS);
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                return NewsNudges.this.skip(n, m, now);
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                return NewsNudges.render(n, m, item(n).orElseThrow(), now);
            }
        };
    }

    private Optional<NewsItem> item(Nudge n) {
        return n.refId().flatMap(id -> news.find(n.teamId(), n.userId(), id));
    }

    private Optional<String> skip(Nudge n, Manager m, Instant now) {
        Optional<NewsItem> item = n.refId().flatMap(id -> news.find(m.teamId(), m.userId(), id));
        if (item.isEmpty()) {
            return Optional.of("news gone");
        }
        Optional<String> closed = closed(item.get());
        if (closed.isPresent()) {
            return closed;
        }
        if (n.kind() == BAD_NEWS) {
            return Chains.superseded(jdbi, n, now)
                    ? Optional.of("late: a later reminder is due")
                    : Optional.empty();
        }
        return now.isAfter(n.dueAt().plus(GOOD_NEWS_STALE))
                ? Optional.of("late: news is old")
                : Optional.empty();
    }

    /** News told in any way, or dismissed, needs no reminder; each way is its own reason. */
    private static Optional<String> closed(NewsItem item) {
        if (item.dismissed()) {
            return Optional.of("dismissed");
        }
        return item.how()
                .map(
                        how ->
                                switch (how) {
                                    case DM -> "shared";
                                    case AGENDA -> "told in agenda";
                                    case OUTSIDE -> "told outside Slack";
                                });
    }

    /** The reminder about {@code item}. */
    public static NudgeMessage render(Nudge n, Manager m, NewsItem item, Instant now) {
        String boss = "<@" + m.bossUserId().orElse("your boss") + ">";
        if (n.kind() == BAD_NEWS) {
            return new NudgeMessage(
                    ":rotating_light: You logged bad news "
                            + NudgeViews.age(Duration.between(item.loggedAt(), now))
                            + " ago and haven't told "
                            + boss
                            + " yet:\n>"
                            + quote(item.body())
                            + "\nYour boss must never hear it from someone else first.",
                    NewsViews.buttons(item, false),
                    "Bad news doesn't get better with age. Bring what you're doing about it.",
                    // Reminder chains come back every two hours by themselves: no snooze on them.
                    false);
        }
        return new NudgeMessage(
                ":tada: "
                        + goodNewsFrom(item.loggedAt(), m, now)
                        + " still waiting for "
                        + boss
                        + ":\n>"
                        + quote(item.body()),
                NewsViews.buttons(item, false),
                "Your boss is your champion with senior management — give them wins to talk about.",
                true);
    }

    private static String quote(String body) {
        String t = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        return Mrkdwn.escape(t).replace("\n", "\n>");
    }

    /**
     * Which good news, by the day it was logged in the manager's zone: {@code Yesterday's good news
     * is} only for the day before; {@code Friday's good news is} on a Monday (or after any gap)
     * within the week; a week or more back, {@code Your good news from Friday 20 Nov is}.
     */
    static String goodNewsFrom(Instant loggedAt, Manager m, Instant now) {
        LocalDate logged = loggedAt.atZone(m.zone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(logged, m.today(now));
        if (days <= 0) {
            return "Today's good news is";
        }
        if (days == 1) {
            return "Yesterday's good news is";
        }
        return days < 7
                ? Times.format(logged.getDayOfWeek()) + "'s good news is"
                : "Your good news from " + logged.format(DAY_AND_DATE) + " is";
    }
}
