package com.bossreview.boss;

import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The boss's answers to what managers sent them. Only the person a thing was sent to may answer it;
 * an answer is recorded (claimed) before the manager is told and released again if telling them
 * fails, so the manager hears of each closing answer once and a failed one can simply be clicked
 * again.
 */
public final class BossReplies {
    /** The longest question a boss can send, in characters; the modal's field stops there too. */
    public static final int QUESTION_MAX = 1000;

    /** Tells the manager; throwing means they were not told, and the answer is released. */
    @FunctionalInterface
    public interface Tell<X extends Exception> {
        void tell(Sent sent) throws X;
    }

    public sealed interface Outcome {
        /** Not sent to this person in this workspace, or gone: nothing recorded, nobody told. */
        record NotYours() implements Outcome {}

        /**
         * Thanks or Let's talk was already given (maybe by a double click): the manager is not told
         * again.
         */
        record AlreadyAnswered(Sent sent, BossReply reply, Instant at) implements Outcome {}

        record Answered(Sent sent) implements Outcome {}
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<Subject.Kind, SentLookup> lookups;
    private final CoffeeOffers coffee;

    /**
     * @param lookups one per kind of thing sent to bosses, from the feature that sends it
     */
    public BossReplies(Jdbi jdbi, Clock clock, Map<Subject.Kind, SentLookup> lookups) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lookups = new EnumMap<>(lookups);
        this.coffee = new CoffeeOffers(jdbi);
    }

    /** What {@code boss} is answering, if it was sent to them in {@code team}. */
    public Optional<Sent> find(String team, String boss, Subject subject) {
        SentLookup lookup = lookups.get(subject.kind());
        return lookup == null ? Optional.empty() : lookup.sentTo(team, boss, subject.id());
    }

    /** Why a question cannot be sent as typed (empty, too long), or empty when it can. */
    public static Optional<String> questionProblem(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            return Optional.of("Type your question first.");
        }
        if (q.codePointCount(0, q.length()) > QUESTION_MAX) {
            return Optional.of(
                    "Keep it to "
                            + QUESTION_MAX
                            + " characters — a longer talk is what Let's talk is for.");
        }
        return Optional.empty();
    }

    /**
     * Records {@code boss}'s {@code reply} to {@code subject} (with the question for {@link
     * BossReply#ASK}, which has passed {@link #questionProblem}) and tells the manager through
     * {@code tell}.
     */
    public <X extends Exception> Outcome answer(
            String team,
            String boss,
            Subject subject,
            BossReply reply,
            Optional<String> question,
            Tell<X> tell)
            throws X {
        if ((reply == BossReply.ASK) != question.isPresent()
                || question.flatMap(BossReplies::questionProblem).isPresent()) {
            throw new IllegalArgumentException("a question goes with Ask, and only with Ask");
        }
        Optional<Sent> found = find(team, boss, subject);
        if (found.isEmpty()) {
            return new Outcome.NotYours();
        }
        Sent sent = found.get();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long[] ids = ids(subject);
        Optional<Long> claimed =
                jdbi.withExtension(
                        BossReplyDao.class,
                        dao ->
                                dao.claim(
                                        team,
                                        sent.managerId(),
                                        boss,
                                        ids[0],
                                        ids[1],
                                        ids[2],
                                        reply,
                                        question.map(String::strip).orElse(null),
                                        at));
        if (claimed.isEmpty()) {
            return jdbi.withExtension(
                            BossReplyDao.class,
                            dao -> dao.closingAnswer(team, ids[0], ids[1], ids[2]))
                    .<Outcome>map(r -> new Outcome.AlreadyAnswered(sent, r.reply(), r.answeredAt()))
                    // released by a failed click in between: the boss may click again
                    .orElseGet(() -> new Outcome.AlreadyAnswered(sent, reply, at));
        }
        try {
            tell.tell(sent);
        } catch (Exception e) {
            jdbi.useExtension(BossReplyDao.class, dao -> dao.release(team, claimed.get()));
            throw e;
        }
        return new Outcome.Answered(sent);
    }

    /**
     * {@link #answer}, telling the manager by DM in {@link BossReplyViews#toManager}'s words: the
     * way every answer of a boss (Thanks, Let's talk, a question) reaches the manager.
     */
    Outcome answerByDm(
            Messenger messenger,
            String team,
            String boss,
            Subject subject,
            BossReply reply,
            Optional<String> question)
            throws SlackCallException {
        return answer(
                team,
                boss,
                subject,
                reply,
                question,
                sent -> {
                    BossReplyViews.Message m =
                            BossReplyViews.toManager(
                                    reply, subject.kind(), boss, sent, question.orElse(null));
                    // A thanks for good news may carry the coffee line, claimed before the DM and
                    // given back if it does not go out.
                    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    boolean offer =
                            reply == BossReply.THANKS
                                    && sent.win()
                                    && coffee.claim(team, sent.managerId(), at);
                    try {
                        messenger.dm(
                                team,
                                sent.managerId(),
                                m.text(),
                                (offer ? BossReplyViews.withCoffee(m, boss) : m).blocks());
                    } catch (SlackCallException | RuntimeException e) {
                        if (offer) {
                            coffee.release(team, sent.managerId(), at);
                        }
                        throw e;
                    }
                });
    }

    /**
     * The manager who sent {@code subject} to {@code boss}, to name when telling them failed; null
     * if none did.
     */
    String sender(String team, String boss, Subject subject) {
        return find(team, boss, subject).map(Sent::managerId).orElse(null);
    }

    /** Every answer to what this manager sent, oldest first. */
    public List<BossReplyDao.Row> all(String team, String manager) {
        return jdbi.withExtension(BossReplyDao.class, dao -> dao.all(team, manager));
    }

    /** The subject as the table's three id columns, of which exactly one is set. */
    private static Long[] ids(Subject s) {
        return new Long[] {
            s.kind() == Subject.Kind.NEWS ? s.id() : null,
            s.kind() == Subject.Kind.FORECAST ? s.id() : null,
            s.kind() == Subject.Kind.AGENDA ? s.id() : null
        };
    }
}
