package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestApp;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the browser of a Slack admin installing bossreview, and Slack sending the uninstall events.
 */
final class InstallBrowser {
    private static final Pattern AUTHORIZE =
            Pattern.compile("href=\"(https://slack\\.com/oauth/v2/authorize[^\"]*)\"");

    /** What {@code GET /slack/install} gave the browser. */
    record Started(
            HttpResponse<String> page, URI authorizeUrl, Map<String, String> query, String cookie) {
        String state() {
            return query.get("state");
        }
    }

    private InstallBrowser() {}

    static Started start(TestApp app) throws Exception {
        HttpResponse<String> page = app.get("/slack/install");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = AUTHORIZE.matcher(page.body());
        assertThat(m.find())
                .as("the install page links to Slack's authorize page: " + page.body())
                .isTrue();
        URI authorize = URI.create(m.group(1).replace("&amp;", "&"));
        String cookie =
                page.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(OAuthStates.COOKIE + "="))
                        .findFirst()
                        .orElseThrow()
                        .split(";")[0];
        return new Started(page, authorize, query(authorize.getRawQuery()), cookie);
    }

    /** Slack sends the browser back with a code; the browser brings its cookie. */
    static HttpResponse<String> redirect(TestApp app, String query, String cookie)
            throws Exception {
        return app.get(
                "/slack/oauth_redirect?" + query,
                cookie == null ? Map.of() : Map.of("Cookie", cookie));
    }

    static HttpResponse<String> finish(TestApp app, Started started, String code) throws Exception {
        return redirect(
                app, "code=" + enc(code) + "&state=" + enc(started.state()), started.cookie());
    }

    /** The whole flow, ending on the success page. */
    static HttpResponse<String> install(
            TestApp app, FakeSlack slack, String code, FakeSlack.Grant grant) throws Exception {
        slack.grant(code, grant);
        HttpResponse<String> done = finish(app, start(app), code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("bossreview is installed");
        return done;
    }

    static HttpResponse<String> appUninstalled(TestApp app, String enterprise, String team) {
        return app.slack().event(event(enterprise, team, "app_uninstalled", new JsonObject()));
    }

    /**
     * Enterprise Grid's {@code app_uninstalled_team} as documented: the outer team is the one the
     * event is delivered for, {@code event.team_id} the workspace (or organization) the app {@code
     * appId} left.
     */
    static HttpResponse<String> appUninstalledTeam(
            TestApp app, String enterprise, String deliveredFor, String appId, String removedFrom) {
        JsonObject fields = new JsonObject();
        fields.addProperty("app_id", appId);
        fields.addProperty("app_name", "bossreview");
        fields.addProperty("app_owner_id", "U0OWNER");
        fields.addProperty("user_id", "U0ORGADMIN");
        fields.addProperty("team_id", removedFrom);
        fields.addProperty("team_domain", "initech-sales");
        return app.slack().event(event(enterprise, deliveredFor, "app_uninstalled_team", fields));
    }

    /**
     * {@code team_access_revoked} / {@code team_access_granted} to an org-wide install, shaped as
     * Slack's reference shows it: the envelope's {@code team_id} is null, the workspaces are in
     * {@code event.team_ids}.
     */
    static HttpResponse<String> teamAccess(
            TestApp app, String enterprise, String type, String... teams) {
        JsonObject fields = new JsonObject();
        fields.add("team_ids", array(List.of(teams)));
        JsonObject callback = event(enterprise, null, type, fields);
        // As delivered to an org-wide install (Bolt reads the request's workspace and organization
        // from here first).
        JsonObject authorization = new JsonObject();
        authorization.addProperty("enterprise_id", enterprise);
        authorization.add("team_id", com.google.gson.JsonNull.INSTANCE);
        authorization.addProperty("user_id", "U0BOSSREVIEWBOT");
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", true);
        JsonArray authorizations = new JsonArray();
        authorizations.add(authorization);
        callback.add("authorizations", authorizations);
        return app.slack().event(callback);
    }

    static HttpResponse<String> tokensRevoked(
            TestApp app, String team, List<String> bots, List<String> users) {
        JsonObject tokens = new JsonObject();
        tokens.add("oauth", array(users));
        tokens.add("bot", array(bots));
        JsonObject extra = new JsonObject();
        extra.add("tokens", tokens);
        return app.slack().event(event(null, team, "tokens_revoked", extra));
    }

    private static JsonObject event(
            String enterprise, String team, String type, JsonObject fields) {
        JsonObject event = fields.deepCopy();
        event.addProperty("type", type);
        event.addProperty("event_ts", "1700000000.000100");
        JsonObject callback = new JsonObject();
        callback.addProperty("token", "legacy-verification-token");
        callback.addProperty("team_id", team);
        if (enterprise != null) {
            callback.addProperty("enterprise_id", enterprise);
        }
        callback.addProperty("api_app_id", "A0BOSSREVIEW");
        callback.add("event", event);
        callback.addProperty("type", "event_callback");
        callback.addProperty("event_id", "Ev" + System.nanoTime());
        callback.addProperty("event_time", 1700000000);
        return callback;
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
