package com.bossreview.crm;

import static com.bossreview.crm.CrmJson.object;
import static com.bossreview.crm.CrmJson.string;

import com.bossreview.config.CrmSettings;
import com.bossreview.install.Pkce;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OAuth 2.0 side of a CRM connection: authorization code with PKCE S256 (RFC 7636), the code
 * exchanged for tokens, an access token refreshed, a token revoked.
 *
 * <p>Salesforce ("OAuth 2.0 Web Server Flow for Web App Integration"): {@code SALESFORCE_LOGIN_URL}
 * + {@code services/oauth2/authorize}, {@code /token}, {@code /revoke}; scopes {@code api
 * refresh_token}; the answer names the org's {@code instance_url}, where its REST API lives, and no
 * lifetime (the session lasts the org's timeout setting, 15 minutes at the shortest, so that is
 * what we assume).
 *
 * <p>HubSpot ("Manage OAuth access tokens with the 2026-03 API"): the consent page at {@code
 * HUBSPOT_OAUTH_URL}; tokens at {@code HUBSPOT_API_URL} + {@code oauth/2026-03/token}, revoked at
 * {@code oauth/2026-03/token/revoke}, every parameter in the form body. The v1 endpoints ({@code
 * oauth/v1/token}, {@code DELETE oauth/v1/refresh-tokens/:token}) are deprecated on 16 February
 * 2027, so they are not used. Access tokens live 30 minutes ({@code expires_in}).
 */
public final class CrmOAuth {
    static final String SALESFORCE_SCOPES = "api refresh_token";

    /** Deals and their owners, read-only: the owners API needs its own scope. */
    static final String HUBSPOT_SCOPES = "crm.objects.deals.read crm.objects.owners.read";

    /** The dated version of HubSpot's OAuth endpoints. */
    static final String HUBSPOT_OAUTH_VERSION = "2026-03";

    /**
     * What Salesforce's token answer leaves unsaid: the shortest session timeout an org can set.
     */
    static final Duration SALESFORCE_ASSUMED_LIFETIME = Duration.ofMinutes(15);

