package com.bossreview.agenda;

import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewService;
import com.bossreview.time.IsoWeek;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds agendas and records the ones sent to the boss. */
public final class AgendaService {
    /** Feedback questions; three are picked per week, so the boss does not hear the same ones every time. */
    static final List<String> QUESTIONS = List.of(
            "What's one thing I could do differently to make this quarter easier for you?",
            "Is there anything you're hearing about my team that I should know?",
            "Where do you want me to focus over the next two weeks?",
            "How am I doing at keeping you informed — too much, too little, too late?",
            "What would make you more confident in my forecast?",
            "Which of my reps should you get to know better?",
            "What's on senior management's mind that I can help with?");

    private final Jdbi jdbi;
    private final Clock clock;
    private final NewsService news;
    private final ForecastService forecasts;
    private final ReviewService reviews;

    public AgendaService(Jdbi jdbi, Clock clock, NewsService news, ForecastService forecasts, ReviewService reviews) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.news = news;
        this.forecasts = forecasts;
        this.reviews = reviews;
    }

    public Agenda build(Manager m) {
        var lastHeld = reviews.lastHeldAt(m.teamId(), m.userId());
        Instant since = lastHeld.orElse(Instant.EPOCH);
        return new Agenda(lastHeld,
                news.loggedSince(m.teamId(), m.userId(), since),
                forecasts.recordedSince(m.teamId(), m.userId(), since),
                questionsFor(IsoWeek.of(m.today(clock.instant()))));
    }

    static List<String> questionsFor(IsoWeek week) {
        List<String> picked = new ArrayList<>();
        int start = Math.floorMod(week.year() * 53 + week.week(), QUESTIONS.size());
        for (int i = 0; i < 3; i++) {
            picked.add(QUESTIONS.get((start + i * 2) % QUESTIONS.size()));
        }
        return picked;
    }

    public void recordSent(Manager m, String boss, String body) {
        jdbi.useExtension(AgendaDao.class, dao -> dao.recordSent(m.teamId(), m.userId(), clock.instant(), boss, body));
    }
}
