package com.bossreview.feedback;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.news.NewsText;
import com.bossreview.nudge.Occurrences;
import com.bossreview.review.AfterHeld;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.slack.ModalInput;
import com.bossreview.slack.SlackApi;
import com.bossreview.time.IsoWeek;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After Held (button or command), the optional modal "what did your boss say, what will you do"
 * ({@link AfterHeld}; held by the calendar, a nudge with a button that opens it); its submission
 * ({@code review_feedback}) stores the answers for the held week, replacing earlier ones. Bad text
 * keeps the modal open with the reason under the field; a modal with both fields empty stores
 * nothing.
 */
public final class FeedbackModal implements AfterHeld, Listeners {
    private static final Logger log = LoggerFactory.getLogger(FeedbackModal.class);

    private final FeedbackService feedback;
    private final ManagerService managers;
    private final SlackApi slack;
    private final ReviewService reviews;
    private final Occurrences occurrences;
    private final Clock clock;

    public FeedbackModal(
            FeedbackService feedback,
            ManagerService managers,
            ReviewService reviews,
            SlackApi slack,
            Occurrences occurrences,
            Clock clock) {
        this.feedback = feedback;
        this.reviews = reviews;
        this.managers = managers;
        this.slack = slack;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    @Override
    public void held(Manager m, IsoWeek week, String triggerId) throws Exception {
        slack.openModal(m.teamId(), triggerId, FeedbackViews.modal(week, m.bossUserId()));
    }

    /** No modal can open: a nudge asks ({@link FeedbackNudges}). */
    @Override
    public void heldWithoutClick(Manager m, IsoWeek week) {
        FeedbackNudges.plan(occurrences, m, week, clock.instant());
    }

    @Override
    public void register(CommandRouter commands, App app) {
        app.viewSubmission(FeedbackViews.CALLBACK, this::submitted);
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        String team = request.getPayload().getTeam().getId();
        String user = request.getPayload().getUser().getId();
        Optional<IsoWeek> week = week(request.getPayload().getView().getPrivateMetadata());
        if (week.isEmpty()) {
            return ctx.ackWithErrors(Map.of(FeedbackViews.SAID_BLOCK, FeedbackViews.badWeek()));
        }
        Map<String, String> errors = new HashMap<>();
        Optional<String> said = answer(request, FeedbackViews.SAID_BLOCK, errors);
        Optional<String> will = answer(request, FeedbackViews.WILL_BLOCK, errors);
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        // The week comes back from the client: only a review of theirs that is held takes feedback.
        Optional<Manager> m =
                managers.find(team, user)
                        .filter(
                                found ->
                                        reviews.stateOf(found, week.get())
                                                .filter(s -> s == ReviewState.HELD)
                                                .isPresent());
        if (m.isEmpty()) {
            return ctx.ackWithErrors(Map.of(FeedbackViews.SAID_BLOCK, FeedbackViews.notHeld()));
        }
        boolean stored = feedback.save(m.get(), week.get(), said, will);
        if (stored) {
            log.info("review feedback of {}/{} for {} saved", team, user, week.get());
        }
        return ctx.ack(r -> r.responseAction("update").view(FeedbackViews.saved(stored)));
    }

    /** The field's text, cleaned; empty when left blank; a problem goes into {@code errors}. */
    private static Optional<String> answer(
            ViewSubmissionRequest request, String block, Map<String, String> errors) {
        NewsText.Checked checked =
                NewsText.check(
                        ModalInput.typed(request, block, FeedbackViews.TEXT_ACTION),
                        FeedbackService.MAX_CHARS);
        if (checked instanceof NewsText.Valid valid) {
            return Optional.of(valid.body());
        }
        NewsText.Invalid invalid = (NewsText.Invalid) checked;
        if (invalid.problem() == NewsText.Problem.TOO_LONG) {
            errors.put(block, FeedbackViews.tooLong(invalid.length()));
        }
        return Optional.empty();
    }

    private static Optional<IsoWeek> week(String metadata) {
        try {
            return Optional.of(IsoWeek.parse(metadata == null ? "" : metadata));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
