package com.bossreview.scorecard;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monthly pulse's five buttons and its answers. Slack wants the action ids of one block to
 * differ, so each button is {@code pulse_answer_<score>}; the value carries the score and the month
 * ({@code 2026-11:4}), and a click counts only when the two agree.
 */
public final class PulseViews {
    /** The stable action id, with the score after it: {@code pulse_answer_1} … {@code _5}. */
    public static final String ACTION = "pulse_answer";

    /** Matches every pulse button, for the one listener. */
    public static final Pattern ACTIONS = Pattern.compile("^" + ACTION + "_[1-5]$");

    private static final Pattern VALUE = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2]):([1-5])");

    private PulseViews() {}

    /** A click's month and score. */
    public record Answer(YearMonth month, int score) {}

    /** The question, with its five buttons. */
    public static String question(String boss) {
        return ":thermometer: Just for you: how sure are you that "
                + boss
                + " is happy with your work? 1 = not at all, 5 = completely.";
    }

    public static List<BlockElement> buttons(YearMonth month) {
        List<BlockElement> out = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            String label = Integer.toString(score);
            String value = month + ":" + score;
            String id = ACTION + "_" + score;
            out.add(button(b -> b.actionId(id).value(value).text(plainText(label))));
        }
        return out;
    }

    /**
     * The answer a click carries; empty for anything but {@code <yyyy-mm>:<1-5>} whose score is the
     * one its button's action id names.
     */
    public static Optional<Answer> parse(String actionId, String value) {
        Matcher m = value == null ? null : VALUE.matcher(value);
        if (m == null || !m.matches() || !(ACTION + "_" + m.group(3)).equals(actionId)) {
            return Optional.empty();
        }
        return Optional.of(
                new Answer(
                        YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                        Integer.parseInt(m.group(3))));
    }

    public static String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " "
                + month.getYear();
    }

    /** What replaces the question once answered: the note, and the buttons to change it. */
    public static List<LayoutBlock> answered(Answer a, String trend) {
        return List.of(
                section(s -> s.text(markdownText(answeredText(a, trend)))),
                actions(x -> x.blockId("pulse_actions").elements(buttons(a.month()))));
    }

    public static String answeredText(Answer a, String trend) {
        return ":thermometer: Noted "
                + a.score()
                + " for "
                + month(a.month())
                + " — only you see it. Your trend: "
                + trend
                + ". Click again this month to change it.";
    }

    public static final String REFUSED =
            ":warning: That pulse button isn't valid, so nothing was recorded. Use the buttons of"
                    + " this month's pulse DM.";

    public static String tooOld(YearMonth month) {
        return ":hourglass: The pulse of "
                + month(month)
                + " is closed; nothing was recorded. Next month's comes by DM.";
    }
}
