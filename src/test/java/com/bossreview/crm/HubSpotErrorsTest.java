package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The wait after a HubSpot 429, from each signal the usage guidelines name, in their order. */
class HubSpotErrorsTest {
    static CrmException refused(String policy, String... headers) {
        return HubSpotErrors.of(
                new CrmCall.Reply(
                        429,
                        JsonParser.parseString(
                                "{\"status\":\"error\",\"errorType\":\"RATE_LIMIT\",\"policyName\":\""
                                        + policy
                                        + "\"}"),
                        Headers.of(headers)),
                "deal search");
    }

    @Test
    void a_spent_burst_window_waits_one_window() {
        CrmException e =
                refused(
                        "TEN_SECONDLY_ROLLING",
                        "X-HubSpot-RateLimit-Interval-Milliseconds",
                        "10000",
                        "X-HubSpot-RateLimit-Max",
                        "190",
                        "X-HubSpot-RateLimit-Remaining",
                        "0");
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
    }

    @Test
    void retry_after_wins_over_the_other_headers_and_is_capped_at_an_hour() {
        assertThat(
                        refused(
                                        "DAILY",
                                        "Retry-After",
                                        "3",
                                        "X-HubSpot-RateLimit-Daily-Remaining",
                                        "0")
                                .retryAfter())
                .contains(Duration.ofSeconds(3));
        assertThat(refused("SECONDLY", "Retry-After", "86400").retryAfter())
                .contains(Duration.ofHours(1));
    }

    @Test
    void an_unknown_policy_without_headers_leaves_the_wait_to_the_caller() {
        assertThat(refused("SOMETHING_NEW").retryAfter()).isEqualTo(Optional.empty());
    }
}
