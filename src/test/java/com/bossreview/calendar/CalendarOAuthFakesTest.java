package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.config.CalendarSettings;
import com.bossreview.config.Secret;
import com.bossreview.install.Pkce;
import com.bossreview.support.FakeGoogle;
import com.bossreview.support.FakeMicrosoft;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeProviderServer;
import com.bossreview.support.MutableClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real {@link CalendarOAuth} against {@link FakeGoogle} and {@link FakeMicrosoft}. */
class CalendarOAuthFakesTest {
    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    FakeGoogle google;
    FakeMicrosoft microsoft;
    CalendarOAuth oauth;
    final SecureRandom random = new SecureRandom();

    @BeforeEach
    void start() {
        google = new FakeGoogle();
        microsoft = new FakeMicrosoft();
        CalendarSettings settings =
                new CalendarSettings(
                        Optional.of(
                                new CalendarSettings.Client(
                                        FakeGoogle.CLIENT_ID,
                                        new Secret(FakeGoogle.CLIENT_SECRET))),
                        Optional.of(
                                new CalendarSettings.Client(
                                        FakeMicrosoft.CLIENT_ID,
                                        new Secret(FakeMicrosoft.CLIENT_SECRET))),
                        URI.create(google.url() + "o/oauth2/v2/auth"),
                        URI.create(google.url()),
                        URI.create(google.url()),
                        URI.create(microsoft.loginUrl()),
                        URI.create(microsoft.graphUrl()),
                        Optional.of(URI.create("https://bossreview.example")),
                        Duration.ofMinutes(5),
                        Optional.empty(),
                        Optional.empty());
        oauth = new CalendarOAuth(settings, ProviderHttp.client(), new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        google.close();
        microsoft.close();
    }

    FakeProviderServer fake(CalendarProvider p) {
        return p == CalendarProvider.GOOGLE ? google : microsoft;
    }

    @Test
    void a_code_with_the_right_verifier_gives_tokens_that_the_calendar_api_accepts() {
        for (CalendarProvider p : CalendarProvider.values()) {
            String verifier = Pkce.newVerifier(random);
            fake(p).issueCode("code-1", Pkce.challenge(verifier), "Manager@Example.com");

            CalendarOAuth.Tokens t = oauth.exchange(p, "code-1", verifier);

            assertThat(t.account()).as(p.id()).contains("Manager@Example.com");
            assertThat(t.refreshToken()).as(p.id()).isPresent();
            assertThat(t.expiresAt()).as(p.id()).isEqualTo(NOW.plusSeconds(3599));
            CalendarApi api =
                    p == CalendarProvider.GOOGLE
                            ? new GoogleCalendarApi(URI.create(google.url()), ProviderHttp.client())
                            : new GraphCalendarApi(
                                    URI.create(microsoft.graphUrl()), ProviderHttp.client());
            assertThat(api.busy(t.accessToken(), List.of(), NOW, NOW.plusSeconds(3600)).mine())
                    .isEmpty();
            FakeOAuthServer.Request sent =
                    fake(p).requests().stream()
                            .filter(r -> r.path().endsWith("token"))
                            .findFirst()
                            .orElseThrow();
            assertThat(sent.form("redirect_uri"))
                    .isEqualTo("https://bossreview.example/calendar/callback/" + p.id());
            assertThat(sent.form("code_verifier")).isEqualTo(verifier);
        }
    }

    @Test
    void consent_on_the_authorize_url_brings_back_a_code_and_the_state() {
        for (CalendarProvider p : CalendarProvider.values()) {
            String verifier = Pkce.newVerifier(random);
            URI callback =
                    fake(p).consent(oauth.authorizeUrl(p, "state-1", verifier), "m@example.com");

            assertThat(callback.toString())
                    .startsWith("https://bossreview.example/calendar/callback/" + p.id() + "?code=")
                    .endsWith("&state=state-1");
            String code = callback.getQuery().replaceAll(".*code=([^&]*).*", "$1");
            assertThat(oauth.exchange(p, code, verifier).account()).contains("m@example.com");
        }
    }

    @Test
    void a_wrong_verifier_or_a_reused_code_is_invalid_grant() {
        for (CalendarProvider p : CalendarProvider.values()) {
            String verifier = Pkce.newVerifier(random);
            fake(p).issueCode("code-2", Pkce.challenge(verifier), "m@example.com");

            CalendarException wrong =
                    catchThrowableOfType(
                            CalendarException.class,
                            () -> oauth.exchange(p, "code-2", Pkce.newVerifier(random)));
            CalendarException reused =
                    catchThrowableOfType(
                            CalendarException.class, () -> oauth.exchange(p, "code-2", verifier));

            assertThat(wrong.getMessage()).as(p.id()).contains("invalid_grant");
            assertThat(reused.getMessage()).as(p.id()).contains("invalid_grant");
        }
    }

    @Test
    void refresh_works_until_consent_is_revoked() {
        for (CalendarProvider p : CalendarProvider.values()) {
            String verifier = Pkce.newVerifier(random);
            fake(p).issueCode("code-3", Pkce.challenge(verifier), "m@example.com");
            CalendarOAuth.Tokens first = oauth.exchange(p, "code-3", verifier);

            CalendarOAuth.Tokens refreshed = oauth.refresh(p, first.refreshToken().orElseThrow());
            assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
            // Google keeps the refresh token; Microsoft rotates it
            assertThat(refreshed.refreshToken().isPresent())
                    .as(p.id())
                    .isEqualTo(p == CalendarProvider.MICROSOFT);

            fake(p).revokeConsent("m@example.com");
            CalendarException e =
                    catchThrowableOfType(
                            CalendarException.class,
                            () -> oauth.refresh(p, first.refreshToken().orElseThrow()));
            assertThat(e.kind()).as(p.id()).isEqualTo(CalendarException.Kind.REVOKED);
        }
    }

    @Test
    void a_wrong_client_secret_is_refused() {
        fake(CalendarProvider.GOOGLE).issueCode("c", Pkce.challenge("v".repeat(43)), "m@x.com");
        CalendarOAuth wrong =
                new CalendarOAuth(
                        new CalendarSettings(
                                Optional.of(
                                        new CalendarSettings.Client(
                                                FakeGoogle.CLIENT_ID, new Secret("nope"))),
                                Optional.empty(),
                                URI.create(google.url()),
                                URI.create(google.url()),
                                URI.create(google.url()),
                                URI.create(microsoft.loginUrl()),
                                URI.create(microsoft.graphUrl()),
                                Optional.of(URI.create("https://bossreview.example")),
                                Duration.ofMinutes(5),
                                Optional.empty(),
                                Optional.empty()),
                        ProviderHttp.client(),
                        new MutableClock(NOW));

        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class,
                        () -> wrong.exchange(CalendarProvider.GOOGLE, "c", "v".repeat(43)));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain("nope");
    }

