package com.bossreview.slack;

/** A Web API call that did not succeed: Slack's error code ({@code channel_not_found}, {@code ratelimited}, {@code http_500}…). */
public class SlackCallException extends Exception {
    private final String error;

    public SlackCallException(String method, String error) {
        super(method + " failed: " + error);
        this.error = error;
    }

    public SlackCallException(String method, String error, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