    /**
     * What a token endpoint gave back. {@code instanceUrl}: Salesforce's API host; {@code userId}:
     * who consented, in Salesforce (the last segment of the answer's {@code id}, the identity URL
     * {@code https://login.salesforce.com/id/<org id>/<user id>}); HubSpot's answer names nobody.
     */
    public record Tokens(
            String accessToken,
            Optional<String> refreshToken,
            Instant expiresAt,
            Optional<URI> instanceUrl,
            Optional<String> userId) {
        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + ", instanceUrl=" + instanceUrl + "]";
        }
    }

    private final CrmSettings settings;
    private final OkHttpClient http;
    private final Clock clock;

    public CrmOAuth(CrmSettings settings, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    public boolean offers(CrmProvider p) {
        return client(p).isPresent();
    }

    private Optional<CrmSettings.Client> client(CrmProvider p) {
        return p == CrmProvider.SALESFORCE ? settings.salesforce() : settings.hubspot();
    }

    /** Where the provider sends the browser back: {@code <public URL>/crm/callback/<id>}. */
    public String redirectUri(CrmProvider p) {
        return settings.publicUrl().orElseThrow() + "/crm/callback/" + p.id();
    }

    /** The provider's consent page for this state and PKCE verifier. */
    public URI authorizeUrl(CrmProvider p, String state, String verifier) {
        CrmSettings.Client c = client(p).orElseThrow();
        HttpUrl.Builder url;
        if (p == CrmProvider.SALESFORCE) {
            url =
                    HttpUrl.get(settings.salesforceLoginUrl() + "services/oauth2/authorize")
                            .newBuilder();
        } else {
            url = HttpUrl.get(settings.hubspotOAuthUrl().toString()).newBuilder();
        }
        url.addQueryParameter("client_id", c.id())
                .addQueryParameter("redirect_uri", redirectUri(p))
                .addQueryParameter("response_type", "code")
                .addQueryParameter("state", state)
                .addQueryParameter("code_challenge", Pkce.challenge(verifier))
                .addQueryParameter("code_challenge_method", "S256")
                .addQueryParameter(
                        "scope", p == CrmProvider.SALESFORCE ? SALESFORCE_SCOPES : HUBSPOT_SCOPES);
        return url.build().uri();
    }

    /**
     * The code from the redirect, exchanged for tokens; a refresh token is required, and for
     * Salesforce the instance URL.
     */
    public Tokens exchange(CrmProvider p, String code, String verifier) {
        CrmSettings.Client c = client(p).orElseThrow();
        FormBody body =
                new FormBody.Builder()
                        .add("grant_type", "authorization_code")
                        .add("code", code)
                        .add("redirect_uri", redirectUri(p))
                        .add("client_id", c.id())
                        .add("client_secret", c.secret().reveal())
                        .add("code_verifier", verifier)
                        .build();
        Tokens t = tokens(p, body, "code exchange");
        if (t.refreshToken().isEmpty()) {
            throw new CrmException(
                    CrmException.Kind.FAILED,
                    p.label() + " gave no refresh token: offline access was not granted");
        }
        if (p == CrmProvider.SALESFORCE && t.instanceUrl().isEmpty()) {
            throw new CrmException(
                    CrmException.Kind.FAILED, p.label() + " code exchange: no instance_url");
        }
        return t;
    }

    /**
     * A fresh access token; {@link CrmException.Kind#REVOKED} when the refresh token is refused
     * (Salesforce {@code invalid_grant}; HubSpot {@code BAD_REFRESH_TOKEN} or an {@code
     * INVALID_TOKEN} validation error): the connection is over. Salesforce names the instance
     * again, which can have moved.
     */
    public Tokens refresh(CrmProvider p, String refreshToken) {
        CrmSettings.Client c = client(p).orElseThrow();
        FormBody body =
                new FormBody.Builder()
                        .add("grant_type", "refresh_token")
                        .add("refresh_token", refreshToken)
                        .add("client_id", c.id())
                        .add("client_secret", c.secret().reveal())
                        .build();
        return tokens(p, body, "token refresh");
    }

    /**
     * Revokes {@code token} (a refresh token revokes its access tokens with it). Salesforce: {@code
     * POST services/oauth2/revoke}; HubSpot: {@code POST oauth/2026-03/token/revoke}. A token the
     * provider no longer knows counts as revoked (true). A failure to reach the provider is not
     * fatal for the caller, which deletes the tokens anyway.
     */
    public boolean revoke(CrmProvider p, String token) {
        FormBody.Builder body = new FormBody.Builder().add("token", token);
        String url;
        if (p == CrmProvider.SALESFORCE) {
            url = settings.salesforceLoginUrl() + "services/oauth2/revoke";
        } else {
            CrmSettings.Client c = client(p).orElseThrow();
            body.add("client_id", c.id())
                    .add("client_secret", c.secret().reveal())
                    .add("token_type_hint", "refresh_token");
            url = settings.hubspotApiUrl() + "oauth/" + HUBSPOT_OAUTH_VERSION + "/token/revoke";
        }
        CrmCall.Reply r =
                CrmCall.execute(
                        http,
                        new Request.Builder().url(url).post(body.build()).build(),
                        p,
                        "revoke");
        // 400: an unknown or already revoked token; either way it no longer works
        return r.ok() || r.status() == 400;
    }

    private String tokenUrl(CrmProvider p) {
        return p == CrmProvider.SALESFORCE
                ? settings.salesforceLoginUrl() + "services/oauth2/token"
                : settings.hubspotApiUrl() + "oauth/" + HUBSPOT_OAUTH_VERSION + "/token";
    }

    private Tokens tokens(CrmProvider p, FormBody body, String what) {
        CrmCall.Reply r =
                CrmCall.execute(
                        http,
                        new Request.Builder()
                                .url(tokenUrl(p))
                                .post(body)
                                .header("Accept", "application/json")
                                .build(),
                        p,
                        what);
        JsonObject json = object(r.json());
        if (!r.ok()) {
            String error =
                    string(json, "error")
                            .or(() -> string(json, "status").filter(s -> !s.equals("error")))
                            .or(() -> string(json, "subCategory"))
                            .or(() -> string(json, "category"))
                            .orElse("http_" + r.status());
            CrmException.Kind kind =
                    switch (error) {
                        case "invalid_grant",
                                "BAD_REFRESH_TOKEN",
                                "BAD_AUTH_CODE",
                                "INVALID_TOKEN" ->
                                CrmException.Kind.REVOKED;
                        default -> CrmCall.kindOf(r.status());
                    };
            throw new CrmException(
                    kind, p.label() + " " + what + " refused: " + error, r.retryAfter());
        }
        // the dated HubSpot reference shows camelCase members; its guides and v1 snake_case
        Optional<String> access =
                string(json, "access_token").or(() -> string(json, "accessToken"));
        if (access.isEmpty()) {
            throw new CrmException(
                    CrmException.Kind.FAILED, p.label() + " " + what + ": no access_token");
        }
        Duration lifetime =
                string(json, "expires_in")
                        .or(() -> string(json, "expiresIn"))
                        .flatMap(CrmCall::seconds)
                        .filter(d -> !d.isZero())
                        .orElse(SALESFORCE_ASSUMED_LIFETIME);
        return new Tokens(
                access.get(),
                string(json, "refresh_token").or(() -> string(json, "refreshToken")),
                clock.instant().plus(lifetime),
                string(json, "instance_url").flatMap(CrmOAuth::httpsUrl),
                string(json, "id").flatMap(CrmOAuth::identityUser));
    }

    /** The user id that ends Salesforce's identity URL ({@code …/id/<org>/<user>}). */
    static Optional<String> identityUser(String identityUrl) {
        int slash = identityUrl.lastIndexOf('/');
        String id = identityUrl.substring(slash + 1);
        return identityUrl.contains("/id/") && id.matches("[A-Za-z0-9_-]{1,64}")
                ? Optional.of(id)
                : Optional.empty();
    }

    private static Optional<URI> httpsUrl(String raw) {
        try {
            URI u = URI.create(raw);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                            && u.getHost() != null
                    ? Optional.of(u)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
