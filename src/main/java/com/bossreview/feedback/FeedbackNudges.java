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

    /** The claimed weeks whose feedback is in. */
    private static final String GIVEN =
            "SELECT f.team_id || '/' || f.user_id || '/' || f.week FROM review_feedback f"
                    + " JOIN unnest(:teams, :users, :weeks) AS k(t, u, w)"
                    + " ON f.team_id = k.t AND f.user_id = k.u AND f.week = k.w";

    /**
     * The claimed weeks whose "Did it happen?" went out, with a Held button that opens the form.
     */
    private static final String ASKED =
            "SELECT n.team_id || '/' || n.user_id || '/' || n.period FROM nudge n"
                    + " JOIN unnest(:teams, :users, :weeks) AS k(t, u, w)"
                    + " ON n.team_id = k.t AND n.user_id = k.u AND n.period = k.w"
                    + " WHERE n.kind = '"
                    + ReviewNudges.DID_IT_HAPPEN.name()
                    + "' AND n.state = 'SENT'";

    private List<String> keys(String sql, String[] teams, String[] users, String[] weeks) {
        if (teams.length == 0) {
            return List.of();
        }
        return jdbi.withHandle(
                h ->
                        h.createQuery(sql)
                                .bind("teams", teams)
                                .bind("users", users)
                                .bind("weeks", weeks)
                                .mapTo(String.class)
                                .list());
    }

    @Override
    public Set<NudgeKind> kinds() {
        return Set.of(ASK);
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        String[] teams = claimed.stream().map(Nudge::teamId).toArray(String[]::new);
        String[] users = claimed.stream().map(Nudge::userId).toArray(String[]::new);
        String[] weeks = claimed.stream().map(n -> n.week().toString()).toArray(String[]::new);
        Set<String> given = new HashSet<>(keys(GIVEN, teams, users, weeks));
        Set<String> askedAlready = new HashSet<>(keys(ASKED, teams, users, weeks));
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
