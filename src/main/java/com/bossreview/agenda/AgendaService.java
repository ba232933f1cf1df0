package com.bossreview.agenda;

import com.bossreview.feedback.FeedbackService;
import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewService;
import com.bossreview.time.IsoWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds agendas and records the ones sent to the boss. */
public final class AgendaService {
    private static final Logger log = LoggerFactory.getLogger(AgendaService.class);

    /**
     * Feedback questions; three are picked per week, so the boss does not hear the same ones every
     * time.
     */
    static final List<String> QUESTIONS =
            List.of(
                    "What's one thing I could do differently to make this quarter easier for you?",
                    "Is there anything you're hearing about my team that I should know?",
                    "Where do you want me to focus over the next two weeks?",
                    "How am I doing at keeping you informed — too much, too little, too late?",
                    "What would make you more confident in my forecast?",
                    "Which of my reps' wins should senior management hear about?",
                    "What's on senior management's mind that I can help with?");

    private final Jdbi jdbi;
    private final Clock clock;
    private final NewsService news;
    private final ForecastService forecasts;
    private final ReviewService reviews;
    private final FeedbackService feedback;
    private final AgendaItems items;

    public AgendaService(
            Jdbi jdbi,
            Clock clock,
            NewsService news,
            ForecastService forecasts,
            ReviewService reviews,
            FeedbackService feedback,
            AgendaItems items) {
        this.feedback = feedback;
        this.items = items;
        this.jdbi = jdbi;
        this.clock = clock;
        this.news = news;
        this.forecasts = forecasts;
        this.reviews = reviews;
    }

    public Agenda build(Manager m) {
        var lastHeld = reviews.lastHeldAt(m.teamId(), m.userId());
        Instant since = lastHeld.orElse(Instant.EPOCH);
        return new Agenda(
                lastHeld,
                feedback.latest(m.teamId(), m.userId()),
                news.loggedSince(m.teamId(), m.userId(), since),
                forecasts.withBaselines(m, forecasts.recordedSince(m.teamId(), m.userId(), since)),
                items.open(m.teamId(), m.userId()),
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

    /** The agenda of {@code week} already sent, if it was. */
    public Optional<AgendaDao.SentAgenda> sentFor(Manager m, String week) {
        return jdbi.withExtension(
                AgendaDao.class, dao -> dao.sentFor(m.teamId(), m.userId(), week));
    }

    /** An agenda as the boss it was sent to sees it. */
    public Optional<AgendaDao.SentTo> sentTo(String team, String boss, long id) {
        return jdbi.withExtension(AgendaDao.class, dao -> dao.sentTo(team, boss, id));
    }

    /** The agendas sent to {@code boss} in [{@code since}, {@code until}), newest first. */
    public List<AgendaDao.SentTo> sentToBoss(
            String team, String boss, Instant since, Instant until, int limit) {
        return jdbi.withExtension(
                AgendaDao.class, dao -> dao.sentToBoss(team, boss, since, until, limit));
    }

    /**
     * The boss now has the news the agenda spells out: what was still open counts as told at {@code
     * at}, which ends its reminders. The agenda did reach the boss, so a failure here is logged,
     * not reported as a failed send.
     */
    private void markNewsTold(
            String team, String user, List<NewsItem> told, String boss, Instant at) {
        try {
            news.markToldByAgenda(team, user, told, boss, at);
        } catch (RuntimeException e) {
            log.error(
                    "agenda of {}/{} sent, but its news was not marked told: {}",
                    team,
                    user,
                    e.toString());
        }
    }

    /** What came of a click on Send to boss. */
    public sealed interface SendOutcome {
        /**
         * @param body the agenda as the boss got it (mrkdwn)
         * @param edited the manager's edited text, when they edited it
         */
        record Sent(Agenda agenda, String body, Optional<String> edited, String boss)
                implements SendOutcome {}

        record AlreadySent(Instant at, String boss) implements SendOutcome {}

        record NoBoss() implements SendOutcome {}
    }

    /**
     * Sends the DM of the agenda recorded as row {@code sentId} of agenda_sent; a failure is thrown
     * and releases the claim, so the manager can click again.
     */
    @FunctionalInterface
    public interface Delivery<X extends Exception> {
        void deliver(String body, String boss, long sentId) throws X;
    }

    /**
     * Sends the agenda of {@code week} (the week its button names) to the manager's boss, once: the
     * send is claimed in the database before the DM goes out, so a second click, here or on another
     * surface, finds it sent and sends nothing.
     *
     * @param edited the text the manager edited ({@link EditAgenda}), sent instead of the draft:
     *     then only the news and figures it still contains count as told ({@link EditedAgenda})
     */
    public <X extends Exception> SendOutcome send(
            Manager m, String week, Optional<String> edited, Delivery<X> delivery) throws X {
        if (m.bossUserId().isEmpty()) {
            return new SendOutcome.NoBoss();
        }
        String boss = m.bossUserId().get();
        Agenda agenda = build(m);
        String body = edited.map(EditedAgenda::forBoss).orElseGet(() -> AgendaViews.text(agenda));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String team = m.teamId();
        String user = m.userId();
        Optional<Long> sentId =
                jdbi.withExtension(
                        AgendaDao.class, dao -> dao.claim(team, user, week, at, boss, body));
        if (sentId.isEmpty()) {
            return jdbi.withExtension(AgendaDao.class, dao -> dao.sentFor(team, user, week))
                    .<SendOutcome>map(s -> new SendOutcome.AlreadySent(s.sentAt(), s.sentTo()))
                    .orElseGet(() -> new SendOutcome.AlreadySent(at, boss));
        }
        try {
            delivery.deliver(body, boss, sentId.get());
        } catch (Exception e) {
            jdbi.useExtension(AgendaDao.class, dao -> dao.release(team, user, week, at));
            throw e;
        }
        markNewsTold(
                team,
                user,
                edited.map(e -> EditedAgenda.newsKept(agenda, e))
                        .orElseGet(() -> AgendaViews.newsShown(agenda)),
                boss,
                at);
        forecasts.markToldByAgenda(
                m,
                edited.map(e -> EditedAgenda.forecastsKept(agenda, e))
                        .orElseGet(agenda::forecastChanges),
                boss,
                at);
        return new SendOutcome.Sent(agenda, body, edited, boss);
    }
}
