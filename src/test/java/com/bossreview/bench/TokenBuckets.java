package com.bossreview.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a workspace, i.e. its bot token), as Slack limits {@code
 * chat.postMessage} per workspace: {@code rate} tokens a second, at most {@code burst} saved up; a
 * call takes one token or is refused with the whole seconds until one is free (at least 1, as
 * Slack's {@code Retry-After}). The clock is given, so that tests need not sleep.
 */
final class TokenBuckets {
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final double rate;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /**
     * @param rate tokens per second, more than 0
     * @param burst tokens a bucket holds (and starts with), at least 1
     * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    TokenBuckets(double rate, int burst, LongSupplier nanos) {
        if (rate <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.rate = rate;
        this.burst = burst;
        this.nanos = nanos;
    }

    /**
     * Takes a token from {@code key}'s bucket.
     *
     * @return 0 when a token was taken; else the {@code Retry-After} seconds (at least 1) until the
     *     bucket has a whole token again
     */
    synchronized int take(String key) {
        long now = nanos.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        b.tokens = Math.min(burst, b.tokens + (now - b.at) * rate / 1e9);
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return Math.max(1, (int) Math.ceil((1 - b.tokens) / rate));
    }
}
