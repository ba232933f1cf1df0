package com.bossreview.calendar;

import com.bossreview.config.CalendarSettings;
import com.bossreview.install.Pkce;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OAuth 2.0 side of a calendar connection (authorization code with PKCE S256, RFC 7636): the
 * provider's authorize URL, the code exchanged for tokens, an access token refreshed, a token
 * revoked. The account's e-mail address comes from the ID token the token endpoint returns with the
 * {@code openid email} scopes (read, not verified: it came straight from the provider over TLS,
 * OpenID Connect Core §3.1.3.7).
 */
public final class CalendarOAuth {
    /**
     * The least that does the job. Google: events on calendars the user owns (book and read the
     * review), free/busy of calendars they can see (the boss's); Microsoft: the user's calendars
     * (Graph has no narrower write scope), and a refresh token.
     */
    static final String GOOGLE_SCOPES =
            "openid email https://www.googleapis.com/auth/calendar.events.owned "
                    + "https://www.googleapis.com/auth/calendar.events.freebusy";

    static final String MICROSOFT_SCOPES = "openid email offline_access Calendars.ReadWrite";

    /** An access token this close to expiring is refreshed before use. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

    /** What a token endpoint gave back. */
    public record Tokens(
            String accessToken,
            Optional<String> refreshToken,
            Instant expiresAt,
            Optional<String> account) {
        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + ", account=" + account + "]";
        }
    }

    private final CalendarSettings settings;
    private final OkHttpClient http;
    private final Clock clock;

    public CalendarOAuth(CalendarSettings settings, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    public boolean offers(CalendarProvider p) {
        return client(p).isPresent();
    }

    private Optional<CalendarSettings.Client> client(CalendarProvider p) {
        return p == CalendarProvider.GOOGLE ? settings.google() : settings.microsoft();
    }

    /** Where the provider sends the browser back: {@code <public URL>/calendar/callback/<id>}. */
    public String redirectUri(CalendarProvider p) {
        return settings.publicUrl().orElseThrow() + "/calendar/callback/" + p.id();
    }

    /** The provider's consent page for this state and PKCE verifier. */
    public URI authorizeUrl(CalendarProvider p, String state, String verifier) {
        CalendarSettings.Client c = client(p).orElseThrow();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", c.id());
        q.put("redirect_uri", redirectUri(p));
        q.put("response_type", "code");
        q.put("state", state);
        q.put("code_challenge", Pkce.challenge(verifier));
        q.put("code_challenge_method", "S256");
        String base;
        if (p == CalendarProvider.GOOGLE) {
            q.put("scope", GOOGLE_SCOPES);
            q.put("access_type", "offline"); // a refresh token
            q.put("prompt", "consent"); // …every time, even when consent was given before
            q.put("include_granted_scopes", "true");
            base = settings.googleAuthUrl().toString();
        } else {
            q.put("scope", MICROSOFT_SCOPES);
            q.put("response_mode", "query");
            base = settings.microsoftLoginUrl() + "common/oauth2/v2.0/authorize";
        }
        okhttp3.HttpUrl.Builder url = okhttp3.HttpUrl.get(base).newBuilder();
        q.forEach(url::addQueryParameter);
        return url.build().uri();
    }

    /** The code from the redirect, exchanged for tokens; a refresh token is required. */
    public Tokens exchange(CalendarProvider p, String code, String verifier) {
        CalendarSettings.Client c = client(p).orElseThrow();
        FormBody.Builder body =
                new FormBody.Builder()
                        .add("grant_type", "authorization_code")
                        .add("code", code)
                        .add("redirect_uri", redirectUri(p))
                        .add("client_id", c.id())
                        .add("client_secret", c.secret().reveal())
                        .add("code_verifier", verifier);
        if (p == CalendarProvider.MICROSOFT) {
            body.add("scope", MICROSOFT_SCOPES);
        }
        Tokens t = tokens(p, body.build(), "code exchange");
        if (t.refreshToken().isEmpty()) {
            throw new CalendarException(
                    CalendarException.Kind.FAILED,
                    p.label() + " gave no refresh token: offline access was not granted");
        }
        return t;
    }

    /**
     * A fresh access token; {@link CalendarException.Kind#REVOKED} when the provider answers {@code
     * invalid_grant} (consent withdrawn, password changed, token expired for good).
     */
    public Tokens refresh(CalendarProvider p, String refreshToken) {
        CalendarSettings.Client c = client(p).orElseThrow();
        FormBody.Builder body =
                new FormBody.Builder()
                        .add("grant_type", "refresh_token")
                        .add("refresh_token", refreshToken)
                        .add("client_id", c.id())
                        .add("client_secret", c.secret().reveal());
        if (p == CalendarProvider.MICROSOFT) {
            body.add("scope", MICROSOFT_SCOPES);
        }
        return tokens(p, body.build(), "token refresh");
    }

    /**
     * Revokes {@code token} at the provider where it has a way to: Google's {@code revoke}
     * endpoint. Microsoft's identity platform has no per-token revocation (the user removes the app
     * at myapps.microsoft.com / account.live.com); false then. A failure is not fatal: the caller
     * deletes the tokens anyway.
     */
    public boolean revoke(CalendarProvider p, String token) {
        if (p != CalendarProvider.GOOGLE) {
            return false;
        }
        Request req =
                new Request.Builder()
                        .url(settings.googleOAuthUrl() + "revoke")
                        .post(new FormBody.Builder().add("token", token).build())
                        .build();
        try (Response res = http.newCall(req).execute()) {
            // 400 invalid_token: revoked already, or expired; either way gone.
            return res.isSuccessful() || res.code() == 400;
        } catch (IOException e) {
            throw new CalendarException(
                    CalendarException.Kind.UNAVAILABLE,
                    p.label() + " revoke failed: " + e.getClass().getSimpleName());
        }
    }

    private String tokenUrl(CalendarProvider p) {
        return p == CalendarProvider.GOOGLE
                ? settings.googleOAuthUrl() + "token"
                : settings.microsoftLoginUrl() + "common/oauth2/v2.0/token";
    }

    private Tokens tokens(CalendarProvider p, FormBody body, String what) {
        Request req = new Request.Builder().url(tokenUrl(p)).post(body).build();
        String text;
        int code;
        Optional<Duration> retryAfter;
        try (Response res = http.newCall(req).execute()) {
            code = res.code();
            text = res.body() == null ? "" : res.body().string();
            retryAfter = ProviderHttp.retryAfter(res.header("Retry-After"));
        } catch (IOException e) {
            throw new CalendarException(
                    CalendarException.Kind.UNAVAILABLE,
                    p.label() + " " + what + " failed: " + e.getClass().getSimpleName());
        }
        JsonObject json = ProviderHttp.object(text);
        if (code / 100 != 2) {
            String error = ProviderHttp.string(json, "error").orElse("http_" + code);
            CalendarException.Kind kind =
                    error.equals("invalid_grant")
                            ? CalendarException.Kind.REVOKED
                            : ProviderHttp.kindOf(code);
            throw new CalendarException(
                    kind, p.label() + " " + what + " refused: " + error, retryAfter);
        }
        Optional<String> access = ProviderHttp.string(json, "access_token");
        if (access.isEmpty()) {
            throw new CalendarException(
                    CalendarException.Kind.FAILED, p.label() + " " + what + ": no access_token");
        }
        long expiresIn =
                Optional.ofNullable(json.get("expires_in"))
                        .filter(JsonElement::isJsonPrimitive)
                        .map(JsonElement::getAsLong)
                        .orElse(3600L);
        return new Tokens(
                access.get(),
                ProviderHttp.string(json, "refresh_token"),
                clock.instant().plusSeconds(expiresIn),
                ProviderHttp.string(json, "id_token").flatMap(CalendarOAuth::email));
    }

    /** The {@code email} (or Microsoft's {@code preferred_username}) claim of an ID token. */
    static Optional<String> email(String idToken) {
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject claims =
                    JsonParser.parseString(
                                    new String(
                                            Base64.getUrlDecoder().decode(parts[1]),
                                            StandardCharsets.UTF_8))
                            .getAsJsonObject();
            return ProviderHttp.string(claims, "email")
                    .or(() -> ProviderHttp.string(claims, "preferred_username"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
