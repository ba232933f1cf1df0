package com.bossreview.nudge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code nudges_planned_total}, {@code _sent}, {@code _skipped{reason}}, {@code _failed}, {@code
 * _retried}, and dispatch lag.
 */
public final class NudgeMetrics {
    private final MeterRegistry registry;
    private final Counter planned;
    private final Counter sent;
    private final Counter failed;
    private final Counter retried;
    private final Counter possibleDuplicates;
    private final Timer lag;

    public NudgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.planned =
                Counter.builder("nudges.planned")
                        .description("occurrences newly planned")
                        .register(registry);
        this.sent =
                Counter.builder("nudges.sent")
                        .description("nudges delivered to Slack")
                        .register(registry);
        this.failed =
                Counter.builder("nudges.failed")
                        .description("nudges given up on")
                        .register(registry);
        this.retried =
                Counter.builder("nudges.retried")
                        .description("sends put back to try again")
                        .register(registry);
        this.possibleDuplicates =
                Counter.builder("nudges.possible.duplicates")
                        .description(
                                "nudges sent whose claim had been taken over before they were marked sent")
                        .register(registry);
        this.lag =
                Timer.builder("nudges.dispatch.lag")
                        .description("from due time to Slack's answer")
                        .publishPercentiles(0.5, 0.99)
                        .register(registry);
    }

    public void planned(int n) {
        planned.increment(n);
    }

    void sent(Duration lagFromDue) {
        sent.increment();
        lag.record(lagFromDue.isNegative() ? Duration.ZERO : lagFromDue);
    }

    void skipped(String reason) {
        String bucket =
                reason.startsWith("late") ? "late" : reason.replaceAll("[^a-z ]", "").trim();
        Counter.builder("nudges.skipped").tag("reason", bucket).register(registry).increment();
    }

    void failed() {
        failed.increment();
    }

    void possibleDuplicate() {
        possibleDuplicates.increment();
    }

    void retried() {
        retried.increment();
    }
}
