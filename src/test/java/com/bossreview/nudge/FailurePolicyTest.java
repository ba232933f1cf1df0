package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.nudge.FailurePolicy.Decision;
import com.bossreview.slack.SlackError;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every branch of what a failed send leads to, without a database or a Slack. */
class FailurePolicyTest {
    private static Decision decide(String code, int attempts, int streak) {
        return FailurePolicy.decide(new SlackError(code), Optional.empty(), attempts, streak, 0.5);
    }

    @Test
    void a_429_waits_for_slacks_retry_after_to_the_second() {
        assertThat(
                        FailurePolicy.decide(
                                new SlackError("ratelimited"),
                                Optional.of(Duration.ofSeconds(7)),
                                1,
                                0,
                                0.5))
                .isEqualTo(new Decision.RateLimited(Duration.ofSeconds(7)));
        assertThat(decide("ratelimited", 1, 0))
                .isEqualTo(new Decision.RateLimited(FailurePolicy.DEFAULT_RETRY_AFTER));
    }

    @Test
    void a_rejected_token_pauses_the_workspace_instead_of_failing_its_nudges() {
        assertThat(decide("token_revoked", 3, 0))
                .isEqualTo(new Decision.PauseWorkspace(FailurePolicy.TOKEN_PAUSE, "token_revoked"));
        assertThat(decide(SlackError.TOKEN_UNAVAILABLE, 1, 0))
                .isInstanceOf(Decision.PauseWorkspace.class);
    }

    @Test
    void a_transient_failure_backs_off_as_the_workspace_keeps_failing_not_as_the_row_did() {
        // Fifth attempt, but the workspace's other calls succeed: the first wait.
        assertThat(decide("http_503", 5, 1))
                .isEqualTo(new Decision.Retry(Duration.ofMillis(900), false));
        // An outage: every call fails, the waits double up to the cap.
        assertThat(decide("internal_error", 5, 5))
                .isEqualTo(new Decision.Retry(Duration.ofMillis(14_400), false));
        assertThat(decide(SlackError.UNREACHABLE, 29, 29))
                .isEqualTo(new Decision.Retry(Duration.ofMillis(270_000), false));
    }

    @Test
    void a_call_that_may_have_reached_slack_is_retried_and_marked_maybe_sent() {
        assertThat(decide(SlackError.TIMEOUT, 1, 1))
                .isEqualTo(new Decision.Retry(Duration.ofMillis(900), true));
        assertThat(decide(SlackError.CONNECTION_LOST, 1, 1))
                .isEqualTo(new Decision.Retry(Duration.ofMillis(900), true));
    }

    @Test
    void after_max_attempts_a_transient_failure_is_given_up() {
        assertThat(decide("http_500", FailurePolicy.MAX_ATTEMPTS, 1))
                .isEqualTo(new Decision.Fail());
    }

    @Test
    void a_person_slack_no_longer_reaches_stops_their_nudges() {
        for (String code : new String[] {"account_inactive", "user_not_found", "cannot_dm_bot"}) {
            assertThat(decide(code, 1, 0)).isEqualTo(new Decision.StopManager());
        }
    }

    @Test
    void a_refusal_or_an_uninstalled_workspace_fails_the_row() {
        assertThat(decide("invalid_blocks", 1, 0)).isEqualTo(new Decision.Fail());
        assertThat(decide(SlackError.NOT_INSTALLED, 1, 0)).isEqualTo(new Decision.Fail());
    }

    @Test
    void the_backoff_spreads_rows_that_failed_together_over_a_fifth_of_the_wait() {
        assertThat(FailurePolicy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(FailurePolicy.backoff(1, 0.999)).isLessThan(Duration.ofSeconds(1));
        assertThat(FailurePolicy.backoff(40, 1.0)).isEqualTo(FailurePolicy.MAX_BACKOFF);
    }
}
