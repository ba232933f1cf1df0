package com.bossreview.nudge;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.slack.ButtonValue;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout every nudge DM shares: its type's one clear ask and buttons, the snooze button, one
 * short tip and, once a month, the socialising tip.
 */
public final class NudgeViews {
    public static final String SNOOZE = "snooze";

    /** A nudge's text (also the notification fallback) and blocks. */
    public record Message(String text, List<LayoutBlock> blocks) {}

    static final String SOCIAL_TIP =
            ":coffee: If your boss suggests lunch or a drink, say yes — "
                    + "it's time well spent. Just don't try to become best friends.";

    private NudgeViews() {}

    /** The DM of {@code n}, from what its type says. */
    public static Message render(Nudge n, NudgeMessage says, boolean socialTip) {
        List<BlockElement> buttons = new ArrayList<>(says.buttons());
        // Reminder chains come back every two hours by themselves: their types offer no snooze.
        if (says.snoozable()) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(SNOOZE)
                                            .value(ButtonValue.ofId(n.id()))
                                            .text(plainText("Snooze 2h"))));
        }
        String text = says.text();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        // Slack refuses an actions block without elements: a nudge that only informs (the monthly
        // recap) has none.
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("nudge_actions").elements(buttons)));
        }
        List<String> tips = new ArrayList<>();
        tips.add(":bulb: " + says.tip());
        if (socialTip) {
            tips.add(SOCIAL_TIP);
        }
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        tips.stream()
                                                .map(t -> (ContextBlockElement) markdownText(t))
                                                .toList())));
        return new Message(text, blocks);
    }

    /** {@code 3 hours}, {@code 1 hour}, {@code 20 minutes}: how long ago something was logged. */
    public static String age(Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, d.toMinutes()) + " minutes";
    }
}
