package com.bossreview.slack;

/** Slack said our token is not valid: start-up cannot go on. The message says what to do. */
public class SlackTokenRejectedException extends RuntimeException {
    public SlackTokenRejectedException(String message) {
        super(message);
    }
}
