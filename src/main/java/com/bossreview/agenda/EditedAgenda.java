package com.bossreview.agenda;

import com.bossreview.forecast.Recorded;
import com.bossreview.news.NewsItem;
import com.bossreview.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agenda text as the manager edited it before sending ({@link EditAgenda}): written for the
 * boss, cut for Slack, and read for what it still tells.
 *
 * <p>Sending tells the boss what the text still contains: a news item whose text the manager kept,
 * a figure whose line ({@code Q4 FY2026: $250,000}) they kept. News they deleted or reworded is not
 * marked told, so its reminders go on; telling the boss too little is safer than marking told what
 * the boss never read.
 */
final class EditedAgenda {
    /** Slack's limit for a plain-text input, which the modal's field has. */
    static final int MAX_CHARS = 3000;

    /** A user mention the manager kept (a credit's rep, the boss): written back as one. */
    private static final Pattern MENTION = Pattern.compile("&lt;@([UW][A-Z0-9]{2,30})&gt;");

    private EditedAgenda() {}

    /**
     * The edited text as the boss gets it: what was typed shown as typed (mrkdwn bold and emoji
     * stay), unable to link or notify anyone except the people the agenda itself names.
     */
    static String forBoss(String edited) {
        return MENTION.matcher(Mrkdwn.escape(edited)).replaceAll("<@$1>");
    }

    /** The news of {@code agenda} whose text the edited version still has. */
    static List<NewsItem> newsKept(Agenda agenda, String edited) {
        return AgendaViews.newsShown(agenda).stream()
                .filter(n -> edited.contains(AgendaViews.newsText(n)))
                .toList();
    }

    /** The figures of {@code agenda} whose line the edited version still has. */
    static List<Recorded> forecastsKept(Agenda agenda, String edited) {
        return AgendaViews.forecastsShown(agenda).stream()
                .filter(r -> edited.contains(AgendaViews.figure(r.forecast())))
                .toList();
    }

    /**
     * {@code text} in pieces of at most {@code max} characters, cut at line breaks where it can
     * (Slack's limit per section), never inside an entity such as {@code &amp;}.
     */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = Mrkdwn.cutAt(rest, max);
            }
            if (cut <= 0) {
                cut = max;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }
}
