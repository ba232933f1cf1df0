package com.bossreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class HelpCommandTest {
    private static FakeSlack slack;
    private static TestApp app;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        app = TestApp.start(slack, MutableClock.atRealNow());
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    private static JsonObject run(String text) {
        HttpResponse<String> r = app.slack().command("T0001", "U0MANAGER", text);
        assertThat(r.statusCode()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void help_lists_every_command_of_the_spec() {
        JsonObject reply = run("help");
        String text = reply.get("text").getAsString();
        for (String usage :
                new String[] {
                    "/bossreview status",
                    "/bossreview help",
                    "/bossreview setup",
                    "/bossreview boss @user",
                    "/bossreview review <day> <time>",
                    "/bossreview booked",
                    "/bossreview held",
                    "/bossreview skip",
                    "/bossreview good <text>",
                    "/bossreview bad <text>",
                    "/bossreview news",
                    "/bossreview forecast <amount> [note]",
                    "/bossreview agenda",
                    "/bossreview pause <YYYY-MM-DD>",
                    "/bossreview resume",
                    "/bossreview settings [<key> <value>]",
                    "/bossreview export",
                    "/bossreview forget"
                }) {
            assertThat(text).contains("`" + usage + "`");
        }
        assertThat(reply.getAsJsonArray("blocks")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(reply.toString()).contains("\"type\":\"header\"");
    }

    @Test
    void help_names_every_setting_key() {
        String text = run("help").get("text").getAsString();
        for (com.bossreview.settings.Setting s : com.bossreview.settings.Setting.values()) {
            assertThat(text).as(s.key()).containsPattern("[ :,]" + s.key() + "[,( ]");
        }
    }

    @Test
    void help_is_case_insensitive() {
        assertThat(run("  HELP ").get("text").getAsString()).contains("/bossreview forecast");
    }

    @Test
    void unknown_subcommand_gets_an_error_a_suggestion_and_the_usage() {
        String text = run("forcast 250k").get("text").getAsString();
        assertThat(text)
                .contains("`forcast` isn't a bossreview command")
                .contains("Did you mean `/bossreview forecast <amount> [note]`?")
                .contains("Usage: `/bossreview <command>`");
    }

    @Test
    void unknown_subcommand_far_from_any_gets_no_suggestion() {
        String text = run("xyzzyplugh").get("text").getAsString();
        assertThat(text)
                .contains("`xyzzyplugh` isn't a bossreview command")
                .doesNotContain("Did you mean");
    }

    @Test
    void echoed_unknown_text_cannot_mention_anyone() {
        String text = run("<!channel>").get("text").getAsString();
        assertThat(text).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    void overly_long_text_is_refused() {
        String text = run("good " + "x".repeat(4000)).get("text").getAsString();
        assertThat(text).contains("longer than bossreview accepts");
    }

    @Test
    void commands_are_answered_without_calling_slack() {
        int before = slack.calls().size();
        run("help");
        assertThat(slack.calls().size()).isEqualTo(before);
    }
}
