package com.bossreview.calendar;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.command.Listeners;
import com.slack.api.model.block.LayoutBlock;
import java.net.URI;
import java.util.List;

/**
 * The "Add to calendar" button under a slot reply: a link to the manager's feed. Slack opens the
 * link in the browser and still sends the click to the app ({@code block_actions}), which is only
 * acknowledged: nothing is to be done, and an unanswered click shows the person a warning.
 */
public final class CalendarFeedButton {
    public static final String ADD_TO_CALENDAR = "add_to_calendar";

    private CalendarFeedButton() {}

    public static LayoutBlock block(URI feed) {
        return actions(
                a ->
                        a.blockId(ADD_TO_CALENDAR)
                                .elements(
                                        List.of(
                                                button(
                                                        b ->
                                                                b.actionId(ADD_TO_CALENDAR)
                                                                        .url(feed.toString())
                                                                        .text(
                                                                                plainText(
                                                                                        "Add to calendar"))))));
    }

    /** Acknowledges the clicks. */
    public static Listeners listeners() {
        return (commands, app) -> app.blockAction(ADD_TO_CALENDAR, (req, ctx) -> ctx.ack());
    }
}
