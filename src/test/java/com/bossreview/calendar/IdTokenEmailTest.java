package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdTokenEmailTest {
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
