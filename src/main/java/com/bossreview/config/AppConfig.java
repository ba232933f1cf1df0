package com.bossreview.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything bossreview reads from the environment, read once at start-up and validated. Secrets
 * are {@link Secret}s, so printing this record never shows them.
 */
public record AppConfig(
        Optional<Secret> signingSecret,
        Optional<Secret> botToken,
        Optional<Secret> appToken,
        URI slackApiUrl,
        Optional<DatabaseUrl> databaseUrl,
        Path dataDir,
        String bindHost,
        int port,
        Optional<MultiWorkspace> multiWorkspace,
        int uninstallRetentionDays,
        int databasePoolSize,
        double slackRate,
        int nudgeRetentionDays,
        CalendarSettings calendar,
        CrmSettings crm) {

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";

    /**
     * Shortest {@code BOSSREVIEW_ENCRYPTION_KEY} accepted: {@code openssl rand -base64 32} prints
     * 44 characters.
     */
    public static final int MIN_ENCRYPTION_KEY_LENGTH = 32;

    /**
     * {@code DATABASE_POOL_SIZE} unset: connections per instance, shared by requests and background
     * work.
     */
    public static final int DEFAULT_DATABASE_POOL_SIZE = 20;

    /** At least two connections for the requests and two for background work. */
    public static final int MIN_DATABASE_POOL_SIZE = 4;

    public static final int MAX_DATABASE_POOL_SIZE = 1000;

    /**
     * {@code BOSSREVIEW_SLACK_RATE} unset: DMs per second per workspace. Slack limits {@code
     * chat.postMessage} to about one a second per channel and caps each workspace without saying
     * where; every DM goes to its own channel, so the workspace cap is the one that matters.
     */
    public static final double DEFAULT_SLACK_RATE = 10;

    public static final double MAX_SLACK_RATE = 1000;

    /** {@code BOSSREVIEW_NUDGE_RETENTION_DAYS} unset: how long sent and skipped nudges are kept. */
    public static final int DEFAULT_NUDGE_RETENTION_DAYS = 90;

    /**
     * Multi-workspace mode (OAuth install flow): the app's OAuth credentials, the key that encrypts
     * stored tokens (and the previous one while rotating), and the public URL if the redirect URI
     * must be sent explicitly.
     */
    public record MultiWorkspace(
            String clientId,
            Secret clientSecret,
            Secret encryptionKey,
            Optional<Secret> previousEncryptionKey,
            Optional<URI> publicUrl) {}

    public enum Mode {
        HTTP,
        SOCKET_MODE
    }

    public Mode mode() {
        return appToken.isPresent() ? Mode.SOCKET_MODE : Mode.HTTP;
    }

    public boolean isMultiWorkspace() {
        return multiWorkspace.isPresent();
    }

    /**
     * Reads and checks the configuration; throws {@link ConfigException} naming the variable at
     * fault.
     */
    public static AppConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        Optional<Secret> signingSecret = e.get("SLACK_SIGNING_SECRET").map(Secret::new);
        Optional<Secret> botToken = e.get("SLACK_BOT_TOKEN").map(Secret::new);
        Optional<Secret> appToken = e.get("SLACK_APP_TOKEN").map(Secret::new);
        Optional<MultiWorkspace> multiWorkspace =
                multiWorkspace(e, botToken, appToken, signingSecret);

        if (botToken.isEmpty() && multiWorkspace.isEmpty()) {
            throw new ConfigException(
                    "SLACK_BOT_TOKEN is not set: no Slack credentials at all. Set SLACK_BOT_TOKEN "
                            + "(xoxb-…, from OAuth & Permissions) and SLACK_SIGNING_SECRET (from Basic Information), "
                            + "or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_CLIENT_ID, "
                            + "SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET and BOSSREVIEW_ENCRYPTION_KEY for multi-workspace installs.");
        }
        if (multiWorkspace.isEmpty()) {
            singleWorkspaceChecks(botToken.get(), appToken, signingSecret);
        }
        logFormat(e.get("LOG_FORMAT"));
        return new AppConfig(
                signingSecret,
                botToken,
                appToken,
                slackApiUrl(e.get("SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL)),
                e.get("DATABASE_URL").map(DatabaseUrl::parse),
                Path.of(e.get("BOSSREVIEW_DATA_DIR").orElse("./data")),
                e.get("BIND_HOST").orElse("0.0.0.0"),
                port(e.get("PORT").orElse("3000")),
                multiWorkspace,
                retentionDays(e.get("BOSSREVIEW_UNINSTALL_RETENTION_DAYS").orElse("0")),
                poolSize(
                        e.get("DATABASE_POOL_SIZE")
                                .orElse(Integer.toString(DEFAULT_DATABASE_POOL_SIZE))),
                slackRate(e.get("BOSSREVIEW_SLACK_RATE").orElse("10")),
                nudgeRetentionDays(e.get("BOSSREVIEW_NUDGE_RETENTION_DAYS").orElse("90")),
                CalendarSettings.read(
                        e::get,
                        encryptionKey(e, "BOSSREVIEW_ENCRYPTION_KEY"),
                        encryptionKey(e, "BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS")),
                CrmSettings.read(
                        e::get,
                        encryptionKey(e, "BOSSREVIEW_ENCRYPTION_KEY"),
                        encryptionKey(e, "BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS")));
    }

    static double slackRate(String raw) {
        try {
            double rate = Double.parseDouble(raw.trim());
            if (rate >= 0.5 && rate <= MAX_SLACK_RATE) {
                return rate;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(
                "BOSSREVIEW_SLACK_RATE must be the DMs per second bossreview sends to one workspace, "
                        + "from 0.5 to 1000 (default 10; it slows down by itself when Slack answers 429), got '"
                        + Env.printable(raw)
                        + "'.");
    }

    static int nudgeRetentionDays(String raw) {
        return wholeIn(
                raw,
                7,
                3650,
                "BOSSREVIEW_NUDGE_RETENTION_DAYS must be how many days sent and skipped nudges are kept, "
                        + "from 7 to 3650 (default 90)");
    }

    /**
     * {@code raw} as a whole number from {@code min} to {@code max}, else {@code rule} and what
     * came.
     */
    static int wholeIn(String raw, int min, int max, String rule) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(rule + ", got '" + Env.printable(raw) + "'.");
    }

    private static void singleWorkspaceChecks(
            Secret botToken, Optional<Secret> appToken, Optional<Secret> signingSecret) {
        if (!botToken.reveal().startsWith("xoxb-")) {
            throw new ConfigException(
                    "SLACK_BOT_TOKEN must be a bot token starting with xoxb- "
                            + "(OAuth & Permissions → Bot User OAuth Token), not a user or app token.");
        }
        if (appToken.isPresent() && !appToken.get().reveal().startsWith("xapp-")) {
            throw new ConfigException(
                    "SLACK_APP_TOKEN must be an app-level token starting with xapp- "
                            + "(Basic Information → App-Level Tokens, scope connections:write), or unset for HTTP mode.");
        }
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new ConfigException(
                    "SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it. "
                            + "Copy it from Basic Information → App Credentials, or set SLACK_APP_TOKEN to use Socket Mode.");
        }
    }

    /**
     * Both of SLACK_CLIENT_ID / SLACK_CLIENT_SECRET, or neither; with them, what multi-workspace
     * mode needs.
     */
    private static Optional<MultiWorkspace> multiWorkspace(
            Env e,
            Optional<Secret> botToken,
            Optional<Secret> appToken,
            Optional<Secret> signingSecret) {
        Optional<String> clientId = e.get("SLACK_CLIENT_ID");
        Optional<Secret> clientSecret = e.get("SLACK_CLIENT_SECRET").map(Secret::new);
        if (clientId.isEmpty() && clientSecret.isEmpty()) {
            return Optional.empty();
        }
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            String missing = clientId.isEmpty() ? "SLACK_CLIENT_ID" : "SLACK_CLIENT_SECRET";
            throw new ConfigException(
                    missing
                            + " is not set: multi-workspace mode needs both SLACK_CLIENT_ID and "
                            + "SLACK_CLIENT_SECRET (Basic Information → App Credentials); unset both for a single workspace.");
        }
        if (botToken.isPresent()) {
            throw new ConfigException(
                    "SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: a bot token means one workspace, "
                            + "client credentials mean installs by OAuth with each workspace's token stored. Unset one of them.");
        }
        if (appToken.isPresent()) {
            throw new ConfigException(
                    "SLACK_APP_TOKEN and SLACK_CLIENT_ID are both set: multi-workspace installs run "
                            + "over HTTP (the OAuth redirect needs a public URL). Unset SLACK_APP_TOKEN.");
        }
        if (signingSecret.isEmpty()) {
            throw new ConfigException(
                    "SLACK_SIGNING_SECRET is not set: multi-workspace mode runs over HTTP and verifies "
                            + "every request with it. Copy it from Basic Information → App Credentials.");
        }
        Secret key =
                encryptionKey(e, "BOSSREVIEW_ENCRYPTION_KEY")
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "BOSSREVIEW_ENCRYPTION_KEY is not set: multi-workspace mode stores each workspace's bot token "
                                                        + "encrypted with it. Generate one with `openssl rand -base64 32` and keep it safe: "
                                                        + "without it the stored installations cannot be read."));
        Optional<Secret> previous = encryptionKey(e, "BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS");
        Optional<URI> publicUrl = e.get("BOSSREVIEW_PUBLIC_URL").map(AppConfig::publicUrl);
        return Optional.of(
                new MultiWorkspace(clientId.get(), clientSecret.get(), key, previous, publicUrl));
    }

    private static Optional<Secret> encryptionKey(Env e, String name) {
        Optional<String> key = e.get(name);
        if (key.isPresent() && key.get().length() < MIN_ENCRYPTION_KEY_LENGTH) {
            throw new ConfigException(
                    name
                            + " is too short ("
                            + key.get().length()
                            + " characters): it must have at "
                            + "least "
                            + MIN_ENCRYPTION_KEY_LENGTH
                            + ". Generate one with `openssl rand -base64 32`.");
        }
        return key.map(Secret::new);
    }

    static URI publicUrl(String raw) {
        String url = raw.trim().replaceAll("/+$", "");
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException(
                "BOSSREVIEW_PUBLIC_URL must be the app's public base URL such as "
                        + "https://bossreview.example.com, got '"
                        + Env.printable(raw)
                        + "'.");
    }

    static int retentionDays(String raw) {
        return wholeIn(
                raw,
                0,
                3650,
                "BOSSREVIEW_UNINSTALL_RETENTION_DAYS must be a number of days from 0 (delete a "
                        + "workspace's data as soon as it uninstalls) to 3650");
    }

    /**
     * {@code text} (default) or {@code json}. Logging is set up before the configuration is read
     * ({@link com.bossreview.Main} picks the logback file), so the value is only checked here.
     */
    public static boolean jsonLogs(Optional<String> raw) {
        return logFormat(raw);
    }

    private static boolean logFormat(Optional<String> raw) {
        String v = raw.orElse("text").toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("text") && !v.equals("json")) {
            throw new ConfigException(
                    "LOG_FORMAT must be text or json, got '"
                            + Env.printable(raw.orElse(""))
                            + "'.");
        }
        return v.equals("json");
    }

    static int poolSize(String raw) {
        return wholeIn(
                raw,
                MIN_DATABASE_POOL_SIZE,
                MAX_DATABASE_POOL_SIZE,
                "DATABASE_POOL_SIZE must be a number of connections from "
                        + MIN_DATABASE_POOL_SIZE
                        + " to "
                        + MAX_DATABASE_POOL_SIZE
                        + " per instance (shared by Slack requests and background work; "
                        + "default "
                        + DEFAULT_DATABASE_POOL_SIZE
                        + ")");
    }

    static int port(String raw) {
        return wholeIn(
                raw, 0, 65535, "PORT must be a number from 1 to 65535 (0 picks a free port)");
    }

    static URI slackApiUrl(String raw) {
        return httpUrl("SLACK_API_URL", raw, DEFAULT_SLACK_API_URL, true);
    }

    /**
     * {@code raw} as an http(s) URL with a host and no query or fragment; {@code base}: ending with
     * a slash, paths are appended to it. Else {@code name} must be one, like {@code example}.
     */
    static URI httpUrl(String name, String raw, String example, boolean base) {
        String url = raw.trim();
        if (base && !url.endsWith("/")) {
            url = url + "/";
        }
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException(
                name
                        + " must be an http(s) URL such as "
                        + example
                        + ", got '"
                        + Env.printable(raw)
                        + "'.");
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
