package com.bossreview.bench;

import com.bossreview.support.FakeSlack;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What makes the fake Slack answer like the real one: every Web API call answered after a latency
 * drawn from a long-tailed distribution, and {@code chat.postMessage} limited per workspace (per
 * bot token) by a token bucket, refused with {@code 429 Retry-After} as Slack does.
 *
 * <p>Latency: with {@code median} m, 97 % of calls take m·e^(0.38·N(0,1)) and 3 % (a slow shard, a
 * GC pause at Slack) m·3.3·e^(0.3·N(0,1)); for m = 150 ms that is p50 ≈ 155 ms, p90 ≈ 260 ms, p99 ≈
 * 580 ms (checked in {@code FakeSlackRealisticTest}). Drawn from a fixed seed, in arrival order.
 */
final class RealisticSlack implements FakeSlack.Pacing {
    static final double BODY_SIGMA = 0.38;
    static final double TAIL_SHARE = 0.03;
    static final double TAIL_FACTOR = 3.3;
    static final double TAIL_SIGMA = 0.3;
    static final long SEED = 20261203L;

    private final Latency latency;
    private final TokenBuckets buckets; // null: no rate limit
    private final AtomicLong refused = new AtomicLong();

    RealisticSlack(Latency latency, TokenBuckets buckets) {
        this.latency = latency;
        this.buckets = buckets;
    }

    @Override
    public FakeSlack.Pace arrive(String method, String token, boolean faulted) {
        long delay = latency.nextNanos();
        int retryAfter =
                buckets != null && !faulted && method.equals("chat.postMessage")
                        ? buckets.take(token == null ? "" : token)
                        : 0;
        if (retryAfter > 0) {
            refused.incrementAndGet();
        }
        return new FakeSlack.Pace(delay, retryAfter);
    }

    /** Calls answered {@code 429} so far. */
    long refused() {
        return refused.get();
    }

    /** The latency distribution above, scaled to a median; 0 ms: no delay at all. */
    static final class Latency {
        private final double medianMillis;
        private final Random random;

        Latency(double medianMillis, long seed) {
            this.medianMillis = medianMillis;
            this.random = new Random(seed);
        }

        synchronized double nextMillis() {
            if (medianMillis <= 0) {
                return 0;
            }
            boolean tail = random.nextDouble() < TAIL_SHARE;
            double g = random.nextGaussian();
            return tail
                    ? medianMillis * TAIL_FACTOR * Math.exp(TAIL_SIGMA * g)
                    : medianMillis * Math.exp(BODY_SIGMA * g);
        }

        long nextNanos() {
            return (long) (nextMillis() * TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
