package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlackErrorTest {
    @Test
    void each_code_means_one_thing_to_do() {
        assertThat(new SlackError("ratelimited").kind()).isEqualTo(SlackError.Kind.RATE_LIMITED);
        assertThat(new SlackError("http_503").kind()).isEqualTo(SlackError.Kind.TRANSIENT);
        assertThat(new SlackError(SlackError.UNREACHABLE).kind())
                .isEqualTo(SlackError.Kind.TRANSIENT);
        assertThat(new SlackError(SlackError.TIMEOUT).kind())
                .isEqualTo(SlackError.Kind.MAY_HAVE_ACTED);
        assertThat(new SlackError(SlackError.CONNECTION_LOST).kind())
                .isEqualTo(SlackError.Kind.MAY_HAVE_ACTED);
        assertThat(new SlackError("token_revoked").kind()).isEqualTo(SlackError.Kind.TOKEN);
        assertThat(new SlackError(SlackError.TOKEN_UNAVAILABLE).kind())
                .isEqualTo(SlackError.Kind.TOKEN);
        assertThat(new SlackError("account_inactive").kind()).isEqualTo(SlackError.Kind.USER_GONE);
        assertThat(new SlackError(SlackError.NOT_INSTALLED).kind())
                .isEqualTo(SlackError.Kind.NOT_INSTALLED);
        assertThat(new SlackError("invalid_blocks").kind()).isEqualTo(SlackError.Kind.REFUSED);
    }

    @Test
    void only_what_may_work_later_is_transient() {
        assertThat(new SlackError("ratelimited").transientFailure()).isTrue();
        assertThat(new SlackError(SlackError.TIMEOUT).transientFailure()).isTrue();
        assertThat(new SlackError("http_500").transientFailure()).isTrue();
        assertThat(new SlackError("channel_not_found").transientFailure()).isFalse();
        assertThat(new SlackError("invalid_auth").transientFailure()).isFalse();
        assertThat(new SlackError("http_404").transientFailure()).isFalse();
    }

    @Test
    void an_error_without_a_code_is_refused() {
        assertThatThrownBy(() -> new SlackError(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
