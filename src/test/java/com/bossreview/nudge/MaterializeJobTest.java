package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionException;

class MaterializeJobTest {

    @Test
    void a_planning_run_cut_short_by_the_database_is_tried_again_in_the_same_run()
            throws Exception {
        AtomicInteger runs = new AtomicInteger();
        MaterializeJob job =
                new MaterializeJob(
                        () -> {
                            if (runs.incrementAndGet() < 3) {
                                throw new IllegalStateException("Connection is not available");
                            }
                        },
                        Duration.ZERO);
        job.execute(null);
        assertThat(runs).hasValue(3);
    }

    @Test
    void it_gives_up_after_its_tries_until_the_next_scheduled_run() {
        AtomicInteger runs = new AtomicInteger();
        MaterializeJob job =
                new MaterializeJob(
                        () -> {
                            runs.incrementAndGet();
                            throw new IllegalStateException("Connection is not available");
                        },
                        Duration.ZERO);
        assertThatThrownBy(() -> job.execute(null)).isInstanceOf(JobExecutionException.class);
        assertThat(runs).hasValue(MaterializeJob.TRIES);
    }

    @Test
    void a_run_waiting_to_retry_stops_at_once_when_quartz_interrupts_it_on_shutdown()
            throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch failedOnce = new CountDownLatch(1);
        MaterializeJob job =
                new MaterializeJob(
                        () -> {
                            runs.incrementAndGet();
                            failedOnce.countDown();
                            throw new IllegalStateException("Connection is not available");
                        },
                        Duration.ofHours(1));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread worker =
                new Thread(
                        () -> {
                            try {
                                job.execute(null);
                            } catch (Throwable t) {
                                outcome.set(t);
                            } finally {
                                interruptedAfter.set(Thread.currentThread().isInterrupted());
                            }
                        });
        worker.start();
        assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();
        // The job may be between its first failure and its hour-long wait: interrupt until it has
        // stopped.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (worker.isAlive() && System.nanoTime() < deadline) {
            job.interrupt();
            worker.join(50);
        }
        assertThat(worker.isAlive()).as("still waiting to retry").isFalse();
        assertThat(outcome.get()).isInstanceOf(JobExecutionException.class);
        assertThat(runs).hasValue(1);
        assertThat(interruptedAfter.get())
                .as("the worker's interrupt flag after the job")
                .isFalse();
    }

    @Test
    void
            an_interrupt_that_lands_during_a_run_that_then_succeeds_does_not_reach_the_workers_next_job()
                    throws Exception {
        AtomicReference<MaterializeJob> self = new AtomicReference<>();
        MaterializeJob job = new MaterializeJob(() -> self.get().interrupt(), Duration.ZERO);
        self.set(job);
        job.execute(null); // on this thread, as a Quartz worker would run it
        assertThat(Thread.interrupted())
                .as("the interrupt of the finished run was cleared")
                .isFalse();
        job.interrupt(); // after the run: reaches nobody
        assertThat(Thread.interrupted()).isFalse();
    }
}
