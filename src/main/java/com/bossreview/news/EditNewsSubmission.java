package com.bossreview.news;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.ModalInput;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code news_edit} submitted: bad text, or news told or dismissed meanwhile, keeps the modal open
 * with the reason under the field; a good edit closes it and the manager gets the corrected item
 * with its buttons (a DM, since a modal has no response_url), or, from App Home, the tab
 * republished with it.
 */
public final class EditNewsSubmission implements ViewSubmissionHandler {
    private static final Logger log = LoggerFactory.getLogger(EditNewsSubmission.class);

    private final NewsService news;
    private final Messenger messenger;
    private final Clicks.HomeTab home;
    private final AfterAck afterAck;

    public EditNewsSubmission(
            NewsService news, Messenger messenger, Clicks.HomeTab home, AfterAck afterAck) {
        this.news = news;
        this.messenger = messenger;
        this.home = home;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        String team = request.getPayload().getTeam().getId();
        String user = request.getPayload().getUser().getId();
        Optional<EditNewsViews.Target> target =
                EditNewsViews.Target.parse(request.getPayload().getView().getPrivateMetadata());
        if (target.isEmpty()) {
            return ctx.ackWithErrors(
                    Map.of(
                            EditNewsViews.TEXT_BLOCK,
                            EditNewsViews.notEditable(new NewsService.Change.NotFound())));
        }
        NewsText.Checked checked =
                NewsText.check(
                        ModalInput.typed(
                                request, EditNewsViews.TEXT_BLOCK, EditNewsViews.TEXT_ACTION));
        if (checked instanceof NewsText.Invalid invalid) {
            return ctx.ackWithErrors(
                    Map.of(EditNewsViews.TEXT_BLOCK, EditNewsViews.invalid(invalid)));
        }
        NewsService.Change outcome =
                news.edit(team, user, target.get().id(), ((NewsText.Valid) checked).body());
        if (!(outcome instanceof NewsService.Change.Done done)) {
            return ctx.ackWithErrors(
                    Map.of(EditNewsViews.TEXT_BLOCK, EditNewsViews.notEditable(outcome)));
        }
        log.info("news {} of {}/{} edited", done.item().id(), team, user);
        afterAck.run(
                "news edit confirmation",
                () -> {
                    if (target.get().fromHome()) {
                        home.publish(team, user, EditNewsViews.editedText());
                    } else {
                        messenger.dm(
                                team,
                                user,
                                EditNewsViews.editedText(),
                                EditNewsViews.edited(done.item()));
                    }
                },
                reason ->
                        log.warn(
                                "The manager {}/{} saw the edit modal close but got no confirmation: {}",
                                team,
                                user,
                                reason));
        return ctx.ack();
    }
}
