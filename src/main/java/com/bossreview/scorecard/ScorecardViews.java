package com.bossreview.scorecard;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The scorecard as the status card and App Home show it, and the monthly recap's text. */
public final class ScorecardViews {
    private ScorecardViews() {}

    /** The card's compact section: the quarter so far, the held rate beside the streak. */
    public static List<LayoutBlock> card(Scorecards.Card card, int streak, String boss) {
        List<String> lines = new ArrayList<>();
        lines.add("*Scorecard — " + card.quarter().span().label() + "*");
        lines.addAll(figures(card.quarter(), boss, streak));
        if (!card.pulse().isEmpty()) {
            lines.add(
                    ":thermometer: *How sure you are "
                            + boss
                            + " is happy* (1–5): "
                            + trend(card.pulse()));
        }
        String text = String.join("\n", lines);
        return List.of(section(s -> s.blockId("scorecard").text(markdownText(text))));
    }

    /** The lines of one scorecard; the streak only when given (the card, not the recap). */
    static List<String> figures(Scorecard s, String boss, Integer streak) {
        List<String> lines = new ArrayList<>();
        lines.add(":stopwatch: *Bad news:* " + badNews(s.badNews()));
        lines.add(":chart_with_downwards_trend: *Downgrades:* " + downgrades(s));
        lines.add(":calendar: *Reviews held:* " + held(s, streak));
        lines.add(
                ":memo: *Agendas sent:* "
                        + s.agendasSent()
                        + " · *"
                        + boss
                        + " answered:* "
                        + acks(s.acks()));
        return lines;
    }

    static String badNews(Scorecard.BadNews b) {
        if (b.told() == 0 && b.untold() == 0) {
            return "none logged";
        }
        StringBuilder sb = new StringBuilder();
        if (b.told() > 0) {
            sb.append("told in a median ")
                    .append(duration(b.median().orElseThrow()))
                    .append("; ")
                    .append(b.toldFast())
                    .append(" of ")
                    .append(b.told())
                    .append(" within an hour (")
                    .append(b.fastPercent().orElseThrow())
                    .append("%)");
        }
        if (b.untold() > 0) {
            sb.append(b.told() > 0 ? " · " : "")
                    .append(":red_circle: ")
                    .append(b.untold())
                    .append(" not told");
        }
        return sb.toString();
    }

    static String downgrades(Scorecard s) {
        Scorecard.Downgrades d = s.downgrades();
        if (d.total() == 0) {
            return "none";
        }
        return d.toldEarly()
                + " told ≥ "
                + ScoreRules.EARLY_DAYS
                + " days before quarter end · "
                + d.toldLate()
                + " told later · "
                + d.untold()
                + " not told";
    }

    static String held(Scorecard s, Integer streak) {
        String rate =
                s.held()
                        .map(
                                h ->
                                        h.weeks() == 0
                                                ? "no review due yet"
                                                : h.held()
                                                        + " of "
                                                        + h.weeks()
                                                        + " weeks ("
                                                        + h.percent().orElseThrow()
                                                        + "%)")
                        .orElse("no review slot set");
        return streak == null
                ? rate
                : rate + " · streak " + streak + (streak == 1 ? " week" : " weeks");
    }

    static String acks(Scorecard.Acknowledgements a) {
        return a.thanks()
                + " Thanks · "
                + a.letsTalk()
                + " Let's talk · "
                + a.questions()
                + (a.questions() == 1 ? " question" : " questions");
    }

    /** e.g. {@code 3 → 4 → 4}, oldest first. */
    static String trend(List<PulseDao.Answer> answers) {
        return Pulses.trend(answers);
    }

    /** {@code 45 min}, {@code 1 h 52 min}, {@code 2 d 3 h}: rounded down to the minute. */
    public static String duration(Duration d) {
        if (d.toDays() >= 1) {
            long h = d.minusDays(d.toDays()).toHours();
            return d.toDays() + " d" + (h > 0 ? " " + h + " h" : "");
        }
        if (d.toHours() >= 1) {
            long min = d.toMinutesPart();
            return d.toHours() + " h" + (min > 0 ? " " + min + " min" : "");
        }
        return d.toMinutes() + " min";
    }

    /** The recap DM's text: last month, the quarter, one suggestion, a social note. */
    public static String recap(Scorecards.Recap r, String boss, java.time.Instant now) {
        StringBuilder sb = new StringBuilder(":bar_chart: *Your manage-up recap*\n");
        sb.append("*").append(r.lastMonth().span().label()).append("*\n");
        figures(r.lastMonth(), boss, null).forEach(l -> sb.append(l).append('\n'));
        sb.append("*").append(r.quarter().span().label()).append("*\n");
        figures(r.quarter(), boss, null).forEach(l -> sb.append(l).append('\n'));
        sb.append(":point_right: ").append(Advice.suggestion(r.quarter(), boss));
        Advice.social(r.social(), now, boss).ifPresent(note -> sb.append('\n').append(note));
        return sb.toString();
    }
}
