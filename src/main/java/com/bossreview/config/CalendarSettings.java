package com.bossreview.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calendar connections (SPEC §8): each provider's OAuth client, the providers' base URLs (tests
 * point them at fakes), the public URL the redirects come back to, and how often calendars are
 * read. No client id set: the feature is off.
 */
public record CalendarSettings(
        Optional<Client> google,
        Optional<Client> microsoft,
        URI googleAuthUrl,
        URI googleOAuthUrl,
        URI googleApiUrl,
        URI microsoftLoginUrl,
        URI microsoftGraphUrl,
        Optional<URI> publicUrl,
        Duration syncEvery,
        Optional<Secret> encryptionKey,
        Optional<Secret> previousEncryptionKey) {

    public static final String DEFAULT_GOOGLE_AUTH_URL =
            "https://accounts.google.com/o/oauth2/v2/auth";
    public static final String DEFAULT_GOOGLE_OAUTH_URL = "https://oauth2.googleapis.com/";
    public static final String DEFAULT_GOOGLE_API_URL = "https://www.googleapis.com/";
    public static final String DEFAULT_MICROSOFT_LOGIN_URL = "https://login.microsoftonline.com/";
    public static final String DEFAULT_MICROSOFT_GRAPH_URL = "https://graph.microsoft.com/v1.0/";
    public static final int DEFAULT_SYNC_SECONDS = 300;

    /** A provider's OAuth client. */
    public record Client(String id, Secret secret) {}

    public boolean enabled() {
        return google.isPresent() || microsoft.isPresent();
    }

    /**
     * Reads the calendar variables; {@code key}: {@code BOSSREVIEW_ENCRYPTION_KEY} (and the
     * previous one while rotating), which seals the tokens.
     */
    static CalendarSettings read(
            Function<String, Optional<String>> env,
            Optional<Secret> key,
            Optional<Secret> previous) {
        Optional<Client> google = client(env, "GOOGLE");
        Optional<Client> microsoft = client(env, "MICROSOFT");
        Optional<URI> publicUrl = env.apply("BOSSREVIEW_PUBLIC_URL").map(AppConfig::publicUrl);
        ProviderVars.requireRedirectAndKey(
                google.map(c -> "GOOGLE_CLIENT_ID")
                        .or(() -> microsoft.map(c -> "MICROSOFT_CLIENT_ID")),
                "calendar",
                "calendar",
                "each manager's calendar token",
                publicUrl,
                key);
        return new CalendarSettings(
                google,
                microsoft,
                url(env, "GOOGLE_AUTH_URL", DEFAULT_GOOGLE_AUTH_URL, false),
                url(env, "GOOGLE_OAUTH_URL", DEFAULT_GOOGLE_OAUTH_URL, true),
                url(env, "GOOGLE_API_URL", DEFAULT_GOOGLE_API_URL, true),
                url(env, "MICROSOFT_LOGIN_URL", DEFAULT_MICROSOFT_LOGIN_URL, true),
                url(env, "MICROSOFT_GRAPH_URL", DEFAULT_MICROSOFT_GRAPH_URL, true),
                publicUrl,
                Duration.ofSeconds(syncSeconds(env.apply("BOSSREVIEW_SYNC_SECONDS"))),
                key,
                previous);
    }

    private static Optional<Client> client(
            Function<String, Optional<String>> env, String provider) {
        return ProviderVars.client(
                env,
                provider,
                "a calendar connection",
                " (see the README, \"Calendar\")",
                Client::new);
    }

    static URI url(
            Function<String, Optional<String>> env, String name, String fallback, boolean base) {
        return AppConfig.httpUrl(name, env.apply(name).orElse(fallback), fallback, base);
    }

    static int syncSeconds(Optional<String> raw) {
        return AppConfig.wholeIn(
                raw.orElse(Integer.toString(DEFAULT_SYNC_SECONDS)),
                1,
                86_400,
                "BOSSREVIEW_SYNC_SECONDS must be how often connected calendars are read, in seconds "
                        + "from 1 to 86400 (default "
                        + DEFAULT_SYNC_SECONDS
                        + ")");
    }
}
