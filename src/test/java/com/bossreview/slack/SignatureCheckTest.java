package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import com.bossreview.support.SlackSamples;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String DOCUMENTED =
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final byte[] BODY =
            SlackSamples.read(
                            "from-sdk-tests/slash_command.slack-docs-signature-example.form-urlencoded.txt")
                    .strip()
                    .getBytes(StandardCharsets.UTF_8);

    private static SignatureCheck at(long epochSecond) {
        return new SignatureCheck(
                new Secret(SECRET),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void slacks_documented_example_is_valid() {
        assertThat(at(1531420618).check("1531420618", DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.VALID);
    }

    @Test
    void a_changed_body_or_signature_is_a_mismatch() {
        byte[] changed = BODY.clone();
        changed[0] ^= 1;
        assertThat(at(1531420618).check("1531420618", DOCUMENTED, changed))
                .isEqualTo(SignatureCheck.Result.MISMATCH);
        assertThat(at(1531420618).check("1531420618", DOCUMENTED.replace('a', 'b'), BODY))
                .isEqualTo(SignatureCheck.Result.MISMATCH);
    }

    @Test
    void five_minutes_either_way_is_the_limit() {
        assertThat(at(1531420618 + 300).check("1531420618", DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.VALID);
        assertThat(at(1531420618 + 301).check("1531420618", DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.STALE);
        assertThat(at(1531420618 - 300).check("1531420618", DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.VALID);
        assertThat(at(1531420618 - 301).check("1531420618", DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.STALE);
    }

    @Test
    void missing_or_garbled_headers_are_missing() {
        assertThat(at(1531420618).check(null, DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.MISSING);
        assertThat(at(1531420618).check("1531420618", null, BODY))
                .isEqualTo(SignatureCheck.Result.MISSING);
        assertThat(at(1531420618).check("yesterday", DOCUMENTED, BODY))
                .isEqualTo(SignatureCheck.Result.MISSING);
    }

    @Test
    void the_per_thread_mac_gives_the_same_signature_on_many_threads_and_after_a_mismatch()
            throws Exception {
        SignatureCheck check = at(1531420618);
        byte[] changed = BODY.clone();
        changed[0] ^= 1;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results =
                    pool.invokeAll(
                            java.util.Collections.nCopies(
                                    64,
                                    (java.util.concurrent.Callable<Boolean>)
                                            () -> {
                                                for (int i = 0; i < 200; i++) {
                                                    if (check.check(
                                                                            "1531420618",
                                                                            DOCUMENTED,
                                                                            changed)
                                                                    != SignatureCheck.Result
                                                                            .MISMATCH
                                                            || check.check(
                                                                            "1531420618",
                                                                            DOCUMENTED,
                                                                            BODY)
                                                                    != SignatureCheck.Result
                                                                            .VALID) {
                                                        return false;
                                                    }
                                                }
                                                return true;
                                            }));
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
