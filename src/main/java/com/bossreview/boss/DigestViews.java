package com.bossreview.boss;

import com.bossreview.nudge.NudgeMessage;
import com.bossreview.time.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The weekly digest DM: the week's items, those the boss has not answered first, then the rest
 * (each newest first), then the forecasts rolled up per quarter. Kept within one section's text.
 */
final class DigestViews {
    /** Slack refuses a section text over 3,000 characters. */
    static final int BUDGET = 2900;

    /**
     * What one digest reads: the week, its items (newest first), whether more were sent than it
     * read, and the quarters of the forecasts among them.
     */
    record Week(
            IsoWeek week,
            List<BossInbox.Entry> entries,
            boolean more,
            List<QuarterRollups.Rollup> rollups) {}

    private DigestViews() {}

    static NudgeMessage message(Week w) {
        List<BossInbox.Entry> open = w.entries().stream().filter(e -> !e.acknowledged()).toList();
        List<BossInbox.Entry> answered =
                w.entries().stream().filter(BossInbox.Entry::acknowledged).toList();
        StringBuilder text = new StringBuilder();
        text.append(":newspaper: *What your managers sent you last week (")
                .append(w.week().dates())
                .append(")* — ")
                .append(count(w.entries().size(), w.more()))
                .append(
                        open.isEmpty()
                                ? ", all answered."
                                : ", " + open.size() + " not answered yet.");
        String quarters = quarters(w.rollups());
        int room = BUDGET - quarters.length() - 80;
        int left = w.entries().size();
        List<String> lines = new ArrayList<>();
        if (!open.isEmpty()) {
            lines.add("\n\n*Not answered yet*");
            open.forEach(e -> lines.add("\n• " + item(e)));
        }
        if (!answered.isEmpty()) {
            lines.add("\n\n*Answered*");
            answered.forEach(e -> lines.add("\n• " + item(e)));
        }
        for (String line : lines) {
            if (text.length() + line.length() > room) {
                break;
            }
            text.append(line);
            left -= line.startsWith("\n•") ? 1 : 0;
        }
        if (left > 0 || w.more()) {
            text.append("\n…and more — all of it is on bossreview's App Home.");
        }
        text.append(quarters);
        return new NudgeMessage(
                text.toString(),
                List.of(
                        BossReplyViews.button(
                                BossHomeViews.DIGEST_OFF, "off", "Stop the weekly digest", null)),
                "Answer each with *Got it* / *Thanks* or *Let's talk* on bossreview's App Home: "
                        + "your managers hear which.",
                false);
    }

    private static String count(int n, boolean more) {
        return (more ? "more than " + n : Integer.toString(n))
                + (n == 1 && !more ? " thing" : " things");
    }

    private static String item(BossInbox.Entry e) {
        return "<@"
                + e.item().managerId()
                + "> · "
                + BossHomeViews.when(e.item().sentAt())
                + " — "
                + e.item().what().replace('\n', ' ')
                + BossHomeViews.answer(e).map(a -> " — _" + a + "_").orElse("");
    }

    /** Each quarter: its totals per currency and whose figures they are. */
    static String quarters(List<QuarterRollups.Rollup> rollups) {
        if (rollups.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n\n*Forecasts told to you, per quarter* ");
        s.append("(each manager's last figure)");
        for (QuarterRollups.Rollup r : rollups) {
            s.append("\n• ")
                    .append(r.quarter())
                    .append(": *")
                    .append(String.join("* + *", r.totals()))
                    .append("* — ")
                    .append(
                            r.managerIds().stream()
                                    .map(m -> "<@" + m + ">")
                                    .collect(Collectors.joining(", ")));
        }
        return s.toString();
    }
}
