package com.bossreview.agenda;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.forecast.Recorded;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.IsoWeek;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** The agenda as the manager drafts it and as the boss receives it. */
public final class AgendaViews {
    public static final String SEND_AGENDA = "send_agenda";

    /** Keeps the agenda inside Slack's 3,000-character section limit. */
    static final int MAX_NEWS_CHARS = 200;

    static final int MAX_NEWS_ITEMS = 8;
    static final int MAX_FORECAST_LINES = 4;
    static final int MAX_TEXT = 2900;

    private AgendaViews() {}

    /** The agenda's content as mrkdwn: what the boss gets, and what is kept in agenda_sent. */
    public static String text(Agenda agenda) {
        return render(agenda, Format.MRKDWN);
    }

    /**
     * The agenda as plain text for the review event's description (issue 15): calendars show
     * neither mrkdwn nor emoji codes, and an escaped {@code &lt;} would show as typed.
     */
    public static String calendarText(Agenda agenda) {
        return "Agenda, sent ahead by bossreview\n\n" + render(agenda, Format.PLAIN);
    }

    /** How the agenda is written: Slack's mrkdwn, or plain text. */
    enum Format {
        MRKDWN,
        PLAIN;

        String heading(String s) {
            return this == MRKDWN ? "*" + s + "*" : s;
        }

        String escape(String s) {
            return this == MRKDWN ? Mrkdwn.escape(s) : s;
        }

        /** An emoji and its space in Slack; {@code plain} (a word, or nothing) elsewhere. */
        String emoji(String code, String plain) {
            return this == MRKDWN ? code + " " : plain;
        }
    }

    private static String render(Agenda agenda, Format f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.heading("Since our last review"))
                .append(agenda.lastReviewHeld().isEmpty() ? " (our first one)" : "")
                .append('\n');
        if (!agenda.hasContent()) {
            sb.append("• Nothing logged yet — a quiet stretch.\n");
        }
        List<NewsItem> news = newsShown(agenda);
        if (agenda.news().size() > news.size()) {
            sb.append("• …and ")
                    .append(agenda.news().size() - news.size())
                    .append(" earlier items\n");
        }
        for (NewsItem n : news) {
            sb.append("• ")
                    .append(
                            n.kind() == NewsKind.GOOD
                                    ? f.emoji(":large_green_circle:", "Good: ")
                                    : f.emoji(":red_circle:", "Bad: "))
                    .append(f.escape(shorten(n.body())))
                    .append('\n');
        }
        int firstForecast = Math.max(0, agenda.forecastChanges().size() - MAX_FORECAST_LINES);
        for (Recorded r :
                agenda.forecastChanges().subList(firstForecast, agenda.forecastChanges().size())) {
            sb.append(forecastLine(r, f)).append('\n');
        }
        sb.append('\n').append(f.heading("Questions for you")).append('\n');
        agenda.questions().forEach(q -> sb.append("• ").append(q).append('\n'));
        String text = sb.toString().strip();
        // Slack refuses a section over 3,000 characters: never let a long history break the agenda.
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    /**
     * The news items the agenda spells out (the latest ones; earlier ones are only counted): what
     * sending it tells.
     */
    public static List<NewsItem> newsShown(Agenda agenda) {
        List<NewsItem> news = agenda.news();
        return news.size() > MAX_NEWS_ITEMS
                ? news.subList(news.size() - MAX_NEWS_ITEMS, news.size())
                : news;
    }

    /**
     * A figure as the boss reads it: against the last figure they were told, never against one they
     * never heard.
     */
    static String forecastLine(Recorded r) {
        return forecastLine(r, Format.MRKDWN);
    }

    private static String forecastLine(Recorded r, Format format) {
        Forecast f = r.forecast();
        String emoji =
                format.emoji(
                        switch (r.movement()) {
                            case DOWN -> ":chart_with_downwards_trend:";
                            case UP -> ":chart_with_upwards_trend:";
                            default -> ":bar_chart:";
                        },
                        "");
        String was = r.baseline().map(ForecastViews::money).orElse("");
        String against =
                switch (r.movement()) {
                    case DOWN, UP ->
                            " ("
                                    + (r.isDowngrade() ? "−" : "+")
                                    + ForecastViews.money(
                                            r.change().orElseThrow().delta().abs(),
                                            f.currency()
                                                    .or(
                                                            () ->
                                                                    r.baseline()
                                                                            .flatMap(
                                                                                    Forecast
                                                                                            ::currency)))
                                    + " from "
                                    + was
                                    + ")";
                    case SAME -> " (unchanged)";
                    case OTHER_CURRENCY -> " (was " + was + ")";
                    case FIRST -> "";
                };
        return "• "
                + emoji
                + "Forecast Q"
                + f.quarter()
                + " FY"
                + f.fiscalYear()
                + ": "
                + ForecastViews.money(f)
                + against
                + f.note().map(note -> " — " + format.escape(shorten(note))).orElse("");
    }

    /** For the manager: the draft with a Send to boss button. */
    public static List<LayoutBlock> draft(Agenda agenda, IsoWeek week, boolean hasBoss) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Agenda for your next weekly review"))));
        blocks.add(section(s -> s.text(markdownText(text(agenda)))));
        if (hasBoss) {
            blocks.add(
                    actions(
                            a ->
                                    a.blockId("agenda_actions")
                                            .elements(
                                                    List.of(
                                                            button(
                                                                    b ->
                                                                            b.actionId(SEND_AGENDA)
                                                                                    .value(
                                                                                            week
                                                                                                    .toString())
                                                                                    .style(
                                                                                            "primary")
                                                                                    .text(
                                                                                            plainText(
                                                                                                    "Send to boss")))))));
        } else {
            blocks.add(
                    context(
                            c ->
                                    c.elements(
                                            List.of(
                                                    markdownText(
                                                            "Set your boss with `/bossreview boss @user` to send this ahead of the review.")))));
        }
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        "Sending it a day ahead lets your boss come prepared — and shows you run a tight ship.")))));
        return blocks;
    }

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

    /** What the boss receives. */
    public static List<LayoutBlock> forBoss(Agenda agenda, String managerId) {
        return List.of(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                ":spiral_note_pad: <@"
                                                        + managerId
                                                        + "> sent you the agenda for your "
                                                        + "next weekly review."))),
                section(s -> s.text(markdownText(text(agenda)))));
    }

    private static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > MAX_NEWS_CHARS ? t.substring(0, MAX_NEWS_CHARS) + "…" : t;
    }
}
