package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.ClockStyle;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The boss's stop/resume control at the foot of every DM to them, and what the manager hears when
 * refused.
 */
public final class BossGuardViews {
    public static final String STOP = "boss_stop";
    public static final String RESUME = "boss_resume";

    /** The control's block: replaced in place when the boss stops or resumes. */
    public static final String GUARD_BLOCK = "boss_guard";

    private BossGuardViews() {}

    /**
     * A quiet line with a plain (never primary) button, behind a confirmation: stop DMs from this
     * manager.
     */
    static LayoutBlock control(String manager, Subject subject) {
        return section(
                s ->
                        s.blockId(GUARD_BLOCK)
                                .text(
                                        markdownText(
                                                "_Too many bossreview DMs from <@"
                                                        + manager
                                                        + ">?_"))
                                .accessory(
                                        button(
                                                b ->
                                                        b.actionId(STOP)
                                                                .value(subject.value())
                                                                .text(plainText("Stop these DMs"))
                                                                .confirm(
                                                                        confirmationDialog(
                                                                                c ->
                                                                                        c.title(
                                                                                                        plainText(
                                                                                                                "Stop these DMs?"))
                                                                                                .text(
                                                                                                        markdownText(
                                                                                                                "You won't get bossreview DMs from <@"
                                                                                                                        + manager
                                                                                                                        + "> until you "
                                                                                                                        + "resume them here. They'll be told you paused them when they next try."))
                                                                                                .confirm(
                                                                                                        plainText(
                                                                                                                "Stop DMs"))
                                                                                                .deny(
                                                                                                        plainText(
                                                                                                                "Cancel"))
                                                                                                .style(
                                                                                                        "danger"))))));
    }

    /** The control once the boss stopped this manager: says so, and offers Resume. */
    static LayoutBlock stoppedControl(String manager, Subject subject) {
        return section(
                s ->
                        s.blockId(GUARD_BLOCK)
                                .text(markdownText(stoppedText(manager)))
                                .accessory(
                                        button(
                                                b ->
                                                        b.actionId(RESUME)
                                                                .value(subject.value())
                                                                .text(plainText("Resume")))));
    }

    static String stoppedText(String manager) {
        return ":no_bell: You stopped bossreview DMs from <@"
                + manager
                + ">. They'll be told you paused them "
                + "when they next try to send.";
    }

    static String resumedText(String manager) {
        return ":bell: DMs from <@" + manager + "> are back on.";
    }

    /**
     * The boss's DM as shown, with its control swapped for {@code control} (added if the DM had
     * none).
     */
    static List<LayoutBlock> withControl(List<LayoutBlock> shown, LayoutBlock control) {
        List<LayoutBlock> blocks = new ArrayList<>();
        boolean replaced = false;
        for (LayoutBlock block : shown) {
            if (block instanceof SectionBlock s && GUARD_BLOCK.equals(s.getBlockId())) {
                blocks.add(control);
                replaced = true;
            } else {
                blocks.add(block);
            }
        }
        if (!replaced) {
            blocks.add(control);
        }
        return blocks;
    }

    /** Why the manager's DM to their boss was not sent, and when it can go. */
    static String refused(BossGuard.Refusal refusal, ZoneId zone, ClockStyle style) {
        String boss = "<@" + refusal.boss() + ">";
        if (refusal instanceof BossGuard.Refusal.Limited l) {
            ZonedDateTime next = l.nextAt().atZone(zone);
            ZonedDateTime minute = next.truncatedTo(ChronoUnit.MINUTES);
            // 14:31:20 is shown as 14:32: a click at the minute shown always goes.
            ZonedDateTime shown = minute.equals(next) ? minute : minute.plusMinutes(1);
            return ":hourglass: You've sent "
                    + boss
                    + " "
                    + l.sent()
                    + " messages in the last hour — the next can go at "
                    + style.format(shown.toLocalTime())
                    + ". Nothing was sent.";
        }
        return ":no_bell: "
                + boss
                + " has paused messages from bossreview; tell them in person. Nothing was sent.";
    }

    static String notYours() {
        return ":no_entry: That button isn't yours: only the person these DMs went to can stop or resume them. "
                + "Nothing was changed.";
    }

    static String failed(String reason) {
        return ":warning: Something went wrong ("
                + Mrkdwn.escape(reason)
                + "). Nothing was changed — please click "
                + "again in a minute.";
    }
}
