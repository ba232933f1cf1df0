package com.bossreview.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.command.Subcommand;
import com.bossreview.support.AppTest;
import com.bossreview.support.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random slash-command texts and button payloads (fixed seed, so a failure replays): never a 5xx,
 * nothing stored by input that is not a command, and the app healthy afterwards. The issue's
 * 10,000-case run is {@code -Dfuzz.cases=10000}.
 */
class FuzzedInputTest extends AppTest {
    static final int CASES = Integer.getInteger("fuzz.cases", 600);
    static final String[] ACTIONS = {
        "share_good_news",
        "share_bad_news",
        "share_forecast",
        "send_agenda",
        "review_booked",
        "review_held",
        "review_skip",
        "snooze",
        "open_forecast_modal",
        "confirm_forget",
        "boss_ack_news",
        "open_setup",
        "cancel_forget",
        "boss_thanks",
        "boss_lets_talk",
        "boss_ask",
        "told_boss",
        "dismiss_news",
        "edit_news",
        "boss_stop",
        "boss_resume"
    };

    private static String randomText(Random r) {
        int kind = r.nextInt(6);
        int length = kind == 0 ? 3001 + r.nextInt(5000) : r.nextInt(kind == 1 ? 300 : 40);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(8)) {
                case 0 -> sb.appendCodePoint(0x1F600 + r.nextInt(80)); // emoji
                case 1 -> sb.append("<@U").append(r.nextInt(1000)).append('>');
                case 2 -> sb.append("'; drop table manager; --");
                case 3 -> sb.appendCodePoint(r.nextInt(0x2FFFF));
                case 4 -> sb.append(' ');
                default -> sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }

    private static boolean isCommandWord(String text) {
        String first = text.strip().split("\\s+", 2)[0];
        return text.strip().isEmpty() || Subcommand.byWord(first).isPresent();
    }

    private static int storedRows() {
        return TestDatabase.rows("manager")
                + TestDatabase.rows("news")
                + TestDatabase.rows("forecast")
                + TestDatabase.rows("weekly_review")
                + TestDatabase.rows("nudge");
    }

    @Test
    void random_texts_and_payloads_never_get_a_5xx_or_store_anything_invalid() throws Exception {
        Random r = new Random(20261126L);
        for (int i = 0; i < CASES; i++) {
            String text = randomText(r);
            int before = storedRows();
            HttpResponse<String> reply = app.slack().command(TEAM, "U" + r.nextInt(50), text);
            assertThat(reply.statusCode()).as("text #%d", i).isLessThan(500);
            if (!isCommandWord(text)) {
                assertThat(storedRows()).as("text #%d stored something", i).isEqualTo(before);
            }
            String value =
                    switch (r.nextInt(4)) {
                        case 0 -> Long.toString(r.nextLong());
                        case 1 -> randomText(r);
                        case 2 -> "2026-W" + r.nextInt(99);
                        default -> "";
                    };
            HttpResponse<String> click =
                    app.slack()
                            .click(
                                    TEAM,
                                    "U" + r.nextInt(50),
                                    ACTIONS[r.nextInt(ACTIONS.length)],
                                    value.length() > 2000 ? value.substring(0, 2000) : value);
            assertThat(click.statusCode()).as("click #%d", i).isLessThan(500);
        }
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }
}
