package com.bossreview.nudge;

import com.bossreview.manager.ManagerService;
import com.bossreview.scheduling.Scheduling;
import com.bossreview.slack.Messenger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The nudge engine's parts, built together: planner, sending engine and the Quartz job that plans.
 */
public final class Nudges {
    public static final int BATCH = 200;
    static final Duration MATERIALIZE_EVERY = Duration.ofMinutes(10);

    private final Materializer materializer;
    private final NudgeEngine engine;
    private final Jdbi jdbi;

    public Nudges(
            Jdbi jdbi,
            Clock clock,
            NudgeMetrics metrics,
            Materializer materializer,
            ManagerService managers,
            Messenger messenger,
            NudgeTypes types,
            Pace.Config pace) {
        this.jdbi = jdbi;
        this.materializer = materializer;
        this.engine =
                new NudgeEngine(
                        UUID.randomUUID().toString(),
                        jdbi,
                        clock,
                        pace,
                        new NudgeContent(jdbi, types),
                        messenger,
                        managers,
                        metrics);
    }

    public Materializer materializer() {
        return materializer;
    }

    public NudgeEngine engine() {
        return engine;
    }

    /** When any instance's dispatcher last ran, for {@code /healthz}. */
    public Optional<Instant> lastDispatcherRun() {
        return jdbi.withExtension(NudgeDao.class, NudgeDao::lastDispatcherRun);
    }

    /**
     * Schedules the cluster-wide planning job (once for the whole cluster) and starts this
     * instance's engine.
     */
    public NudgeEngine start(Scheduling scheduling) {
        JobDetail job =
                JobBuilder.newJob(MaterializeJob.class)
                        .withIdentity("materialize-nudges")
                        .storeDurably()
                        .build();
        Trigger trigger =
                TriggerBuilder.newTrigger()
                        .withIdentity("materialize-nudges")
                        .forJob(job)
                        .startNow()
                        .withSchedule(
                                SimpleScheduleBuilder.simpleSchedule()
                                        .withIntervalInMilliseconds(MATERIALIZE_EVERY.toMillis())
                                        .repeatForever()
                                        .withMisfireHandlingInstructionNowWithExistingCount())
                        .build();
        try {
            if (!scheduling.scheduler().checkExists(job.getKey())) {
                scheduling.scheduler().scheduleJob(job, trigger);
            }
        } catch (SchedulerException e) {
            // Another instance may have scheduled it a moment ago: that is what we wanted.
            if (!(e instanceof org.quartz.ObjectAlreadyExistsException)) {
                throw new IllegalStateException(
                        "Could not schedule nudge planning: " + e.getMessage(), e);
            }
        }
        engine.start();
        return engine;
    }
}
