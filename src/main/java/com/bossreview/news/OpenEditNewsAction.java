package com.bossreview.news;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackApi;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code edit_news}: opens the edit modal of an item not told yet ({@code views.open} after the
 * ack). News the boss was told, or dismissed, is refused with how and when, and no modal opens.
 */
public final class OpenEditNewsAction implements BlockActionHandler {
    private final NewsService news;
    private final ManagerService managers;
    private final SlackApi slack;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public OpenEditNewsAction(
            NewsService news,
            ManagerService managers,
            SlackApi slack,
            Clicks clicks,
            AfterAck afterAck) {
        this.news = news;
        this.managers = managers;
        this.slack = slack;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Clicks.Click click = clicks.of(request, ctx);
        String value = ButtonValue.clicked(request);
        String trigger = request.getPayload().getTriggerId();
        afterAck.run(
                "news edit modal",
                () -> open(value, trigger, click),
                reason ->
                        click.note(
                                ":warning: I couldn't open the edit form ("
                                        + reason
                                        + "). Nothing was changed — "
                                        + "please try again in a minute."));
        return ctx.ack();
    }

    private void open(String value, String trigger, Clicks.Click click) throws Exception {
        OptionalLong id = ButtonValue.id(value);
        Optional<NewsItem> item =
                id.isEmpty()
                        ? Optional.empty()
                        : news.find(click.team(), click.user(), id.getAsLong());
        if (item.isEmpty()) {
            click.note(NewsViews.notYours());
            return;
        }
        ZoneId zone =
                managers.find(click.team(), click.user()).map(Manager::zone).orElse(ZoneOffset.UTC);
        if (item.get().dismissed()) {
            click.note(
                    ":wastebasket: You dismissed this news, so it can't be edited. Nothing was changed.");
            return;
        }
        if (item.get().shared()) {
            click.note(
                    EditNewsViews.toldCannotBeEdited(NewsViews.told(item.get(), zone, news.now())));
            return;
        }
        var modal =
                EditNewsViews.modal(
                        item.get(),
                        new EditNewsViews.Target(
                                item.get().id(), click.surface() == Clicks.Surface.HOME));
        slack.openModal(click.team(), trigger, modal);
    }
}
