package com.bossreview.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything bossreview reads from the environment, read once at start-up and validated.
 * Secrets are {@link Secret}s, so printing this record never shows them.
 */
public record AppConfig(
        Optional<Secret> signingSecret,
        Optional<Secret> botToken,
        Optional<Secret> appToken,
        URI slackApiUrl,
        Optional<DatabaseUrl> databaseUrl,
        Path dataDir,
        String bindHost,
        int port) {

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";

    public enum Mode { HTTP, SOCKET_MODE }

    public Mode mode() {
        return appToken.isPresent() ? Mode.SOCKET_MODE : Mode.HTTP;
    }

    /** Reads and checks the configuration; throws {@link ConfigException} naming the variable at fault. */
    public static AppConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        Optional<Secret> signingSecret = e.get("SLACK_SIGNING_SECRET").map(Secret::new);
        Optional<Secret> botToken = e.get("SLACK_BOT_TOKEN").map(Secret::new);
        Optional<Secret> appToken = e.get("SLACK_APP_TOKEN").map(Secret::new);
        boolean oauth = e.get("SLACK_CLIENT_ID").isPresent() || e.get("SLACK_CLIENT_SECRET").isPresent();

        if (oauth) {
            throw new ConfigException("SLACK_CLIENT_ID/SLACK_CLIENT_SECRET: multi-workspace installs are not "
                    + "available in this version yet; unset them and set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.");
        }
        if (botToken.isEmpty()) {
            throw new ConfigException("SLACK_BOT_TOKEN is not set: no Slack credentials at all. Set SLACK_BOT_TOKEN "
                    + "(xoxb-…, from OAuth & Permissions) and SLACK_SIGNING_SECRET (from Basic Information), "
                    + "or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (xapp-…) for Socket Mode.");
        }
        if (!botToken.get().reveal().startsWith("xoxb-")) {
            throw new ConfigException("SLACK_BOT_TOKEN must be a bot token starting with xoxb- "
                    + "(OAuth & Permissions → Bot User OAuth Token), not a user or app token.");
        }
        if (appToken.isPresent() && !appToken.get().reveal().startsWith("xapp-")) {
            throw new ConfigException("SLACK_APP_TOKEN must be an app-level token starting with xapp- "
                    + "(Basic Information → App-Level Tokens, scope connections:write), or unset for HTTP mode.");
        }
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new ConfigException("SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it. "
                    + "Copy it from Basic Information → App Credentials, or set SLACK_APP_TOKEN to use Socket Mode.");
        }
        return new AppConfig(
                signingSecret,
                botToken,
                appToken,
                slackApiUrl(e.get("SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                e.get("DATABASE_URL").map(DatabaseUrl::parse),
                Path.of(e.get("BOSSREVIEW_DATA_DIR").orElse("./data")),
                e.get("BIND_HOST").orElse("0.0.0.0"),
                port(e.get("PORT").orElse("3000")));
    }

    static int port(String raw) {
        try {
            int port = Integer.parseInt(raw.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException("PORT must be a number from 1 to 65535 (0 picks a free port), got '"
                + Env.printable(raw) + "'.");
    }

    static URI slackApiUrl(String raw) {
        String url = raw.trim().endsWith("/") ? raw.trim() : raw.trim() + "/";
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException("SLACK_API_URL must be an http(s) URL such as " + DEFAULT_SLACK_API_URL
                + ", got '" + Env.printable(raw) + "'.");
    }

    /** Blank variables count as unset: docker-compose passes {@code VAR=} for optional ones. */
    private record Env(Map<String, String> env) {
        Optional<String> get(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        static String printable(String raw) {
            String s = raw.replaceAll("\\p{Cntrl}", "?");
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
