package com.bossreview.nudge;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz adapter: one instance of the cluster plans nudges at a time. */
@DisallowConcurrentExecution
public final class MaterializeJob implements Job {
    private final Materializer materializer;

    public MaterializeJob(Materializer materializer) {
        this.materializer = materializer;
    }

    @Override
    public void execute(JobExecutionContext context) {
        materializer.materialize();
    }
}
