package com.bossreview.scheduling;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds jobs from suppliers registered by the composition root, so jobs get their services through
 * constructors instead of Quartz's no-argument reflection.
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
        return supplier.get();
    }
}
