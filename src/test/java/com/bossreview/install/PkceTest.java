package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void the_challenge_is_rfc_7636s_s256_of_the_verifier() {
        // RFC 7636, Appendix B.
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void a_verifier_is_43_unreserved_characters_and_never_the_same() {
        SecureRandom random = new SecureRandom();
        String a = Pkce.newVerifier(random);
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Pkce.newVerifier(random)).isNotEqualTo(a);
    }
}
