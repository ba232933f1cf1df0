package com.bossreview.nudge;

import com.slack.api.model.block.element.BlockElement;
import java.util.List;

/**
 * What a nudge's type says: the text (also the notification fallback), its buttons and one short
 * tip. The engine lays it out ({@link NudgeViews}): the snooze button when {@code snoozable}, the
 * tips and, when due, the socialising tip.
 */
public record NudgeMessage(String text, List<BlockElement> buttons, String tip, boolean snoozable) {
    public NudgeMessage {
        buttons = List.copyOf(buttons);
    }
}