    @Test
    void revoking_at_google_ends_the_refresh_token_and_is_recorded() {
        String verifier = Pkce.newVerifier(random);
        google.issueCode("code-4", Pkce.challenge(verifier), "m@example.com");
        CalendarOAuth.Tokens t = oauth.exchange(CalendarProvider.GOOGLE, "code-4", verifier);
        String refresh = t.refreshToken().orElseThrow();

        assertThat(oauth.revoke(CalendarProvider.GOOGLE, refresh)).isTrue();
        assertThat(oauth.revoke(CalendarProvider.GOOGLE, refresh)).isTrue(); // 400: gone already

        assertThat(google.revoked()).containsExactly(refresh);
        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class,
                        () -> oauth.refresh(CalendarProvider.GOOGLE, refresh));
        assertThat(e.kind()).isEqualTo(CalendarException.Kind.REVOKED);
        CalendarException api =
                catchThrowableOfType(
                        CalendarException.class,
                        () ->
                                new GoogleCalendarApi(
                                                URI.create(google.url()), ProviderHttp.client())
                                        .busy(
                                                t.accessToken(),
                                                List.of(),
                                                NOW,
                                                NOW.plusSeconds(60)));
        assertThat(api.kind()).isEqualTo(CalendarException.Kind.UNAUTHORIZED);
        assertThat(oauth.revoke(CalendarProvider.MICROSOFT, "anything")).isFalse();
    }

    @Test
    void a_token_endpoint_failure_is_classified() {
        google.failNext(1, new FakeOAuthServer.Failure.RateLimited(3), "/token");
        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class, () -> oauth.refresh(CalendarProvider.GOOGLE, "r"));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }
}
