package com.bossreview.agenda;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.feedback.FeedbackViews;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.forecast.Recorded;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.IsoWeek;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
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

    static final String CALENDAR_HEADING = "Agenda, sent ahead by bossreview\n\n";

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
        return CALENDAR_HEADING + render(agenda, Format.PLAIN);
    }

    /**
     * How the agenda is written: Slack's mrkdwn; plain text; or mrkdwn as the manager edits it,
     * what people typed left as typed (escaped when the edited agenda is sent).
     */
    enum Format {
        MRKDWN,
        PLAIN,
        EDITABLE;

        String heading(String s) {
            return this == PLAIN ? s : "*" + s + "*";
        }

        String escape(String s) {
            return this == MRKDWN ? Mrkdwn.escape(s) : s;
        }

        /** An emoji and its space in Slack; {@code plain} (a word, or nothing) elsewhere. */
        String emoji(String code, String plain) {
            return this == PLAIN ? plain : code + " ";
        }
    }

    /** The agenda as the manager edits it before sending: see {@link Format#EDITABLE}. */
    public static String editableText(Agenda agenda) {
        return render(agenda, Format.EDITABLE);
    }

    private static String render(Agenda agenda, Format f) {
        String text =
                String.join(
                        "\n\n",
                        java.util.stream.Stream.of(
                                        opening(agenda, f),
                                        since(agenda, f),
                                        AgendaItemViews.part(
                                                agenda.items(), AgendaItem.Kind.ASK, f),
                                        AgendaItemViews.part(
                                                agenda.items(), AgendaItem.Kind.CREDIT, f),
                                        questions(agenda, f))
                                .filter(part -> !part.isEmpty())
                                .toList());
        return fit(text);
    }

    /** Slack refuses a section over 3,000 characters: never let a long history break the agenda. */
    private static String fit(String text) {
        String t = text.strip();
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT) + "…";
    }

    /** What the boss said last time and what the manager said they would do; may be empty. */
    private static String opening(Agenda agenda, Format f) {
        return agenda.feedback()
                .map(fb -> String.join("\n", FeedbackViews.agendaLines(fb, f::escape, f::heading)))
                .orElse("");
    }

    private static String since(Agenda agenda, Format f) {
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
        for (Recorded r : forecastsShown(agenda)) {
            sb.append(forecastLine(r, f)).append('\n');
        }
        return sb.toString().strip();
    }

    private static String questions(Agenda agenda, Format f) {
        StringBuilder sb = new StringBuilder(f.heading("Questions for you"));
        agenda.questions().forEach(q -> sb.append("\n• ").append(q));
        return sb.toString();
    }

    /** The figures the agenda spells out: the latest ones. */
    static List<Recorded> forecastsShown(Agenda agenda) {
        List<Recorded> all = agenda.forecastChanges();
        return all.subList(Math.max(0, all.size() - MAX_FORECAST_LINES), all.size());
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
                + "Forecast "
                + figure(f)
                + against
                + f.note().map(note -> " — " + format.escape(shorten(note))).orElse("");
    }

    /** {@code Q4 FY2026: $250,000}: how a line names its figure. */
    static String figure(Forecast f) {
        return "Q" + f.quarter() + " FY" + f.fiscalYear() + ": " + ForecastViews.money(f);
    }

    /**
     * The news text as a line of the agenda shows it (before escaping): what an edited agenda must
     * still contain for the news to count as told.
     */
    static String newsText(NewsItem n) {
        return shorten(n.body());
    }

    /**
     * For the manager: the draft, each open ask and credit with its Resolved button, then Send to
     * boss and Edit (see {@link EditAgenda}).
     */
    public static List<LayoutBlock> draft(Agenda agenda, IsoWeek week, boolean hasBoss) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Agenda for your next weekly review"))));
        String head =
                fit(
                        (opening(agenda, Format.MRKDWN) + "\n\n" + since(agenda, Format.MRKDWN))
                                .strip());
        blocks.add(section(s -> s.text(markdownText(head))));
        blocks.addAll(AgendaItemViews.draft(agenda.items(), AgendaItem.Kind.ASK));
        blocks.addAll(AgendaItemViews.draft(agenda.items(), AgendaItem.Kind.CREDIT));
        blocks.add(section(s -> s.text(markdownText(questions(agenda, Format.MRKDWN)))));
        blocks.add(
                hasBoss
                        ? actions(
                                a ->
                                        a.blockId("agenda_actions")
                                                .elements(
                                                        List.of(
                                                                weekButton(
                                                                        SEND_AGENDA,
                                                                        week,
                                                                        "Send to boss",
                                                                        true),
                                                                weekButton(
                                                                        EditAgenda.EDIT_AGENDA,
                                                                        week,
                                                                        "Edit and send",
                                                                        false))))
                        : note(
                                "Set your boss with `/bossreview boss @user` to send this ahead of the review."));
        blocks.add(
                note(
                        "Sending it a day ahead lets your boss come prepared — and shows you run a tight ship."));
        return blocks;
    }

    private static ButtonElement weekButton(
            String actionId, IsoWeek week, String label, boolean primary) {
        return button(
                b -> {
                    b.actionId(actionId).value(week.toString()).text(plainText(label));
                    return primary ? b.style("primary") : b;
                });
    }

    private static LayoutBlock note(String mrkdwn) {
        return context(c -> c.elements(List.of(markdownText(mrkdwn))));
    }

    private static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > MAX_NEWS_CHARS ? t.substring(0, MAX_NEWS_CHARS) + "…" : t;
    }
}
