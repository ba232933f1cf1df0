package com.bossreview.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * CRM connections (SPEC §9): each provider's OAuth client, the providers' base URLs (tests point
 * them at fakes), the public URL the redirects come back to, and how often the CRMs are read. No
 * client id set: the feature is off. {@link AppConfig#crm()}, read with the same checks as {@link
 * CalendarSettings}: a client id needs its secret, the public URL and the sealing key.
 *
 * <p>Salesforce's REST API has no fixed base: it lives at the {@code instance_url} each token
 * answer names, so only the login host is configured here.
 */
public record CrmSettings(
        Optional<Client> salesforce,
        Optional<Client> hubspot,
        URI salesforceLoginUrl,
        URI hubspotApiUrl,
        URI hubspotOAuthUrl,
        Optional<URI> publicUrl,
        Duration syncEvery,
        Optional<Secret> encryptionKey,
        Optional<Secret> previousEncryptionKey) {

    public static final String DEFAULT_SALESFORCE_LOGIN_URL = "https://login.salesforce.com/";
    public static final String DEFAULT_HUBSPOT_API_URL = "https://api.hubapi.com/";
    public static final String DEFAULT_HUBSPOT_OAUTH_URL =
            "https://app.hubspot.com/oauth/authorize";

    /** A provider's OAuth client. */
    public record Client(String id, Secret secret) {}

    public boolean enabled() {
        return salesforce.isPresent() || hubspot.isPresent();
    }

    /**
     * Reads the CRM variables; {@code key}: {@code BOSSREVIEW_ENCRYPTION_KEY} (and the previous one
     * while rotating), which seals the tokens. {@code BOSSREVIEW_SYNC_SECONDS} is the one the
     * calendars use too (SPEC §8: calendars and CRMs are polled at the same pace).
     */
    static CrmSettings read(
            Function<String, Optional<String>> env,
            Optional<Secret> key,
            Optional<Secret> previous) {
        Optional<Client> salesforce = client(env, "SALESFORCE");
        Optional<Client> hubspot = client(env, "HUBSPOT");
        Optional<URI> publicUrl = env.apply("BOSSREVIEW_PUBLIC_URL").map(AppConfig::publicUrl);
        ProviderVars.requireRedirectAndKey(
                salesforce
                        .map(c -> "SALESFORCE_CLIENT_ID")
                        .or(() -> hubspot.map(c -> "HUBSPOT_CLIENT_ID")),
                "CRM",
                "crm",
                "each workspace's CRM token",
                publicUrl,
                key);
        return new CrmSettings(
                salesforce,
                hubspot,
                CalendarSettings.url(
                        env, "SALESFORCE_LOGIN_URL", DEFAULT_SALESFORCE_LOGIN_URL, true),
                CalendarSettings.url(env, "HUBSPOT_API_URL", DEFAULT_HUBSPOT_API_URL, true),
                CalendarSettings.url(env, "HUBSPOT_OAUTH_URL", DEFAULT_HUBSPOT_OAUTH_URL, false),
                publicUrl,
                Duration.ofSeconds(
                        CalendarSettings.syncSeconds(env.apply("BOSSREVIEW_SYNC_SECONDS"))),
                key,
                previous);
    }

    private static Optional<Client> client(
            Function<String, Optional<String>> env, String provider) {
        return ProviderVars.client(env, provider, "a CRM connection", "", Client::new);
    }
}
