package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.config.CrmSettings;
import com.bossreview.config.Secret;
import com.bossreview.install.Pkce;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeOAuthServer.Failure;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrmOAuthTest {
    static final String ME = "manager@example.com";
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final String PUBLIC = "https://bossreview.example.com";

    FakeSalesforce sf;
    FakeHubSpot hs;
    CrmOAuth oauth;
    final String verifier = Pkce.newVerifier(new SecureRandom());

    @BeforeEach
    void start() {
        sf = new FakeSalesforce();
        hs = new FakeHubSpot();
        oauth = oauth(FakeSalesforce.CLIENT_SECRET);
    }

    CrmOAuth oauth(String salesforceSecret) {
        CrmSettings settings =
                new CrmSettings(
                        Optional.of(
                                new CrmSettings.Client(
                                        FakeSalesforce.CLIENT_ID, new Secret(salesforceSecret))),
                        Optional.of(
                                new CrmSettings.Client(
                                        FakeHubSpot.CLIENT_ID,
                                        new Secret(FakeHubSpot.CLIENT_SECRET))),
                        URI.create(sf.url()),
                        URI.create(hs.url()),
                        URI.create(hs.authorizeUrl()),
                        Optional.of(URI.create(PUBLIC)),
                        Duration.ofMinutes(5),
                        Optional.empty(),
                        Optional.empty());
        return new CrmOAuth(settings, SalesforceApiTest.quickClient(), new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        sf.close();
        hs.close();
    }

    static Map<String, String> query(URI u) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : u.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(
                    pair.substring(0, eq),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /** The browser's round trip: consent at the fake, the code off the redirect. */
    static String consent(FakeOAuthServer server, URI authorize) {
        return query(server.consent(authorize, ME)).get("code");
    }

    @Test
    void salesforce_authorize_url_asks_for_api_and_refresh_token_with_pkce() {
        URI u = oauth.authorizeUrl(CrmProvider.SALESFORCE, "st4te", verifier);
        Map<String, String> q = query(u);

        assertThat(u.toString()).startsWith(sf.url() + "services/oauth2/authorize?");
        assertThat(q)
                .containsEntry("client_id", FakeSalesforce.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", PUBLIC + "/crm/callback/salesforce")
                .containsEntry("scope", "api refresh_token")
                .containsEntry("state", "st4te")
                .containsEntry("code_challenge", Pkce.challenge(verifier))
                .containsEntry("code_challenge_method", "S256");
    }

    @Test
    void salesforce_code_exchange_checks_the_verifier_and_names_the_instance() {
        String code = consent(sf, oauth.authorizeUrl(CrmProvider.SALESFORCE, "s", verifier));

        CrmOAuth.Tokens t = oauth.exchange(CrmProvider.SALESFORCE, code, verifier);

        assertThat(t.refreshToken()).isPresent();
        assertThat(t.instanceUrl()).contains(URI.create(sf.instanceUrl()));
        assertThat(t.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(t.toString())
                .doesNotContain(t.accessToken())
                .doesNotContain(t.refreshToken().get());
        var sent = sf.requests("POST", "/services/oauth2/token").get(0);
        assertThat(sent.form("code_verifier")).isEqualTo(verifier);
        assertThat(sent.form("redirect_uri")).isEqualTo(PUBLIC + "/crm/callback/salesforce");
        // the token works against the instance it names
        assertThat(
                        new SalesforceApi(
                                        t.instanceUrl().get(),
                                        SalesforceApiTest.quickClient(),
                                        new MutableClock(NOW))
                                .users(t.accessToken()))
                .isEmpty();
    }

    @Test
    void a_wrong_verifier_is_refused() {
        String code = consent(sf, oauth.authorizeUrl(CrmProvider.SALESFORCE, "s", verifier));
        CrmException e =
                catchThrowableOfType(
                        CrmException.class,
                        () -> oauth.exchange(CrmProvider.SALESFORCE, code, verifier + "x"));
        assertThat(e.getMessage()).contains("invalid_grant");
    }

    @Test
    void salesforce_refresh_gives_a_new_access_token_until_consent_is_withdrawn() {
        String code = consent(sf, oauth.authorizeUrl(CrmProvider.SALESFORCE, "s", verifier));
        CrmOAuth.Tokens t = oauth.exchange(CrmProvider.SALESFORCE, code, verifier);

        CrmOAuth.Tokens fresh = oauth.refresh(CrmProvider.SALESFORCE, t.refreshToken().get());
        assertThat(fresh.accessToken()).isNotEqualTo(t.accessToken());
        assertThat(fresh.instanceUrl()).isPresent();

        sf.revokeConsent(ME);
        CrmException e =
                catchThrowableOfType(
                        CrmException.class,
                        () -> oauth.refresh(CrmProvider.SALESFORCE, t.refreshToken().get()));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.REVOKED);
        assertThat(e.getMessage()).doesNotContain(t.refreshToken().get());
    }

    @Test
    void salesforce_revoke_ends_the_refresh_token_and_a_second_revoke_is_harmless() {
        String code = consent(sf, oauth.authorizeUrl(CrmProvider.SALESFORCE, "s", verifier));
        String refresh =
                oauth.exchange(CrmProvider.SALESFORCE, code, verifier).refreshToken().get();

        assertThat(oauth.revoke(CrmProvider.SALESFORCE, refresh)).isTrue();
        assertThat(sf.revoked()).containsExactly(refresh);
        assertThat(
                        catchThrowableOfType(
                                        CrmException.class,
                                        () -> oauth.refresh(CrmProvider.SALESFORCE, refresh))
                                .kind())
                .isEqualTo(CrmException.Kind.REVOKED);
        assertThat(oauth.revoke(CrmProvider.SALESFORCE, refresh)).isTrue();
    }

    @Test
    void hubspot_authorize_url_asks_for_deals_and_owners_read_with_pkce() {
        URI u = oauth.authorizeUrl(CrmProvider.HUBSPOT, "st4te", verifier);
        assertThat(u.toString()).startsWith(hs.authorizeUrl() + "?");
        assertThat(query(u))
                .containsEntry("client_id", FakeHubSpot.CLIENT_ID)
                .containsEntry("redirect_uri", PUBLIC + "/crm/callback/hubspot")
                .containsEntry("scope", "crm.objects.deals.read crm.objects.owners.read")
                .containsEntry("state", "st4te")
                .containsEntry("code_challenge_method", "S256");
    }

    @Test
    void hubspot_exchange_refresh_and_revoke_use_the_dated_endpoints() {
        String code = consent(hs, oauth.authorizeUrl(CrmProvider.HUBSPOT, "s", verifier));
        CrmOAuth.Tokens t = oauth.exchange(CrmProvider.HUBSPOT, code, verifier);
        assertThat(t.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(t.instanceUrl()).isEmpty();
        assertThat(hs.requests("POST", "/oauth/2026-03/token")).hasSize(1);

        CrmOAuth.Tokens fresh = oauth.refresh(CrmProvider.HUBSPOT, t.refreshToken().get());
        assertThat(fresh.accessToken()).isNotEqualTo(t.accessToken());

        assertThat(oauth.revoke(CrmProvider.HUBSPOT, t.refreshToken().get())).isTrue();
        var revoke = hs.requests("POST", "/oauth/2026-03/token/revoke").get(0);
        assertThat(revoke.form("client_id")).isEqualTo(FakeHubSpot.CLIENT_ID);
        assertThat(revoke.form("token_type_hint")).isEqualTo("refresh_token");
        // revoking the refresh token ended the access tokens issued from it
        assertThat(
                        catchThrowableOfType(
                                        CrmException.class,
                                        () ->
                                                new HubSpotApi(
                                                                URI.create(hs.url()),
                                                                SalesforceApiTest.quickClient(),
                                                                new MutableClock(NOW))
                                                        .users(fresh.accessToken()))
                                .kind())
                .isEqualTo(CrmException.Kind.UNAUTHORIZED);
        CrmException e =
                catchThrowableOfType(
                        CrmException.class,
                        () -> oauth.refresh(CrmProvider.HUBSPOT, t.refreshToken().get()));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.REVOKED);
        assertThat(e.getMessage()).contains("BAD_REFRESH_TOKEN");
    }

    @Test
    void a_token_endpoint_outage_is_unavailable_and_a_wrong_secret_failed() {
        sf.failNext(1, new Failure.ServerError(503), "/services/oauth2/token");
        assertThat(
                        catchThrowableOfType(
                                        CrmException.class,
                                        () -> oauth.refresh(CrmProvider.SALESFORCE, "r"))
                                .kind())
                .isEqualTo(CrmException.Kind.UNAVAILABLE);

        CrmException e =
                catchThrowableOfType(
                        CrmException.class,
                        () -> oauth("wrong").refresh(CrmProvider.SALESFORCE, "r"));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.FAILED);
        assertThat(e.getMessage()).contains("invalid_client").doesNotContain("wrong");
    }

    @Test
    void both_providers_are_offered_when_configured() {
        assertThat(List.of(CrmProvider.values())).allMatch(oauth::offers);
    }
}
