package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class SeenRequestsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SignatureCheck signer =
            new SignatureCheck(new Secret(SlackRequests.SIGNING_SECRET), clock);

    private String signatureOf(String timestamp, String body) {
        return signer.sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_signature_is_new_once_then_a_replay_and_a_new_timestamp_is_new_again() {
        try (SeenRequests seen =
                new SeenRequests(TestDatabase.database().jdbi(), clock, registry)) {
            String ts = Long.toString(NOW.getEpochSecond());
            String later = Long.toString(NOW.getEpochSecond() + 1);

            assertThat(seen.check(ts, signatureOf(ts, "text=good")))
                    .isEqualTo(SeenRequests.Verdict.FIRST);
            assertThat(seen.check(ts, signatureOf(ts, "text=good")))
                    .isEqualTo(SeenRequests.Verdict.REPLAY);
            assertThat(seen.check(later, signatureOf(later, "text=good")))
                    .isEqualTo(SeenRequests.Verdict.FIRST);
            assertThat(registry.get("slack.requests.replayed").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void signatures_are_kept_while_their_timestamp_passes_the_check_and_purged_after() {
        try (SeenRequests seen =
                new SeenRequests(TestDatabase.database().jdbi(), clock, registry)) {
            String old = Long.toString(NOW.getEpochSecond());
            seen.check(old, signatureOf(old, "text=old"));
            clock.advance(
                    SignatureCheck
                            .MAX_SKEW); // the last moment the old request passes the signature
            // check
            String recent = Long.toString(clock.instant().getEpochSecond());
            seen.check(recent, signatureOf(recent, "text=recent"));

            assertThat(seen.purge(clock.instant())).isZero();
            assertThat(seen.check(old, signatureOf(old, "text=old")))
                    .isEqualTo(SeenRequests.Verdict.REPLAY);

            clock.set(NOW.plus(SeenRequests.KEEP).plusSeconds(1));
            assertThat(seen.purge(clock.instant())).isEqualTo(1);
            assertThat(TestDatabase.rows("seen_request")).isEqualTo(1);
        }
    }

    @Test
    void expired_signatures_are_purged_by_the_requests_themselves() throws Exception {
        try (SeenRequests seen =
                new SeenRequests(TestDatabase.database().jdbi(), clock, registry)) {
            for (int i = 0; i < 5; i++) {
                String ts = Long.toString(clock.instant().getEpochSecond());
                seen.check(ts, signatureOf(ts, "text=" + i));
            }
            clock.advance(SeenRequests.KEEP.plus(Duration.ofSeconds(1)));
            String ts = Long.toString(clock.instant().getEpochSecond());
            seen.check(ts, signatureOf(ts, "text=now")); // due: purges the five in the background

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (TestDatabase.rows("seen_request") > 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(TestDatabase.rows("seen_request")).isEqualTo(1);
        }
    }
}
