package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void the_challenge_is_rfc_7636s_s256_of_the_verifier() {
        // RFC 7636, Appendix B.
        assertThat(CalendarOAuth.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void a_verifier_is_43_unreserved_characters_and_never_the_same() {
        SecureRandom random = new SecureRandom();
        String a = CalendarOAuth.newVerifier(random);
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(CalendarOAuth.newVerifier(random)).isNotEqualTo(a);
    }

    @Test
    void the_account_comes_from_the_id_tokens_email_or_preferred_username() {
        assertThat(CalendarOAuth.email(jwt("{\"email\":\"ann@acme.test\",\"sub\":\"1\"}")))
                .contains("ann@acme.test");
        assertThat(CalendarOAuth.email(jwt("{\"preferred_username\":\"bo@contoso.test\"}")))
                .contains("bo@contoso.test");
        assertThat(CalendarOAuth.email(jwt("{\"sub\":\"1\"}"))).isEmpty();
        assertThat(CalendarOAuth.email("not.a-jwt")).isEmpty();
        assertThat(CalendarOAuth.email("a.!!!.c")).isEmpty();
    }

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + ".";
    }
}
