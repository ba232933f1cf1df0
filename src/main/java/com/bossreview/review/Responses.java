package com.bossreview.review;

import com.slack.api.webhook.WebhookResponse;

import java.io.IOException;

/** A post to a {@code response_url} that Slack refused is a failure, not a silent no-op. */
final class Responses {
    private Responses() {
    }

    static void check(WebhookResponse response) throws IOException {
        Integer code = response == null ? null : response.getCode();
        if (code == null || code != 200) {
            throw new IOException("response_url answered " + code);
        }
    }
}
