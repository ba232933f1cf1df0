package com.bossreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.TriggerBuilder;

@ExtendWith(TestDatabase.class)
class ClusteredQuartzTest {
    private static final int JOBS = 40;
    private static final Map<String, AtomicInteger> runsPerJob = new ConcurrentHashMap<>();
    private static volatile CountDownLatch allRan;

    @DisallowConcurrentExecution
    public static final class RecordingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            runsPerJob
                    .computeIfAbsent(
                            context.getJobDetail().getKey().getName(), k -> new AtomicInteger())
                    .incrementAndGet();
            allRan.countDown();
        }
    }

    @Test
    void two_scheduler_instances_share_one_database_and_each_job_runs_once() throws Exception {
        allRan = new CountDownLatch(JOBS);
        var factory =
                new InjectingJobFactory(
                        Map.<Class<? extends Job>, Supplier<? extends Job>>of(
                                RecordingJob.class, RecordingJob::new));
        try (Scheduling a =
                        Scheduling.create(
                                TestDatabase.database().backgroundPool(), factory, "node-a", 2);
                Scheduling b =
                        Scheduling.create(
                                TestDatabase.database().backgroundPool(), factory, "node-b", 2)) {
            a.start();
            b.start();
            assertThat(a.isRunning()).isTrue();
            assertThat(b.isRunning()).isTrue();
            assertThat(a.scheduler().getMetaData().isJobStoreClustered()).isTrue();

            List<String> checkedIn =
                    TestDatabase.database()
                            .jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'bossreview' ORDER BY 1")
                                                    .mapTo(String.class)
                                                    .list());
            assertThat(checkedIn).contains("node-a", "node-b");

            for (int i = 0; i < JOBS; i++) {
                a.scheduler()
                        .scheduleJob(
                                JobBuilder.newJob(RecordingJob.class)
                                        .withIdentity("job-" + i)
                                        .build(),
                                TriggerBuilder.newTrigger().startNow().build());
            }

            assertThat(allRan.await(30, TimeUnit.SECONDS)).as("all jobs ran").isTrue();
            assertThat(runsPerJob).hasSize(JOBS);
            assertThat(runsPerJob.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        }
    }
}
