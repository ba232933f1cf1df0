package com.bossreview.scheduling;

import com.bossreview.db.BackgroundWork;
import java.util.Map;
import java.util.function.Supplier;
import org.quartz.InterruptableJob;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.UnableToInterruptJobException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Builds jobs from suppliers registered by the composition root, so jobs get their services through
 * constructors instead of Quartz's no-argument reflection. Every job runs as {@link
 * BackgroundWork}: its queries use the background pool and never take a connection Slack's requests
 * are waiting for.
 */
public final class InjectingJobFactory implements JobFactory {
    private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs;

    public InjectingJobFactory(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
        this.jobs = Map.copyOf(jobs);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Supplier<? extends Job> supplier = jobs.get(type);
        if (supplier == null) {
            throw new SchedulerException("No job registered for " + type.getName());
        }
        Job job = supplier.get();
        // Quartz asks the instance whether it can be interrupted (on shutdown): keep that visible.
        return job instanceof InterruptableJob interruptable
                ? new InBackgroundInterruptable(interruptable)
                : new InBackground(job);
    }

    private static void runInBackground(Job job, JobExecutionContext context)
            throws JobExecutionException {
        JobExecutionException[] failure = new JobExecutionException[1];
        BackgroundWork.run(
                () -> {
                    try {
                        job.execute(context);
                    } catch (JobExecutionException e) {
                        failure[0] = e;
                    }
                });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private record InBackground(Job job) implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            runInBackground(job, context);
        }
    }

    private record InBackgroundInterruptable(InterruptableJob job) implements InterruptableJob {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            runInBackground(job, context);
        }

        @Override
        public void interrupt() throws UnableToInterruptJobException {
            job.interrupt();
        }
    }
}
