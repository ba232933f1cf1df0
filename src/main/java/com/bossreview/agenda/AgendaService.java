package com.bossreview.agenda;

import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
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
                    "Which of my reps should you get to know better?",
                    "What's on senior management's mind that I can help with?");

    private final Jdbi jdbi;
    private final Clock clock;
    private final NewsService news;
    private final ForecastService forecasts;
    private final ReviewService reviews;

    public AgendaService(
            Jdbi jdbi,
            Clock clock,
            NewsService news,
            ForecastService forecasts,
            ReviewService reviews) {
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
                news.loggedSince(m.teamId(), m.userId(), since),
                forecasts.withBaselines(m, forecasts.recordedSince(m.teamId(), m.userId(), since)),
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
    private void markNewsTold(String team, String user, Agenda agenda, String boss, Instant at) {
        try {
            news.markToldByAgenda(team, user, AgendaViews.newsShown(agenda), boss, at);
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
        record Sent(Agenda agenda, String boss) implements SendOutcome {}

        record AlreadySent(Instant at, String boss) implements SendOutcome {}

        record NoBoss() implements SendOutcome {}
    }

    /**
     * Sends the DM of the agenda recorded as row {@code sentId} of agenda_sent; a failure is thrown
     * and releases the claim, so the manager can click again.
     */
    @FunctionalInterface
    public interface Delivery<X extends Exception> {
        void deliver(Agenda agenda, String boss, long sentId) throws X;
    }

    /**
     * Sends the agenda of {@code week} (the week its button names) to the manager's boss, once: the
     * send is claimed in the database before the DM goes out, so a second click, here or on another
     * surface, finds it sent and sends nothing.
     */
    public <X extends Exception> SendOutcome send(Manager m, String week, Delivery<X> delivery)
            throws X {
        if (m.bossUserId().isEmpty()) {
            return new SendOutcome.NoBoss();
        }
        String boss = m.bossUserId().get();
        Agenda agenda = build(m);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String team = m.teamId();
        String user = m.userId();
        Optional<Long> sentId =
                jdbi.withExtension(
                        AgendaDao.class,
                        dao -> dao.claim(team, user, week, at, boss, AgendaViews.text(agenda)));
        if (sentId.isEmpty()) {
            return jdbi.withExtension(AgendaDao.class, dao -> dao.sentFor(team, user, week))
                    .<SendOutcome>map(s -> new SendOutcome.AlreadySent(s.sentAt(), s.sentTo()))
                    .orElseGet(() -> new SendOutcome.AlreadySent(at, boss));
        }
        try {
            delivery.deliver(agenda, boss, sentId.get());
        } catch (Exception e) {
            jdbi.useExtension(AgendaDao.class, dao -> dao.release(team, user, week, at));
            throw e;
        }
        markNewsTold(team, user, agenda, boss, at);
        forecasts.markToldByAgenda(m, agenda.forecastChanges(), boss, at);
        return new SendOutcome.Sent(agenda, boss);
    }
}
