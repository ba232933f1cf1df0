package com.bossreview.agenda;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** Sending the agenda: what the boss receives, and what the manager hears of it. */
public final class AgendaSendViews {
    private AgendaSendViews() {}

    public static String forBossText(String managerId) {
        return "Agenda from <@" + managerId + "> for your next weekly review";
    }

    /** {@code inCalendar}: the agenda was added to the review's calendar event too. */
    public static String sentText(String boss, boolean inCalendar) {
        return ":white_check_mark: Agenda sent to <@"
                + boss
                + ">"
                + (inCalendar ? ", and also added to your calendar event" : "")
                + ". Walk in with one piece of news and one question "
                + "— you're set.";
    }

    /** Replaces the draft once the boss has it: no button any more, so it cannot be sent twice. */
    public static List<LayoutBlock> sent(String boss, boolean inCalendar) {
        return List.of(section(s -> s.text(markdownText(sentText(boss, inCalendar)))));
    }

    public static String alreadySent(
            String boss, java.time.Instant at, com.bossreview.manager.Manager m) {
        var local = at.atZone(m.zone());
        return ":white_check_mark: You already sent this week's agenda to <@"
                + boss
                + "> on "
                + local.getDayOfWeek()
                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                + " at "
                + m.show(local.toLocalTime())
                + " — it wasn't sent again.";
    }

    public static String outOfDate() {
        return ":no_entry: That agenda button is out of date. Run `/bossreview agenda` for a fresh one. Nothing was sent.";
    }

    public static String noBoss() {
        return ":bust_in_silhouette: Set your boss first with `/bossreview boss @user`. Nothing was sent.";
    }

    public static String notSent(String boss, String reason) {
        return ":warning: I couldn't send the agenda to "
                + (boss == null ? "your boss" : "<@" + boss + ">")
                + " ("
                + reason
                + "). Nothing was sent — please try the button again in a minute.";
    }

    /**
     * What the boss receives: {@code body}, the agenda as sent (mrkdwn), in as many sections as
     * Slack's 3,000 characters per section need.
     */
    public static List<LayoutBlock> forBoss(String body, String managerId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                ":spiral_note_pad: <@"
                                                        + managerId
                                                        + "> sent you the agenda for your "
                                                        + "next weekly review."))));
        EditedAgenda.chunks(body, AgendaViews.MAX_TEXT)
                .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        return blocks;
    }
}
