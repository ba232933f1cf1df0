package com.bossreview.nudge;

import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaterializeJobTest {

    @Test
    void a_planning_run_cut_short_by_the_database_is_tried_again_in_the_same_run() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        MaterializeJob job = new MaterializeJob(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new IllegalStateException("Connection is not available");
            }
        }, Duration.ZERO);
        job.execute(null);
        assertThat(runs).hasValue(3);
    }

    @Test
    void it_gives_up_after_its_tries_until_the_next_scheduled_run() {
        AtomicInteger runs = new AtomicInteger();
        MaterializeJob job = new MaterializeJob(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("Connection is not available");
        }, Duration.ZERO);
        assertThatThrownBy(() -> job.execute(null)).isInstanceOf(JobExecutionException.class);
        assertThat(runs).hasValue(MaterializeJob.TRIES);
    }
}
