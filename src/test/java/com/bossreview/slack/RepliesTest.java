package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RepliesTest {
    @Test
    void an_answer_slack_accepted_passes_the_check() throws IOException {
        WebhookResponse ok = WebhookResponse.builder().code(200).build();
        assertThat(Replies.check(ok)).isSameAs(ok);
        assertThat(Replies.delivered(ok)).isSameAs(ok);
    }

    @Test
    void an_answer_slack_refused_is_a_failure_not_a_silent_no_op() {
        assertThatThrownBy(() -> Replies.check(WebhookResponse.builder().code(404).build()))
                .isInstanceOf(IOException.class)
                .hasMessage("response_url answered 404");
        assertThatThrownBy(() -> Replies.check(null)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Replies.delivered(WebhookResponse.builder().code(500).build()))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("response_url answered 500");
    }
}
