package com.bossreview.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.SlackRequests;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router on a bare Bolt app, without any feature registered. */
class CommandRouterTest {

    private static String run(String text) throws Exception {
        App app =
                new App(
                        AppConfig.builder().singleTeamBotToken("xoxb-unused").build(),
                        Slack.getInstance(),
                        new ArrayList<>());
        new CommandRouter().accept(app);
        String body =
                SlackRequests.formEncode(
                        Map.of(
                                "command",
                                "/bossreview",
                                "text",
                                text,
                                "team_id",
                                "T1",
                                "user_id",
                                "U1",
                                "response_url",
                                "http://127.0.0.1:9/unused",
                                "trigger_id",
                                "1.2.3"));
        Response r = app.run(new SlashCommandRequest(body, new RequestHeaders(Map.of())));
        assertThat(r.getStatusCode()).isEqualTo(200);
        return com.google.gson.JsonParser.parseString(r.getBody())
                .getAsJsonObject()
                .get("text")
                .getAsString();
    }

    @Test
    void a_subcommand_without_a_handler_says_honestly_it_is_not_available() throws Exception {
        assertThat(run("good closed the Acme deal"))
                .contains("isn't available in this version", "nothing was changed");
    }

    @Test
    void an_empty_command_means_status() throws Exception {
        assertThat(run("")).contains("/bossreview status");
    }

    @Test
    void help_works_on_its_own() throws Exception {
        assertThat(run("help")).contains("/bossreview forecast <amount> [note]");
    }
}
