package com.bossreview.install;

import java.time.Clock;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/**
 * Quartz adapter: deletes the data of workspaces uninstalled longer ago than the retention period.
 */
@DisallowConcurrentExecution
public final class PurgeUninstalledJob implements Job {
    static final Duration EVERY = Duration.ofHours(1);

    private final Uninstalls uninstalls;
    private final Clock clock;

    public PurgeUninstalledJob(Uninstalls uninstalls, Clock clock) {
        this.uninstalls = uninstalls;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        uninstalls.purgeExpired(clock.instant());
    }

    /** Once for the whole cluster; a second instance finding it scheduled leaves it alone. */
    public static void schedule(Scheduler scheduler) throws SchedulerException {
        JobDetail job =
                JobBuilder.newJob(PurgeUninstalledJob.class)
                        .withIdentity("purge-uninstalled")
                        .storeDurably()
                        .build();
        if (scheduler.checkExists(job.getKey())) {
            return;
        }
        try {
            scheduler.scheduleJob(
                    job,
                    TriggerBuilder.newTrigger()
                            .withIdentity("purge-uninstalled")
                            .forJob(job)
                            .startNow()
                            .withSchedule(
                                    SimpleScheduleBuilder.simpleSchedule()
                                            .withIntervalInMilliseconds(EVERY.toMillis())
                                            .repeatForever()
                                            .withMisfireHandlingInstructionNowWithExistingCount())
                            .build());
        } catch (org.quartz.ObjectAlreadyExistsException raced) {
            // another instance scheduled it a moment ago
        }
    }
}
