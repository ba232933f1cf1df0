package com.bossreview.feedback;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.manager.Manager;
import com.bossreview.nudge.Nudge;
import com.bossreview.nudge.NudgeKind;
import com.bossreview.nudge.NudgeMessage;
import com.bossreview.nudge.NudgePeriod;
import com.bossreview.nudge.NudgeType;
import com.bossreview.nudge.Occurrence;
import com.bossreview.nudge.Occurrences;
import com.bossreview.review.ReviewNudges;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.review.ReviewViews;
import com.bossreview.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The feedback question after a review nobody clicked Held for: the calendar saw it end, so no
 * click's trigger_id could open the modal. A nudge (paced, retried, skipped while nudges are off or
 * paused, once per week) asks what the boss said; its Add feedback button is {@code review_held} on
 * that week, whose click on a held week opens the modal as Held again does.
 */
public final class FeedbackNudges implements NudgeType {
    public static final NudgeKind ASK = NudgeKind.of("ASK_FEEDBACK");

    /** A question still arriving this long after the review (the app was down) is stale. */
    static final Duration FRESH = Duration.ofDays(3);

    private final Jdbi jdbi;
    private final ReviewService reviews;

    public FeedbackNudges(Jdbi jdbi, ReviewService reviews) {
        this.jdbi = jdbi;
        this.reviews = reviews;
    }

    /** Plans the question for {@code week}, due at once; a second plan of it is a no-op. */
    public static void plan(Occurrences store, Manager m, IsoWeek week, Instant now) {
        store.planFor(
                m.teamId(),
                m.userId(),
                mm ->
                        List.of(
                                new Occurrence(
                                        mm.teamId(),
                                        mm.userId(),
                                        ASK,
                                        new NudgePeriod.Week(week),
                                        now,
                                        Optional.empty())));
    }

    @Override
    public Set<NudgeKind> kinds() {
        return Set.of(ASK);
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        Set<String> given = new HashSet<>();
        Set<String> askedAlready = new HashSet<>();
        if (!claimed.isEmpty()) {
            jdbi.useHandle(
                    h -> {
                        for (Nudge n : claimed) {
                            String key = n.teamId() + "/" + n.userId() + "/" + n.week();
                            boolean hasFeedback =
                                    h.createQuery(
                                                    "SELECT count(*) > 0 FROM review_feedback"
                                                            + " WHERE team_id = :t AND user_id = :u AND week = :w")
                                            .bind("t", n.teamId())
                                            .bind("u", n.userId())
                                            .bind("w", n.week().toString())
                                            .mapTo(Boolean.class)
                                            .one();
                            // "Did it happen?" went out with a Held button, which opens the modal
                            boolean asked =
                                    h.createQuery(
                                                    "SELECT count(*) > 0 FROM nudge WHERE team_id = :t"
                                                            + " AND user_id = :u AND kind = :k AND period = :w"
                                                            + " AND state = 'SENT'")
                                            .bind("t", n.teamId())
                                            .bind("u", n.userId())
                                            .bind("k", ReviewNudges.DID_IT_HAPPEN.name())
                                            .bind("w", n.week().toString())
                                            .mapTo(Boolean.class)
                                            .one();
                            if (hasFeedback) {
                                given.add(key);
                            }
                            if (asked) {
                                askedAlready.add(key);
                            }
                        }
                    });
        }
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                String key = n.teamId() + "/" + n.userId() + "/" + n.week();
                if (given.contains(key)) {
                    return Optional.of("feedback given");
                }
                if (askedAlready.contains(key)) {
                    return Optional.of("asked by did it happen");
                }
                if (reviews.stateOf(m, n.week()).filter(s -> s == ReviewState.HELD).isEmpty()) {
                    return Optional.of("not held");
                }
                return now.isAfter(n.dueAt().plus(FRESH))
                        ? Optional.of("late: review long past")
                        : Optional.empty();
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                String boss = "<@" + m.bossUserId().orElseThrow() + ">";
                IsoWeek week = n.week();
                String text =
                        ":white_check_mark: Your calendar shows "
                                + (week.equals(reviews.currentWeek(m)) ? "this" : "last")
                                + " week's review with "
                                + boss
                                + " took place: marked held. What did "
                                + boss
                                + " say, and what will you do? A minute now, and it opens your"
                                + " next agenda.";
                return new NudgeMessage(
                        text,
                        List.of(
                                button(
                                        b ->
                                                b.actionId(ReviewViews.HELD_ACTION)
                                                        .value(week.toString())
                                                        .style("primary")
                                                        .text(plainText("Add feedback")))),
                        "Write it down the day you hear it: the boss remembers what they asked for.",
                        false);
            }
        };
    }
}
